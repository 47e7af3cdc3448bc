// Where a webhook may go. Any endpoint must be http(s). In production an admin must not be able to
// make the server call into its own network (SSRF): loopback, private, link-local and other
// reserved addresses are refused. A literal address is checked on the URL; a name is resolved by
// the send itself through `checkedLookup`, which refuses it when ANY of its addresses is reserved
// and hands the connection only an address it checked, so a name that points inside later (DNS
// rebinding) is refused at that send. Outside production, or with WEBHOOK_ALLOW_PRIVATE_URLS=true,
// they are allowed (local receivers, tests, internal tools).
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { env, isProduction } from "./env.server";

const reserved = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const) {
  reserved.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  // Unspecified, loopback and IPv4-compatible (::a.b.c.d, e.g. [::7f00:1]).
  ["::", 96],
  // NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::) carry an IPv4 address a gateway may reach.
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["2002::", 16],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  reserved.addSubnet(net, prefix, "ipv6");
}

function privateAllowed() {
  return !isProduction() || env().WEBHOOK_ALLOW_PRIVATE_URLS === "true";
}

export function isReservedAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return reserved.check(mapped[1], "ipv4");
  // The same IPv4-mapped form written in hex, as URLs normalise it: [::ffff:7f00:1].
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
    return reserved.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, "ipv4");
  }
  const family = isIP(address);
  if (family === 0) return false;
  return reserved.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Why a URL cannot be an endpoint, in words for the settings form; null when it can. */
export function endpointUrlProblem(raw: string, allowPrivate = privateAllowed()): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full address starting with https://";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "The address must start with https:// or http://";
  if (url.username || url.password) return "Leave the user name and password out of the address";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && (host === "localhost" || host.endsWith(".localhost") || isReservedAddress(host))) {
    return "This address is inside a private network; use a public address";
  }
  return null;
}

export const RESOLVED_INSIDE = "Refused: the address resolves inside a private network";

/**
 * The `lookup` a send connects through (node:http's option): in production it resolves the name,
 * refuses it when any address is reserved, and returns only checked addresses, so the address
 * checked is the address connected to. The send's own deadline also bounds a slow resolver.
 */
export function checkedLookup(allowPrivate = privateAllowed()): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      if (!allowPrivate && addresses.some((a) => isReservedAddress(a.address))) {
        return callback(Object.assign(new Error(RESOLVED_INSIDE), { code: "EWEBHOOKPRIVATE" }), "", 0);
      }
      if (addresses.length === 0) return callback(Object.assign(new Error("The address's host name could not be resolved"), { code: "ENOTFOUND" }), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

export interface SendResult {
  statusCode: number | null;
  error: string | null;
}

/**
 * POSTs once, connecting only through `checkedLookup`. `timeoutMs` bounds the whole try: name
 * resolution, connection and the receiver's answer. Redirects are not followed.
 */
export function postChecked(
  raw: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  allowPrivate = privateAllowed(),
): Promise<SendResult> {
  const problem = endpointUrlProblem(raw, allowPrivate);
  if (problem) return Promise.resolve({ statusCode: null, error: problem });
  const url = new URL(raw);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const request = send(url, {
      method: "POST",
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      lookup: checkedLookup(allowPrivate),
      agent: false,
    });
    const deadline = setTimeout(() => request.destroy(Object.assign(new Error(`No answer within ${timeoutMs / 1000} s`), { code: "ETIMEDOUT" })), timeoutMs);
    const finish = (result: SendResult) => {
      clearTimeout(deadline);
      resolve(result);
    };
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      response.destroy();
      finish({ statusCode: status, error: status >= 200 && status < 300 ? null : `The receiver answered ${status}` });
    });
    request.on("error", (error) => finish({ statusCode: null, error: error.message }));
    request.end(body);
  });
}
