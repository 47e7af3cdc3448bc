// The scorecard counts in SQL (scorecard-sql.server.ts); here every figure is also computed from
// plain rows through its domain definition (scorecard-reference.ts) and must match exactly, by
// rep, by team and for the whole scope, in three windows, on the demo seed and on a generated
// organization. Also: who may open the page, and the history rows a deal change records.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import type { KpiWindow } from "~/domain/kpis";
import { addDays, calendarDateIn } from "~/domain/dates";
import { emptyScorecard, STAGES, type Scorecard } from "~/domain/scorecard";
import { loadScorecard } from "~/models/scorecard.server";
import { updateDeal } from "~/models/deal.server";
import { actorToday, type SellerActor } from "~/models/actor.server";
import * as scorecardRoute from "~/routes/_seller.dashboard_.scorecard";
import { seedDemo } from "../../prisma/seed";
import { generateLargeOrganization } from "../../prisma/seed-large";
import { callLoader } from "../fixtures/routes";
import { actorFor, cookieFor, createTenant } from "../fixtures/world";
import { scorecardTheDomainWay } from "./scorecard-reference";
import { threeWindowsFor } from "../fixtures/windows";

function expectSame(sql: Scorecard | undefined, domain: Scorecard | undefined, label: string) {
  expect(sql, label).toBeDefined();
  // A group with no rows at all is empty both ways.
  expect(sql, label).toEqual(domain ?? emptyScorecard());
}

async function compareBothWays(actor: SellerActor, window: KpiWindow) {
  const sql = await loadScorecard(actor, window);
  const domain = await scorecardTheDomainWay(actor, window);
  expectSame(sql.overall, domain.overall, `overall ${window.from}..${window.to}`);
  for (const person of sql.people) expectSame(sql.byRep.get(person.id), domain.byRep.get(person.id), `rep ${person.name} ${window.from}`);
  for (const [team, s] of sql.byTeam) expectSame(s, domain.byTeam.get(team), `team ${team} ${window.from}`);
  return sql;
}

/** How much each figure has to say, so a comparison of two empty scorecards cannot pass unnoticed. */
function substance(s: Scorecard) {
  return {
    entered: STAGES.reduce((sum, stage) => sum + s.winRate[stage].entered, 0),
    stints: STAGES.reduce((sum, stage) => sum + s.daysInStage[stage].stints, 0),
    won: s.salesCycle.count,
    open: s.meddpicc.openDeals,
    active: s.nextStep.active,
    pushes: s.pushes.pushes,
    aging: s.aging.length,
    withoutNextStep: s.nextStep.without.length,
    scored: s.meddpicc.openDeals - s.meddpicc.notScored,
  };
}

describe("the scorecard on the demo seed", () => {
  let admin: SellerActor;
  let manager: SellerActor;
  beforeAll(async () => {
    await seedDemo();
    admin = await actorFor((await prisma.user.findUniqueOrThrow({ where: { email: "admin@mutual.test" } })).id);
    manager = await actorFor((await prisma.user.findUniqueOrThrow({ where: { email: "manager@mutual.test" } })).id);
  });

  it("agrees between SQL and the domain definitions, for the admin and the manager, in three windows", async () => {
    for (const actor of [admin, manager]) for (const window of threeWindowsFor(actor)) await compareBothWays(actor, window);
    const wide = await loadScorecard(admin, threeWindowsFor(admin)[2]);
    // Every active demo deal has a next step: the list of deals without one is empty there.
    const { withoutNextStep, ...figures } = substance(wide.overall);
    expect(withoutNextStep).toBe(0);
    for (const [name, value] of Object.entries(figures)) expect(value, name).toBeGreaterThan(0);
  });

  it("gives every demo deal a history that opens on its creation day and reaches its present stage", async () => {
    const deals = await prisma.deal.findMany({ where: { organizationId: admin.organizationId }, include: { stageChanges: { orderBy: { at: "asc" } } } });
    expect(deals.length).toBeGreaterThan(5);
    for (const deal of deals) {
      const [opening, ...moves] = deal.stageChanges;
      expect(opening.fromStage, deal.accountName).toBeNull();
      expect(opening.changedOn, deal.accountName).toBe(calendarDateIn(admin.timezone, deal.createdAt));
      expect(deal.stageChanges.at(-1)!.toStage, deal.accountName).toBe(deal.stage);
      for (const move of moves) expect(move.daysInFromStage, deal.accountName).toBeGreaterThanOrEqual(0);
      if (deal.outcome === "WON") expect(deal.stageChanges.at(-1)!.changedOn <= deal.closedOn!, deal.accountName).toBe(true);
    }
    const pushes = await prisma.dealCloseDateChange.count({ where: { organizationId: admin.organizationId, daysMoved: { gt: 0 } } });
    expect(pushes).toBeGreaterThan(0);
  });
});

