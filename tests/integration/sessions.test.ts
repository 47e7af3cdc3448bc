// Sessions end SESSION_LIFETIME_DAYS after sign-in, or after SESSION_IDLE_DAYS without use,
// whichever comes first. This file runs with both set away from their defaults (7 and 30), so it
// shows the settings, not constants, decide.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SESSION_IDLE_DAYS = "2";
  process.env.SESSION_LIFETIME_DAYS = "10";
});

import { prisma } from "~/utils/db.server";
import { findSession, sessionLimits, startSession } from "~/utils/session.server";
import { cookieFor, createTenant, type Tenant } from "../fixtures/world";

const DAY_MS = 86_400_000;
const IDLE_MS = 2 * DAY_MS;

let tenant: Tenant;
beforeAll(async () => {
  tenant = await createTenant("Sessions");
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => {
  delete process.env.SESSION_IDLE_DAYS;
  delete process.env.SESSION_LIFETIME_DAYS;
});

async function signedInRequest() {
  const cookie = await cookieFor(tenant.rep.id);
  const request = new Request("http://localhost/deals", { headers: { Cookie: cookie } });
  const session = await prisma.session.findFirstOrThrow({ where: { userId: tenant.rep.id }, orderBy: { createdAt: "desc" } });
  return { request, session };
}

async function lastUsed(sessionId: string, msAgo: number) {
  await prisma.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(Date.now() - msAgo) } });
}

describe("sessions", () => {
  it("read their lifetimes from the settings", () => {
    expect(sessionLimits()).toMatchObject({ idleMs: IDLE_MS, lifetimeMs: 10 * DAY_MS });
  });

  it("last as long as the absolute limit, in the database and in the cookie", async () => {
    const before = Date.now();
    const setCookie = await startSession({
      kind: "SELLER",
      organizationId: tenant.organization.id,
      userId: tenant.rep.id,
      signIn: { email: tenant.rep.email, via: "link" },
    });
    expect(setCookie).toContain(`Max-Age=${10 * 86_400}`);
    const session = await prisma.session.findFirstOrThrow({ where: { userId: tenant.rep.id }, orderBy: { createdAt: "desc" } });
    expect(session.expiresAt.getTime() - before).toBeGreaterThanOrEqual(10 * DAY_MS);
    expect(session.expiresAt.getTime() - before).toBeLessThan(10 * DAY_MS + 60_000);
  });

  it("stay live when unused for just under the idle limit, and count as used again", async () => {
    const { request, session } = await signedInRequest();
    await lastUsed(session.id, IDLE_MS - 60_000);
    expect((await findSession(request))?.id).toBe(session.id);
    const touched = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(60_000);
  });

  it("end when unused for just over the idle limit, though the absolute expiry is days away", async () => {
    const { request, session } = await signedInRequest();
    await lastUsed(session.id, IDLE_MS + 1000);
    expect(await findSession(request)).toBeNull();
    expect(await prisma.session.count({ where: { id: session.id } })).toBe(0);
  });

  it("end at the absolute limit though used every day", async () => {
    const { request, session } = await signedInRequest();
    const signedInAt = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    for (let day = 1; day < 10; day++) {
      vi.setSystemTime(signedInAt + day * DAY_MS);
      expect((await findSession(request))?.id, `day ${day}`).toBe(session.id);
    }
    vi.setSystemTime(signedInAt + 10 * DAY_MS + 1000);
    expect(await findSession(request)).toBeNull();
    expect(await prisma.session.count({ where: { id: session.id } })).toBe(0);
  });

  it("write their last use only when it is stale, not on every request", async () => {
    const { request, session } = await signedInRequest();
    const { touchEveryMs } = sessionLimits();
    expect(touchEveryMs).toBe(IDLE_MS / 100);
    await lastUsed(session.id, touchEveryMs - 60_000);
    const recent = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    await findSession(request);
    await findSession(request);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt).toEqual(recent.lastSeenAt);
    await lastUsed(session.id, touchEveryMs + 60_000);
    await findSession(request);
    const touched = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(60_000);
  });
});
