import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** A URL-safe random token with 256 bits of entropy. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A six-digit one-time code, uniformly drawn. */
export function randomCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/**
 * Secrets (session tokens, link tokens, codes) are stored only as SHA-256 hashes. Their entropy,
 * expiry and attempt limits make a slow hash unnecessary; the hash keeps a database leak harmless.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function hashesMatch(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * A six-digit code has only a million values, so a plain hash could be reversed by brute force
 * after a database leak. Keying the hash with the server secret and a per-row salt prevents that.
 */
export function hashCode(code: string, salt: string, key: string): string {
  return createHmac("sha256", key).update(`${salt}:${code}`, "utf8").digest("hex");
}
