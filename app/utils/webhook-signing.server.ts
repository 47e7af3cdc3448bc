// Standard Webhooks signing (https://www.standardwebhooks.com): the secret is `whsec_` and base64
// key bytes, shown once; the database keeps it sealed under a key of its own, opened only to sign.
import { createHmac, randomBytes } from "node:crypto";
import { open, seal, SealError } from "./sealed.server";
import { sessionSecrets } from "./env.server";
import { prisma } from "./db.server";

const PURPOSE = "webhook-secret-seal v1";
const PREFIX = "whsec_";

export function newSigningSecret(): string {
  return PREFIX + randomBytes(32).toString("base64");
}

/** The organization is bound into the seal: a sealed secret copied to another tenant's row does not open. */
function contextOf(organizationId: string) {
  return `WebhookEndpoint:secret:${organizationId}`;
}

export function sealSigningSecret(secret: string, organizationId: string, secrets = sessionSecrets()): string {
  return seal(secret, contextOf(organizationId), secrets, PURPOSE);
}

export function openSigningSecret(sealed: string, organizationId: string, secrets = sessionSecrets()): string {
  return open(sealed, contextOf(organizationId), secrets, PURPOSE);
}

interface SealedEndpoint {
  id: string;
  organizationId: string;
  secretSealed: string;
}

/**
 * Opens an endpoint's secret to sign with. One sealed under an older SESSION_SECRET (the value
 * was rotated) is sealed again under the current one and written back, so the old value can be
 * dropped once every secret was used or the job round re-sealed it. The write is conditional: a
 * new secret made meanwhile is not overwritten.
 */
export async function signingSecretOf(endpoint: SealedEndpoint, secrets = sessionSecrets()): Promise<string> {
  const [current, ...older] = secrets;
  const context = contextOf(endpoint.organizationId);
  try {
    return open(endpoint.secretSealed, context, [current], PURPOSE);
  } catch (error) {
    if (!(error instanceof SealError) || older.length === 0) throw error;
  }
  const secret = open(endpoint.secretSealed, context, older, PURPOSE);
  await prisma.webhookEndpoint.updateMany({
    where: { id: endpoint.id, secretSealed: endpoint.secretSealed },
    data: { secretSealed: sealSigningSecret(secret, endpoint.organizationId, secrets) },
  });
  return secret;
}

/** Re-seals every secret still sealed under an older SESSION_SECRET; how many were. */
export async function resealOlderSigningSecrets(secrets = sessionSecrets()): Promise<number> {
  if (secrets.length < 2) return 0;
  const [current] = secrets;
  const endpoints = await prisma.webhookEndpoint.findMany({ select: { id: true, organizationId: true, secretSealed: true } });
  let resealed = 0;
  for (const endpoint of endpoints) {
    try {
      open(endpoint.secretSealed, contextOf(endpoint.organizationId), [current], PURPOSE);
    } catch {
      try {
        await signingSecretOf(endpoint, secrets);
        resealed++;
      } catch (error) {
        // Sealed under a value no longer configured: only a new secret on its page brings it back.
        console.error(`[webhooks] the signing secret of endpoint ${endpoint.id} cannot be opened`, error);
      }
    }
  }
  return resealed;
}

/** The three headers of a signed delivery; `timestamp` is in unix seconds. */
export function signatureHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": `v1,${signature}` };
}
