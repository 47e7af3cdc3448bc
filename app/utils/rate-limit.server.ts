// A fixed-window limiter kept in process memory. It is enough for one server process (the
// SQLite deployment); a multi-instance deployment would move these counters to the database.

interface Window {
  count: number;
  resetAt: number;
}

const windows = new Map<string, Window>();

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

/** Counts one hit; returns false once the key has used up its window. */
export function hit(limit: RateLimit, key: string, now = Date.now()): boolean {
  const id = `${limit.name}:${key}`;
  const current = windows.get(id);
  if (!current || current.resetAt <= now) {
    windows.set(id, { count: 1, resetAt: now + limit.windowMs });
    if (windows.size > 50_000) sweep(now);
    return true;
  }
  current.count++;
  return current.count <= limit.max;
}

function sweep(now: number) {
  for (const [id, window] of windows) if (window.resetAt <= now) windows.delete(id);
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

export function tooManyRequests(): Response {
  return new Response("Too many attempts. Wait a few minutes and try again.", {
    status: 429,
    headers: { "Retry-After": "900" },
  });
}
