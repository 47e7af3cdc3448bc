// The dashboard aggregates in SQL; the definitions are app/domain/kpis.ts's. Here every KPI is
// computed both ways, on the demo seed and on a generated organization, and must match exactly.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { countsAsDone } from "~/domain/completion";
import { computeKpis, type KpiDeal, type KpiMilestone, type KpiWindow, type Kpis } from "~/domain/kpis";
import { fiscalQuarterOf } from "~/domain/fiscal";
import { addDays } from "~/domain/dates";
import type { MilestoneStatus, OwnerSide, Side } from "~/domain/types";
import { loadDashboard } from "~/models/dashboard.server";
import { loadDealSignals } from "~/models/signals.server";
import { actorToday, type SellerActor } from "~/models/actor.server";
import * as dashboardRoute from "~/routes/_seller.dashboard";
import { seedDemo } from "../../prisma/seed";
import { generateLargeOrganization } from "../../prisma/seed-large";
import { callLoader } from "../fixtures/routes";
import { actorFor, cookieFor } from "../fixtures/world";

/** The reference: every deal through the engine, every milestone through the core rule. */
async function kpisTheDomainWay(actor: SellerActor, window: KpiWindow) {
  const users = await prisma.user.findMany({ where: { organizationId: actor.organizationId, ...(actor.role === "MANAGER" ? { teamId: actor.teamId } : {}) } });
  const teamOf = new Map(users.map((u) => [u.id, u.teamId ?? "no-team"]));
  const dealsRows = await prisma.deal.findMany({ where: { organizationId: actor.organizationId, ownerId: { in: users.map((u) => u.id) } }, include: { plan: true } });
  const signals = await loadDealSignals({ ...actor, role: "ADMIN" }, dealsRows.map((d) => d.id));
  const deals: KpiDeal[] = dealsRows.map((d) => {
    const s = signals.get(d.id)!;
    return {
      dealId: d.id,
      ownerId: d.ownerId,
      outcome: d.outcome as KpiDeal["outcome"],
      stage: d.stage,
      amount: d.amount,
      currency: d.currency,
      targetCloseDate: d.targetCloseDate,
      planState: (d.plan?.status ?? null) as KpiDeal["planState"],
      repCategory: s.forecast.rep,
      derivedCategory: s.forecast.derived,
      overCalled: s.forecast.overCalled,
      projectedOutsideQuarter: s.projectedOutsideQuarter,
      activeBuyerCount: s.activeBuyerCount,
    };
  });
  const ms = await prisma.milestone.findMany({ where: { organizationId: actor.organizationId, plan: { deal: { ownerId: { in: users.map((u) => u.id) } } } }, include: { plan: { include: { deal: true } } } });
  const milestones: KpiMilestone[] = ms.map((m) => ({
    dealId: m.plan.dealId,
    ownerId: m.plan.deal.ownerId,
    dealOutcome: m.plan.deal.outcome as KpiMilestone["dealOutcome"],
    planState: m.plan.status as KpiMilestone["planState"],
    targetDate: m.targetDate,
    originalTargetDate: m.originalTargetDate,
    countsAsDone: countsAsDone({
      ownerSide: m.ownerSide as OwnerSide,
      status: m.status as MilestoneStatus,
      markedDoneBySide: m.markedDoneBySide as Side | null,
      buyerConfirmed: m.buyerConfirmedAt !== null,
    }),
    completedOn: m.completedOn,
  }));
  const today = actorToday(actor);
  return {
    byRep: computeKpis(deals, milestones, window, today, (ownerId) => ownerId),
    byTeam: computeKpis(deals, milestones, window, today, (ownerId) => teamOf.get(ownerId) ?? null),
    overall: computeKpis(deals, milestones, window, today, () => "all").get("all"),
  };
}

function expectSame(sql: Kpis | undefined, domain: Kpis | undefined, label: string) {
  // A group with no rows at all is empty both ways.
  const empty = { completion: { due: 0 }, coverage: { eligible: 0 }, multiThread: { openDeals: 0 } };
  if (!domain) return expect(sql, label).toMatchObject(empty);
  expect(sql, label).toEqual(domain);
}

