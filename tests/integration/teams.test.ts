// Teams: create, rename and managers, with their audit rows; and what a manager of several teams
// sees through TeamManager: the deals of every team they manage, their own, and those they sell on.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as teams from "~/routes/_seller.settings.teams";
import * as list from "~/routes/_seller.deals._index";
import { visibleDealsSql, visibleDealsWhere } from "~/models/actor.server";
import { dashboardPeople } from "~/models/dashboard.server";
import { assignableOwners } from "~/models/deal.server";
import { callAction, callLoader } from "../fixtures/routes";
import { actorFor, addDealWithPlan, addUser, cookieFor, createTenant, uniqueSuffix, type Tenant } from "../fixtures/world";

let A: Tenant;
let adminCookie = "";

beforeAll(async () => {
  A = await createTenant("Teams");
  adminCookie = await cookieFor(A.admin.id);
});
beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
});

type Form = Record<string, string | number>;
const post = (form: Form) => callAction(teams.action, { path: "/settings/teams", cookie: adminCookie, form });
const errors = (body: unknown) => (body as { result: { error: Record<string, string[]> } }).result.error;
const team = (id: string) => prisma.team.findUniqueOrThrow({ where: { id }, include: { managers: true } });

async function created(name = `Team ${uniqueSuffix()}`) {
  expect((await post({ intent: "create-team", name })).status).toBe(303);
  return prisma.team.findFirstOrThrow({ where: { organizationId: A.organization.id, name } });
}

describe("teams", () => {
  it("are created and renamed with their audit rows; a name already taken is a field error", async () => {
    const west = await created("West");
    expect(await prisma.auditEvent.count({ where: { action: "team.created", subjectId: west.id } })).toBe(1);
    const duplicate = await post({ intent: "create-team", name: "West" });
    expect(duplicate.status).toBe(400);
    expect(errors(duplicate.body)).toEqual({ name: ["Another team already has this name"] });

    const renamed = await post({ intent: "rename-team", teamId: west.id, version: west.version, name: "West Coast" });
    expect(renamed.status).toBe(303);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "team.renamed", subjectId: west.id } });
    expect(JSON.parse(audit.detail!)).toEqual({ from: "West", to: "West Coast" });
    const clash = await post({ intent: "rename-team", teamId: west.id, version: west.version + 1, name: "Field" });
    expect(clash.status).toBe(400);
    expect(errors(clash.body)).toEqual({ name: ["Another team already has this name"] });
    const stale = await post({ intent: "rename-team", teamId: west.id, version: west.version, name: "Stale" });
    expect(stale.status).toBe(409);
    expect((await team(west.id)).name).toBe("West Coast");
  });

  it("take several managers, only managers and admins, and record who they are", async () => {
    const east = await created();
    const second = await addUser(A.organization.id, "MANAGER", null, "Second Manager");
    const form = { intent: "set-managers", teamId: east.id, version: east.version };
    const withRep = await callAction(teams.action, { path: "/settings/teams", cookie: adminCookie, form: { ...form, managerIds: A.rep.id } });
    expect(withRep.status).toBe(400);
    expect(errors(withRep.body)).toEqual({ managerIds: ["Only active managers and admins can manage a team"] });

    // Two checkboxes of the same name: the real form body, not an object with one value per key.
    const body = new URLSearchParams({ intent: "set-managers", teamId: east.id, version: String(east.version) });
    for (const id of [A.manager.id, second.id, A.admin.id]) body.append("managerIds", id);
    const request = new Request("http://localhost:3000/settings/teams", {
      method: "POST",
      headers: { Cookie: adminCookie, "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    const saved = (await teams.action({ request, params: {}, context: {} })) as Response;
    expect(saved.status).toBe(303);
    expect((await team(east.id)).managers.map((m) => m.userId).sort()).toEqual([A.manager.id, second.id, A.admin.id].sort());
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "team.managers_changed", subjectId: east.id } });
    expect(JSON.parse(audit.detail!).managers).toContain("Second Manager");

    const cleared = await post({ ...form, version: east.version + 1 });
    expect(cleared.status).toBe(303);
    expect((await team(east.id)).managers).toEqual([]);
  });

  it("answers a manager id of another organization with 404", async () => {
    const other = await createTenant("Foreign");
    const north = await created();
    const result = await post({ intent: "set-managers", teamId: north.id, version: north.version, managerIds: other.manager.id });
    expect(result.status).toBe(404);
    expect((await team(north.id)).managers).toEqual([]);
    const otherAdmin = await cookieFor(other.admin.id);
    const page = await callLoader(teams.loader, { path: "/settings/teams", cookie: otherAdmin });
    expect(JSON.stringify(page.body)).not.toContain(north.id);
  });
});

