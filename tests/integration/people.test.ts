// The people page: role and team changes with their versions, deactivation that ends the person's
// sessions at once, reactivation, reassigning open deals, the last-admin guard, and who may do any
// of it (admins only; everyone else gets 403, and another organization's ids are 404).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as people from "~/routes/_seller.settings.people";
import * as teams from "~/routes/_seller.settings.teams";
import * as layout from "~/routes/_seller";
import * as dealPage from "~/routes/_seller.deals.$dealId/route";
import { createDeal } from "~/models/deal.server";
import { callAction, callLoader } from "../fixtures/routes";
import { actorFor, addDealWithPlan, addUser, cookieFor, createTenant, type Tenant } from "../fixtures/world";

let A: Tenant;
let B: Tenant;
const cookies = { admin: "", manager: "", rep: "", bAdmin: "" };

beforeAll(async () => {
  A = await createTenant("People");
  B = await createTenant("Others");
  cookies.admin = await cookieFor(A.admin.id);
  cookies.manager = await cookieFor(A.manager.id);
  cookies.rep = await cookieFor(A.rep.id);
  cookies.bAdmin = await cookieFor(B.admin.id);
});
beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
});

type Form = Record<string, string | number>;
const post = (form: Form, cookie = cookies.admin) => callAction(people.action, { path: "/settings/people", cookie, form });
const version = async (userId: string) => (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).version;
const errors = (body: unknown) => (body as { result: { error: Record<string, string[]> } }).result.error;
const teamOf = (t: Tenant) => prisma.team.findFirstOrThrow({ where: { organizationId: t.organization.id } });