async function compareBothWays(actor: SellerActor, window: KpiWindow) {
  const sql = await loadDashboard(actor, window);
  const domain = await kpisTheDomainWay(actor, window);
  expectSame(sql.overall, domain.overall, "overall");
  for (const person of sql.people) expectSame(sql.byRep.get(person.id), domain.byRep.get(person.id), `rep ${person.name}`);
  for (const [team, kpis] of sql.byTeam) expectSame(kpis, domain.byTeam.get(team), `team ${team}`);
  return sql;
}

function windowsFor(actor: SellerActor): KpiWindow[] {
  const today = actorToday(actor);
  const quarter = fiscalQuarterOf(today, 2);
  return [
    { from: quarter.start, to: quarter.end },
    { from: addDays(today, -6), to: today },
    { from: addDays(today, -90), to: addDays(today, 30) },
  ];
}

describe("KPIs on the demo seed", () => {
  let admin: SellerActor;
  let manager: SellerActor;
  beforeAll(async () => {
    await seedDemo();
    admin = await actorFor((await prisma.user.findUniqueOrThrow({ where: { email: "admin@mutual.test" } })).id);
    manager = await actorFor((await prisma.user.findUniqueOrThrow({ where: { email: "manager@mutual.test" } })).id);
  });

  it("agree between SQL and the domain definitions, for the admin and the manager, in three windows", async () => {
    for (const actor of [admin, manager]) for (const window of windowsFor(actor)) await compareBothWays(actor, window);
  });

  it("count what a reader can check by hand", async () => {
    const today = actorToday(admin);
    const quarter = fiscalQuarterOf(today, 2);
    const dashboard = await loadDashboard(admin, { from: quarter.start, to: quarter.end });
    // 12 deals: Vandelay (stage 2), Aperture (stage 2) are below stage 3; Wonka won, Massive lost.
    expect(dashboard.overall.coverage.eligible).toBe(8);
    expect(dashboard.overall.coverage.shared).toBe(8);
    expect(dashboard.overall.coverage.accepted).toBe(2);
    expect(dashboard.overall.forecast.overCalledDealIds.length).toBeGreaterThanOrEqual(1);
  });

  it("is refused to reps and served to managers through the route", async () => {
    const rep = await prisma.user.findUniqueOrThrow({ where: { email: "rep@mutual.test" } });
    const refused = await callLoader(dashboardRoute.loader, { path: "/dashboard", cookie: await cookieFor(rep.id) });
    expect(refused.status).toBe(403);
    const served = await callLoader(dashboardRoute.loader, { path: "/dashboard?window=quarter", cookie: await cookieFor(manager.userId) });
    expect(served.status).toBe(200);
  });
});

describe("KPIs on a generated organization", () => {
  it("agree between SQL and the domain definitions, by rep, by team and overall", async () => {
    const org = await generateLargeOrganization({ deals: 120, seed: 11 });
    const admin = await actorFor((await prisma.user.findUniqueOrThrow({ where: { email: org.adminEmail } })).id);
    for (const window of windowsFor(admin)) {
      const dashboard = await compareBothWays(admin, window);
      expect(dashboard.overall.completion.due).toBeGreaterThan(0);
    }
    // A recorded change marks the deal's cached signals stale, and the next read recomputes them.
    const deal = await prisma.deal.findFirstOrThrow({ where: { organizationId: org.organizationId, outcome: "OPEN" } });
    await prisma.$transaction((tx) =>
      tx.dealSignalCache.updateMany({ where: { dealId: deal.id }, data: { stale: true } }),
    );
    await prisma.deal.update({ where: { id: deal.id }, data: { outcome: "WON" } });
    await compareBothWays(admin, windowsFor(admin)[0]);
    expect((await prisma.dealSignalCache.findUniqueOrThrow({ where: { dealId: deal.id } })).derivedCategory).toBe("CLOSED");
  });
});

describe("the background refresh", () => {
  it("recomputes stale deal signals for every organization, and nothing once they are fresh", async () => {
    const { refreshAllSignalCaches } = await import("~/models/signals.server");
    await refreshAllSignalCaches();
    await prisma.dealSignalCache.updateMany({ data: { stale: true } });
    const stale = await prisma.dealSignalCache.count();
    expect(await refreshAllSignalCaches()).toBe(stale);
    expect(await refreshAllSignalCaches()).toBe(0);
    // The next day every row is stale again: overdue counts move with the date.
    expect(await refreshAllSignalCaches(new Date(Date.now() + 86_400_000))).toBe(stale);
  });
});
