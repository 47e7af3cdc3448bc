// Rate limits live in the database, so every app instance counts the same hits.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { enforceLimits, hit, type RateLimit } from "~/utils/rate-limit.server";
import { uniqueSuffix } from "../fixtures/world";

const limit = (max: number): RateLimit => ({ name: `test-${uniqueSuffix()}`, max, windowMs: 60_000 });

describe("database rate limits", () => {
  it("allow max hits in a window, then refuse with the time left", async () => {
    const three = limit(3);
    const now = 1_800_000_000_000;
    const verdicts = [];
    for (let i = 0; i < 5; i++) verdicts.push(await hit(three, "ana@example.test", now + i * 1000));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false, false]);
    expect(verdicts[4].retryAfterSeconds).toBe(56);
  });

  it("count keys apart", async () => {
    const one = limit(1);
    expect((await hit(one, "a")).allowed).toBe(true);
    expect((await hit(one, "b")).allowed).toBe(true);
    expect((await hit(one, "a")).allowed).toBe(false);
  });

  it("start a new window once the old one ends", async () => {
    const one = limit(1);
    const now = 1_800_000_000_000;
    expect((await hit(one, "k", now)).allowed).toBe(true);
    expect((await hit(one, "k", now + 59_999)).allowed).toBe(false);
    const fresh = await hit(one, "k", now + 60_000);
    expect(fresh).toEqual({ allowed: true, retryAfterSeconds: 60 });
  });

  it("never let simultaneous hits past the limit", async () => {
    const five = limit(5);
    const verdicts = await Promise.all(Array.from({ length: 12 }, () => hit(five, "burst")));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    const row = await prisma.rateLimitWindow.findUniqueOrThrow({ where: { key: `${five.name}:burst` } });
    expect(row.count).toBe(12);
  });

  it("answer a used-up limit with 429 and Retry-After", async () => {
    const one = limit(1);
    await enforceLimits([one, "x"]);
    const refusal = await enforceLimits([one, "x"]).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(refusal).toBeInstanceOf(Response);
    const response = refusal as Response;
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await response.text()).toMatch(/Try again in 1 minute/);
  });
});
