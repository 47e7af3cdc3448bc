// Standard Webhooks signing (https://www.standardwebhooks.com): the secret is `whsec_` and base64
// key bytes, shown once; the database keeps it sealed under a key of its own, opened only to sign.
import { createHmac, randomBytes } from "node:crypto";
import { open, seal } from "./sealed.server";
import { sessionSecrets } from "./env.server";

const PURPOSE = "webhook-secret-seal v1";
const PREFIX = "whsec_";

export function newSigningSecret(): string {
  return PREFIX + randomBytes(32).toString("base64");
}

/** The organization is bound into the seal: a sealed secret copied to another tenant's row does not open. */
function contextOf(organizationId: string) {
  return `WebhookEndpoint:secret:${organizationId}`;
}

export function sealSigningSecret(secret: string, organizationId: string): string {
  return seal(secret, contextOf(organizationId), sessionSecrets(), PURPOSE);
}

export function openSigningSecret(sealed: string, organizationId: string): string {
  return open(sealed, contextOf(organizationId), sessionSecrets(), PURPOSE);
}

/** The three headers of a signed delivery; `timestamp` is in unix seconds. */
export function signatureHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": `v1,${signature}` };
}
