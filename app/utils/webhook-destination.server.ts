// Where a webhook may go. Any endpoint must be http(s). In production an admin must not be able to
// make the server call into its own network (SSRF): loopback, private, link-local and other
// reserved addresses are refused, checked on the resolved address at each delivery, so a name
// that later points inside is caught too. Outside production, or with
// WEBHOOK_ALLOW_PRIVATE_URLS=true, they are allowed (local receivers, tests, internal tools).
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
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
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
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
  if (!allowPrivate && (host === "localhost" || isReservedAddress(host))) return "This address is inside a private network; use a public address";
  return null;
}

/** At delivery time: an error to log instead of sending, or null when the destination is allowed. */
export async function destinationRefusal(raw: string, allowPrivate = privateAllowed()): Promise<string | null> {
  const problem = endpointUrlProblem(raw, allowPrivate);
  if (problem) return problem;
  if (allowPrivate) return null;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, "");
  try {
    const addresses = await lookup(host, { all: true });
    if (addresses.some((a) => isReservedAddress(a.address))) return "Refused: the address resolves inside a private network";
  } catch {
    return "The address's host name could not be resolved";
  }
  return null;
}
