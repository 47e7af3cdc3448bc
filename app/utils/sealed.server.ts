// Emails that carry a sign-in link or code wait in the outbox sealed: AES-256-GCM under a key
// derived from SESSION_SECRET, opened only when the email is handed to the provider (or shown on
// /dev/outbox). A plain body would be a working secret in the database file, and SQLite keeps old
// page versions in its WAL and free pages long after the row changed, so erasing it later is not
// enough. docs/decisions/0012-no-secret-at-rest.md has the reasons.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { sessionSecrets } from "./env.server";

const PREFIX = "sealed:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SealError extends Error {
  constructor() {
    super("The sealed text cannot be opened: it was changed, or sealed with a key this server no longer has");
  }
}

const keys = new Map<string, Buffer>();

/** What a key is for: each use derives its own, so SESSION_SECRET itself never encrypts anything. */
export type SealPurpose = "email-outbox-seal v1" | "webhook-secret-seal v1";
const DEFAULT_PURPOSE: SealPurpose = "email-outbox-seal v1";

function keyFor(secret: string, purpose: SealPurpose): Buffer {
  let key = keys.get(`${purpose}\n${secret}`);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "mutual", purpose, 32));
    keys.set(`${purpose}\n${secret}`, key);
  }
  return key;
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/**
 * Seals `plaintext` with the first secret. `context` is authenticated but not stored: the same
 * context must be given to open it, so a sealed body moved to another row (another recipient)
 * does not open.
 */
export function seal(plaintext: string, context: string, secrets = sessionSecrets(), purpose = DEFAULT_PURPOSE): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secrets[0], purpose), iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
}

/** Opens what seal() made, with any of the secrets (the first seals; the others are being rotated out). */
export function open(sealed: string, context: string, secrets = sessionSecrets(), purpose = DEFAULT_PURPOSE): string {
  if (!isSealed(sealed)) throw new SealError();
  const bytes = Buffer.from(sealed.slice(PREFIX.length), "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealError();
  const iv = bytes.subarray(0, IV_BYTES);
  const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  for (const secret of secrets) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", keyFor(secret, purpose), iv);
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
    } catch {
      // Not this key, or not what was sealed: try the next key.
    }
  }
  throw new SealError();
}

interface OutboxBody {
  to: string;
  idempotencyKey: string;
  html: string;
  text: string;
}

/** The row's recipient and key bind each sealed body to the row it was written for. */
function contextOf(row: OutboxBody, part: "html" | "text") {
  return `EmailOutbox:${part}:${row.to}:${row.idempotencyKey}`;
}

/** An outbox body as it may be stored: sealed when it carries a secret, as it is otherwise. */
export function sealedBody<T extends OutboxBody & { containsSecret: boolean }>(email: T): T {
  if (!email.containsSecret) return email;
  return { ...email, html: seal(email.html, contextOf(email, "html")), text: seal(email.text, contextOf(email, "text")) };
}

/**
 * A stored outbox body, opened. Rows that were never sealed (ordinary email, bodies erased after
 * delivery, rows queued before sealing existed) are read as they are. Throws SealError when a
 * sealed body was changed or its key is gone.
 */
export function openedBody(row: OutboxBody): { html: string; text: string } {
  const part = (name: "html" | "text") => (isSealed(row[name]) ? open(row[name], contextOf(row, name)) : row[name]);
  return { html: part("html"), text: part("text") };
}
