// Fixed-window rate limits counted in the database, so every app instance behind a load balancer
// sees the same counters. One statement counts a hit and reads the window back, so two hits at
// once can never both pass as the last allowed one.
import { prisma } from "./db.server";

export interface RateLimit {
  /** e.g. "sign-in-request:email" */
  name: string;
  max: number;
  windowMs: number;
}

export const LIMITS = {
  signInRequestPerEmail: { name: "sign-in-request:email", max: 5, windowMs: 15 * 60_000 },
  signInRequestPerIp: { name: "sign-in-request:ip", max: 30, windowMs: 15 * 60_000 },
  verifyPerIp: { name: "verify:ip", max: 60, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimit>;

export interface Verdict {
  allowed: boolean;
  /** Whole seconds until the window ends: the Retry-After a refused client is told. */
  retryAfterSeconds: number;
}

/** Expired windows are removed now and then, not on every hit. */
const SWEEP_CHANCE = 0.01;

/** Counts one hit against `limit` for `key`; refused once the key has used up its window. */
export async function hit(limit: RateLimit, key: string, now = Date.now()): Promise<Verdict> {
  const id = `${limit.name}:${key}`;
  const nowMs = BigInt(now);
  const resetAtMs = BigInt(now + limit.windowMs);
  const rows = await prisma.$queryRaw<Array<{ count: number | bigint; resetAtMs: number | bigint }>>`
    INSERT INTO "RateLimitWindow" ("key", "count", "resetAtMs") VALUES (${id}, 1, ${resetAtMs})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitWindow"."resetAtMs" <= ${nowMs} THEN 1 ELSE "RateLimitWindow"."count" + 1 END,
      "resetAtMs" = CASE WHEN "RateLimitWindow"."resetAtMs" <= ${nowMs} THEN ${resetAtMs} ELSE "RateLimitWindow"."resetAtMs" END
    RETURNING "count", "resetAtMs"`;
  if (Math.random() < SWEEP_CHANCE) await prisma.rateLimitWindow.deleteMany({ where: { resetAtMs: { lte: nowMs } } });
  const count = Number(rows[0].count);
  const retryAfterSeconds = Math.max(1, Math.ceil((Number(rows[0].resetAtMs) - now) / 1000));
  return { allowed: count <= limit.max, retryAfterSeconds };
}

/** Counts a hit for each (limit, key) in turn and throws a 429 at the first one used up. */
export async function enforceLimits(...checks: Array<readonly [RateLimit, string]>): Promise<void> {
  for (const [limit, key] of checks) {
    const verdict = await hit(limit, key);
    if (!verdict.allowed) throw tooManyRequests(verdict.retryAfterSeconds);
  }
}

/**
 * The client's address, as the production server (app/production-server.js) read it from the connection or, with
 * TRUSTED_PROXIES set, from the proxies' X-Forwarded-For. Request headers alone are never trusted:
 * a client could name a new address on every request. The dev server passes no address, and every
 * request shares one window there.
 */
export function clientIp(context: unknown): string {
  const ip = (context as { clientIp?: unknown } | undefined)?.clientIp;
  return typeof ip === "string" && ip.length > 0 ? ip : "local";
}

export function tooManyRequests(retryAfterSeconds = 900): Response {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new Response(`Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
    status: 429,
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}