/** Every action of both pages, with a valid payload aimed at organization A's rows. */
async function everyAction(): Promise<Array<[string, typeof people.action, Form]>> {
  const team = await teamOf(A);
  const invitation = await prisma.sellerInvitation.create({
    data: {
      organizationId: A.organization.id,
      email: `pending-${Date.now()}@example.test`,
      role: "REP",
      tokenHash: `hash-${Math.random()}`,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const rep = { userId: A.otherRep.id, version: await version(A.otherRep.id) };
  return [
    ["invite", people.action, { intent: "invite", email: "someone-new@example.test", role: "REP", teamId: team.id }],
    ["revoke-invitation", people.action, { intent: "revoke-invitation", invitationId: invitation.id }],
    ["change-seller", people.action, { intent: "change-seller", ...rep, role: "MANAGER", teamId: team.id }],
    ["deactivate", people.action, { intent: "deactivate", ...rep, reassignTo: A.rep.id }],
    ["reactivate", people.action, { intent: "reactivate", ...rep }],
    ["reassign-deals", people.action, { intent: "reassign-deals", userId: A.otherRep.id, reassignTo: A.rep.id }],
    ["create-team", teams.action, { intent: "create-team", name: "Forbidden" }],
    ["rename-team", teams.action, { intent: "rename-team", teamId: team.id, version: team.version, name: "Renamed" }],
    ["set-managers", teams.action, { intent: "set-managers", teamId: team.id, version: team.version, managerIds: A.admin.id }],
  ];
}

describe("who may manage people and teams", () => {
  it.each(["rep", "manager"] as const)("a %s gets 403 on both pages and every action, and nothing changes", async (who) => {
    const cookie = cookies[who];
    for (const loader of [people.loader, teams.loader]) expect((await callLoader(loader, { path: "/settings/people", cookie })).status).toBe(403);
    const auditBefore = await prisma.auditEvent.count({ where: { organizationId: A.organization.id } });
    const usersBefore = await prisma.user.findMany({ where: { organizationId: A.organization.id }, orderBy: { id: "asc" } });
    for (const [intent, action, form] of await everyAction()) {
      expect((await callAction(action, { path: "/settings", cookie, form })).status, intent).toBe(403);
    }
    expect(await prisma.auditEvent.count({ where: { organizationId: A.organization.id } })).toBe(auditBefore);
    expect(await prisma.user.findMany({ where: { organizationId: A.organization.id }, orderBy: { id: "asc" } })).toEqual(usersBefore);
  });

  it("an admin of another organization gets 404 for this organization's people, teams and invitations", async () => {
    for (const [intent, action, form] of await everyAction()) {
      if (intent === "invite" || intent === "create-team") continue;
      expect((await callAction(action, { path: "/settings", cookie: cookies.bAdmin, form })).status, intent).toBe(404);
    }
    const bTeam = await teamOf(B);
    const reassignToForeign = await post({ intent: "reassign-deals", userId: B.rep.id, reassignTo: A.rep.id }, cookies.bAdmin);
    expect(reassignToForeign.status).toBe(404);
    const foreignTeam = await post({ intent: "change-seller", userId: A.rep.id, version: await version(A.rep.id), role: "REP", teamId: bTeam.id });
    expect(foreignTeam.status).toBe(404);
    const emails = JSON.stringify((await callLoader(people.loader, { path: "/settings/people", cookie: cookies.bAdmin })).body);
    expect(emails).not.toContain(A.rep.email);
    expect(emails).toContain(B.rep.email);
  });
});

describe("role and team", () => {
  it("changes both with their audit rows, and answers a stale version with 409", async () => {
    const person = await addUser(A.organization.id, "REP");
    const team = await teamOf(A);
    const stale = await version(person.id);
    const saved = await post({ intent: "change-seller", userId: person.id, version: stale, role: "MANAGER", teamId: team.id });
    expect(saved.status).toBe(303);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ role: "MANAGER", teamId: team.id, version: stale + 1 });
    const rows = await prisma.auditEvent.findMany({ where: { subjectId: person.id }, orderBy: { action: "asc" } });
    expect(rows.map((r) => [r.action, JSON.parse(r.detail!)])).toEqual([
      ["seller.role_changed", { email: person.email, from: "rep", to: "manager" }],
      ["seller.team_changed", { email: person.email, from: "no team", to: "Field" }],
    ]);
    const conflict = await post({ intent: "change-seller", userId: person.id, version: stale, role: "ADMIN", teamId: "" });
    expect(conflict.status).toBe(409);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).role).toBe("MANAGER");
  });

  it("keeps an active admin: the last one can neither demote nor deactivate themselves", async () => {
    const { admin, organization } = A;
    const demote = await post({ intent: "change-seller", userId: admin.id, version: await version(admin.id), role: "REP", teamId: "" });
    expect(demote.status).toBe(400);
    expect(errors(demote.body).role[0]).toMatch(/needs an active admin/);
    const deactivate = await post({ intent: "deactivate", userId: admin.id, version: await version(admin.id) });
    expect(deactivate.status).toBe(400);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", deactivatedAt: null });

    const second = await addUser(organization.id, "ADMIN");
    const stepDown = await post({ intent: "change-seller", userId: admin.id, version: await version(admin.id), role: "MANAGER", teamId: "" });
    expect(stepDown.status).toBe(303);
    const secondCookie = await cookieFor(second.id);
    const last = await post({ intent: "deactivate", userId: second.id, version: await version(second.id) }, secondCookie);
    expect(last.status).toBe(400);
    await prisma.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
  });
});

