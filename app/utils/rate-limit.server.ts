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
  signUpRequestPerEmail: { name: "sign-up-request:email", max: 5, windowMs: 15 * 60_000 },
  /** Fewer than sign-in's: a person creates one workspace, not one per colleague. */
  signUpRequestPerIp: { name: "sign-up-request:ip", max: 10, windowMs: 15 * 60_000 },
  verifyPerIp: { name: "verify:ip", max: 60, windowMs: 15 * 60_000 },
  /** Ids and links from the URL that lead nowhere (404s, unknown tokens): people mistype a few, enumerators thousands. */
  missesPerIp: { name: "miss:ip", max: 60, windowMs: 15 * 60_000 },
  missesPerSeller: { name: "miss:seller", max: 30, windowMs: 15 * 60_000 },
  stopEmailsPerIp: { name: "stop-emails:ip", max: 30, windowMs: 15 * 60_000 },
  /** Acts of a signed-in seller that send email (invitations, approvals, mentions): a stolen session must not become a mailer. */
  emailingPerSeller: { name: "emailing:seller", max: 60, windowMs: 60 * 60_000 },
  /** An invitation's answer tells whether an address has an account: an admin may ask a few dozen times an hour, not a list. */
  sellerInvitesPerAdmin: { name: "seller-invite:admin", max: 40, windowMs: 60 * 60_000 },
  /** Each calendar address is a new secret that reads a plan: a person needs a few, not a stream. */
  calendarFeedsPerSeller: { name: "calendar-feed:seller", max: 20, windowMs: 60 * 60_000 },
  /** A whole-pipeline file may compute up to 10,000 deals' figures: a person needs a few an hour, not a loop. */
  exportsPerSeller: { name: "export:seller", max: 60, windowMs: 60 * 60_000 },
  /** An API token: a CRM sync reads and writes in bursts, a runaway script should not take the server. */
  apiPerToken: { name: "api:token", max: 600, windowMs: 60_000 },
} satisfies Record<string, RateLimit>;

type Check = readonly [RateLimit, string];

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
export async function enforceLimits(...checks: Check[]): Promise<void> {
  for (const [limit, key] of checks) {
    const verdict = await hit(limit, key);
    if (!verdict.allowed) throw tooManyRequests(verdict.retryAfterSeconds);
  }
}

/**
 * Runs a lookup of an id from the URL; a 404 it throws counts as a miss, and past the limit the
 * answer is a 429 with Retry-After instead. Found ids are not counted, and need not be refused
 * once a client is over: a 404 means "missing or not yours" alike, so a found id is only ever one
 * the client may already see, and the 429 hides nothing a 200 would tell.
 */
export async function countingMisses<T>(checks: Check[], lookup: () => Promise<T>): Promise<T> {
  try {
    return await lookup();
  } catch (error) {
    if (error instanceof Response && error.status === 404) await enforceLimits(...checks);
    throw error;
  }
}

/** The miss limits of a seller's request: per person and per address. */
export function sellerMisses(seller: { userId: string }, context: unknown): Check[] {
  return [
    [LIMITS.missesPerSeller, seller.userId],
    [LIMITS.missesPerIp, clientIp(context)],
  ];
}

/** The limit on a seller's acts that send email; count it before the act, so a refused one sends nothing. */
export function sellerEmailing(seller: { userId: string }): Check {
  return [LIMITS.emailingPerSeller, seller.userId];
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