describe("the scorecard on a generated organization", () => {
  let admin: SellerActor;
  let organizationId: string;
  beforeAll(async () => {
    const org = await generateLargeOrganization({ deals: 150, seed: 5 });
    organizationId = org.organizationId;
    admin = await actorFor((await prisma.user.findUniqueOrThrow({ where: { email: org.adminEmail } })).id);
  });

  it("agrees between SQL and the domain definitions, by rep, by team and overall, in three windows", async () => {
    for (const window of threeWindowsFor(admin)) await compareBothWays(admin, window);
    const quarter = await loadScorecard(admin, threeWindowsFor(admin)[0]);
    for (const [name, value] of Object.entries(substance(quarter.overall))) expect(value, name).toBeGreaterThan(0);
  });

  it("still agrees with an archived deal, a score of exactly 12, a deal never scored, and a team manager's view", async () => {
    const [archived, scored, unscored] = await prisma.deal.findMany({ where: { organizationId, outcome: "OPEN" }, take: 3, orderBy: { accountName: "asc" } });
    await prisma.deal.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const twelve = { metrics: 2, economicBuyer: 2, decisionCriteria: 2, decisionProcess: 2, paperProcess: 2, identifyPain: 2, champion: 0, competition: 0 };
    await prisma.meddpiccScore.upsert({ where: { dealId: scored.id }, create: { organizationId, dealId: scored.id, ...twelve }, update: twelve });
    await prisma.meddpiccScore.deleteMany({ where: { dealId: unscored.id } });
    const manager = await prisma.user.findFirstOrThrow({ where: { organizationId, role: "MANAGER" } });
    for (const actor of [admin, await actorFor(manager.id)]) for (const window of threeWindowsFor(actor)) await compareBothWays(actor, window);
    const sql = await loadScorecard(admin, threeWindowsFor(admin)[0]);
    expect(sql.overall.meddpicc.qualified).toBeGreaterThanOrEqual(1);
    expect(sql.overall.meddpicc.notScored).toBeGreaterThanOrEqual(1);
    expect(sql.overall.aging.map((d) => d.dealId)).not.toContain(archived.id);
  });
});

describe("the scorecard page", () => {
  it("serves managers and admins, refuses reps, sends the signed-out to sign in, and finds no team or rep of another organization", async () => {
    const a = await createTenant("Scorecard A");
    const b = await createTenant("Scorecard B");
    const managerA = await cookieFor(a.manager.id);
    const served = await callLoader(scorecardRoute.loader, { path: "/dashboard/scorecard?window=quarter", cookie: managerA });
    expect(served.status).toBe(200);
    const drill = await callLoader(scorecardRoute.loader, { path: `/dashboard/scorecard?rep=${a.rep.id}`, cookie: managerA });
    expect(drill.status).toBe(200);
    expect((drill.body as { summary: Scorecard }).summary.meddpicc.openDeals).toBe(1);
    expect((await callLoader(scorecardRoute.loader, { path: "/dashboard/scorecard", cookie: await cookieFor(a.admin.id) })).status).toBe(200);

    expect((await callLoader(scorecardRoute.loader, { path: "/dashboard/scorecard", cookie: await cookieFor(a.rep.id) })).status).toBe(403);
    const signedOut = await callLoader(scorecardRoute.loader, { path: "/dashboard/scorecard" });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toMatch(/^\/login/);

    const teamB = b.manager.teamId!;
    for (const cookie of [managerA, await cookieFor(a.admin.id)]) {
      for (const query of [`rep=${b.rep.id}`, `team=${teamB}`, `rep=${b.rep.id}&team=${teamB}`, "rep=missing", "team=missing"]) {
        const result = await callLoader(scorecardRoute.loader, { path: `/dashboard/scorecard?${query}`, cookie });
        expect(result.status, query).toBe(404);
      }
    }
  });
});

describe("a deal change's history", () => {
  it("records the stage left with its days, and the close date moved with its days", async () => {
    const tenant = await createTenant("History");
    const { deal } = tenant.repDeal;
    const today = actorToday(tenant.repActor);
    const [opening] = await prisma.dealStageChange.findMany({ where: { dealId: deal.id } });
    expect(opening).toMatchObject({ fromStage: null, toStage: 3, changedOn: today, daysInFromStage: null });
    // The deal opened nine days ago.
    await prisma.dealStageChange.update({ where: { id: opening.id }, data: { changedOn: addDays(today, -9) } });

    const fields = {
      accountName: deal.accountName,
      name: deal.name,
      amount: deal.amount,
      currency: "USD" as const,
      repForecastCategory: "PIPELINE" as const,
      outcome: "OPEN" as const,
    };
    const moved = await updateDeal(tenant.repActor, deal.id, { ...fields, stage: 4, targetCloseDate: "2027-04-14", version: deal.version });
    const pulled = await updateDeal(tenant.repActor, deal.id, { ...fields, stage: 4, targetCloseDate: "2027-04-04", version: moved.version });
    await updateDeal(tenant.repActor, deal.id, { ...fields, stage: 5, targetCloseDate: "2027-04-04", version: pulled.version });

    const stages = await prisma.dealStageChange.findMany({ where: { dealId: deal.id }, orderBy: { at: "asc" } });
    expect(stages.map((s) => [s.fromStage, s.toStage, s.changedOn, s.daysInFromStage])).toEqual([
      [null, 3, addDays(today, -9), null],
      [3, 4, today, 9],
      [4, 5, today, 0],
    ]);
    expect(stages[1].changedByName).toBe(tenant.repActor.name);
    const closeDates = await prisma.dealCloseDateChange.findMany({ where: { dealId: deal.id }, orderBy: { at: "asc" } });
    expect(closeDates.map((c) => [c.fromDate, c.toDate, c.daysMoved, c.changedOn])).toEqual([
      ["2027-03-31", "2027-04-14", 14, today],
      ["2027-04-14", "2027-04-04", -10, today],
    ]);
  });
});
