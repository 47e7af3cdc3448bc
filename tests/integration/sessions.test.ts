// Sessions end 30 days after sign-in, or after 7 days without use, whichever comes first.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { SESSION_IDLE_MS, findSession } from "~/utils/session.server";
import { cookieFor, createTenant, type Tenant } from "../fixtures/world";

let tenant: Tenant;
beforeAll(async () => {
  tenant = await createTenant("Sessions");
});

async function signedInRequest() {
  const cookie = await cookieFor(tenant.rep.id);
  const request = new Request("http://localhost/deals", { headers: { Cookie: cookie } });
  const session = await prisma.session.findFirstOrThrow({ where: { userId: tenant.rep.id }, orderBy: { createdAt: "desc" } });
  return { request, session };
}

describe("sessions", () => {
  it("stay live while used within the idle limit", async () => {
    const { request, session } = await signedInRequest();
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS + 60_000) } });
    expect((await findSession(request))?.id).toBe(session.id);
    const touched = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(60_000);
  });

  it("end after 7 days without use, though the absolute expiry is weeks away", async () => {
    const { request, session } = await signedInRequest();
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 1000) } });
    expect(await findSession(request)).toBeNull();
    expect(await prisma.session.count({ where: { id: session.id } })).toBe(0);
  });

  it("end at the absolute expiry, however recently used", async () => {
    const { request, session } = await signedInRequest();
    await prisma.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findSession(request)).toBeNull();
  });
});