describe("a manager of two teams", () => {
  it("sees both teams' deals, their own and those they sell on, and no other team's; SQL and Prisma agree", async () => {
    const [red, blue, green] = [await created(), await created(), await created()];
    const manager = await addUser(A.organization.id, "MANAGER", green.id, "Two Teams");
    await prisma.teamManager.createMany({ data: [red, blue].map((t) => ({ teamId: t.id, userId: manager.id })) });
    const deals = {} as Record<"red" | "blue" | "green" | "own", string>;
    for (const [key, t] of [
      ["red", red],
      ["blue", blue],
      ["green", green],
    ] as const) {
      const rep = await addUser(A.organization.id, "REP", t.id);
      deals[key] = (await addDealWithPlan(await actorFor(rep.id))).deal.id;
    }
    const managerActor = await actorFor(manager.id);
    deals.own = (await addDealWithPlan(managerActor)).deal.id;
    // On a plan of the third team as a seller: visible, as for a rep.
    const onPlan = await addDealWithPlan(await actorFor(A.rep.id));
    await prisma.participant.create({
      data: {
        organizationId: A.organization.id,
        planId: onPlan.plan.id,
        side: "SELLER",
        userId: manager.id,
        email: manager.email,
        name: manager.name,
        accessState: "ACTIVE",
      },
    });

    const byPrisma = (await prisma.deal.findMany({ where: visibleDealsWhere(managerActor), select: { id: true } })).map((d) => d.id).sort();
    const bySql = (await prisma.$queryRaw<{ id: string }[]>`SELECT d."id" AS id FROM "Deal" d WHERE ${visibleDealsSql(managerActor)}`).map((d) => d.id).sort();
    expect(bySql).toEqual(byPrisma);
    expect(byPrisma).toEqual([deals.red, deals.blue, deals.own, onPlan.deal.id].sort());

    const page = (await callLoader(list.loader, { path: "/deals", cookie: await cookieFor(manager.id) })).body as { deals: Array<{ id: string }> };
    expect(page.deals.map((d) => d.id).sort()).toEqual(byPrisma);

    const dashboard = await dashboardPeople(managerActor);
    expect(new Set(dashboard.map((p) => p.teamId))).toEqual(new Set([red.id, blue.id]));
    const owners = (await assignableOwners(managerActor)).map((o) => o.id);
    expect(owners).toContain(manager.id);
    expect(owners.length).toBe(dashboard.length + 1);

    // The tenant's rep and the original manager still see what they saw.
    for (const user of [A.rep, A.manager]) {
      const actor = await actorFor(user.id);
      const prismaIds = (await prisma.deal.findMany({ where: visibleDealsWhere(actor), select: { id: true } })).map((d) => d.id).sort();
      const sqlIds = (await prisma.$queryRaw<{ id: string }[]>`SELECT d."id" AS id FROM "Deal" d WHERE ${visibleDealsSql(actor)}`).map((d) => d.id).sort();
      expect(sqlIds).toEqual(prismaIds);
      expect(prismaIds).not.toContain(deals.red);
    }
  });
});