describe("deactivating", () => {
  it("ends the person's open session on its next request, and reactivating lets them sign in again", async () => {
    const person = await addUser(A.organization.id, "REP");
    const cookie = await cookieFor(person.id);
    expect((await callLoader(layout.loader, { path: "/deals", cookie })).status).toBe(200);
    const result = await post({ intent: "deactivate", userId: person.id, version: await version(person.id) });
    expect(result.status).toBe(303);
    expect(await prisma.session.count({ where: { userId: person.id } })).toBe(0);
    const refused = await callLoader(layout.loader, { path: "/deals", cookie });
    expect(refused.status).toBe(302);
    expect(refused.headers.get("Location")).toMatch(/^\/login/);
    expect(await prisma.auditEvent.count({ where: { action: "seller.deactivated", subjectId: person.id } })).toBe(1);

    const back = await post({ intent: "reactivate", userId: person.id, version: await version(person.id) });
    expect(back.status).toBe(303);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).deactivatedAt).toBeNull();
    expect((await callLoader(layout.loader, { path: "/deals", cookie: await cookieFor(person.id) })).status).toBe(200);
    expect(await prisma.auditEvent.count({ where: { action: "seller.reactivated", subjectId: person.id } })).toBe(1);
  });

  it("refuses a deactivated person whose session row somehow survived", async () => {
    const person = await addUser(A.organization.id, "REP");
    const cookie = await cookieFor(person.id);
    await prisma.user.update({ where: { id: person.id }, data: { deactivatedAt: new Date() } });
    expect((await callLoader(layout.loader, { path: "/deals", cookie })).status).toBe(302);
  });

  it("can hand the person's open deals to someone else in the same step", async () => {
    const person = await addUser(A.organization.id, "REP");
    const actor = await actorFor(person.id);
    const open = await addDealWithPlan(actor);
    const result = await post({ intent: "deactivate", userId: person.id, version: await version(person.id), reassignTo: A.rep.id });
    expect(result.status).toBe(303);
    expect((await prisma.deal.findUniqueOrThrow({ where: { id: open.deal.id } })).ownerId).toBe(A.rep.id);
    expect((await prisma.dealSignalCache.findUniqueOrThrow({ where: { dealId: open.deal.id } })).ownerId).toBe(A.rep.id);
    const repSees = await callLoader(dealPage.loader, { path: `/deals/${open.deal.id}`, params: { dealId: open.deal.id }, cookie: cookies.rep });
    expect(repSees.status).toBe(200);
  });
});

describe("reassigning open deals", () => {
  it("moves exactly that person's open deals, records each, and leaves closed and others' deals alone", async () => {
    const person = await addUser(A.organization.id, "REP");
    const actor = await actorFor(person.id);
    const deal = (name: string) =>
      createDeal(actor, {
        accountName: name,
        name,
        amount: 1000,
        currency: "USD",
        stage: 2,
        targetCloseDate: "2027-03-31",
        repForecastCategory: "PIPELINE",
        planMode: "none",
      });
    const [open1, open2, won] = [await deal("Open one"), await deal("Open two"), await deal("Won one")];
    await prisma.deal.update({ where: { id: won.id }, data: { outcome: "WON", closedOn: "2026-11-01" } });
    const othersBefore = await prisma.deal.findMany({
      where: { organizationId: A.organization.id, ownerId: { not: person.id } },
      select: { id: true, ownerId: true },
    });

    const result = await post({ intent: "reassign-deals", userId: person.id, reassignTo: A.otherRep.id });
    expect(result.status).toBe(303);
    const owners = Object.fromEntries((await prisma.deal.findMany({ where: { id: { in: [open1.id, open2.id, won.id] } } })).map((d) => [d.id, d.ownerId]));
    expect(owners).toEqual({ [open1.id]: A.otherRep.id, [open2.id]: A.otherRep.id, [won.id]: person.id });
    for (const { id, ownerId } of othersBefore) expect((await prisma.deal.findUniqueOrThrow({ where: { id } })).ownerId, id).toBe(ownerId);
    const history = await prisma.activity.findFirstOrThrow({ where: { dealId: open1.id, action: "deal.updated" } });
    expect(JSON.parse(history.after!)).toEqual({ owner: A.otherRep.name });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "deals.reassigned", subjectId: person.id } });
    expect(JSON.parse(audit.detail!)).toEqual({ from: person.email, to: A.otherRep.email, deals: 2 });
  });

  it("refuses to hand deals to the same person or to someone deactivated", async () => {
    const gone = await addUser(A.organization.id, "REP");
    await prisma.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    for (const reassignTo of [A.rep.id, gone.id]) {
      const result = await post({ intent: "reassign-deals", userId: A.rep.id, reassignTo });
      expect(result.status).toBe(400);
      expect(errors(result.body)).toEqual({ reassignTo: ["Choose another active person to take the deals"] });
    }
  });
});
