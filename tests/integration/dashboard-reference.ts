// The dashboard's figures computed the slow, obvious way, for tests to hold the fast path to:
// every deal through the engine, every milestone through kpis.ts's addMilestone and the core rule
// (app/domain/completion.ts). Also: the raw counts behind a set of KPIs.
import { prisma } from "~/utils/db.server";
import { countsAsDone } from "~/domain/completion";
import { addDeal, addMilestone, emptyKpis, finish, type KpiDeal, type KpiMilestone, type KpiWindow, type Kpis } from "~/domain/kpis";
import type { MilestoneStatus, OwnerSide, Side } from "~/domain/types";
import { loadDealSignals } from "~/models/signals.server";
import { actorToday, type SellerActor } from "~/models/actor.server";

/** KPIs per group (a rep, a team, the whole organization) from plain rows. */
function groupKpis(deals: KpiDeal[], milestones: KpiMilestone[], window: KpiWindow, today: string, groupOf: (ownerId: string) => string | null) {
  const groups = new Map<string, Kpis>();
  const kpisOf = (ownerId: string) => {
    const key = groupOf(ownerId);
    if (key === null) return null;
    if (!groups.has(key)) groups.set(key, emptyKpis());
    return groups.get(key)!;
  };
  for (const m of milestones) {
    const k = kpisOf(m.ownerId);
    if (k) addMilestone(k, m, window, today);
  }
  for (const d of deals) {
    const k = kpisOf(d.ownerId);
    if (k) addDeal(k, d, window);
  }
  for (const k of groups.values()) finish(k);
  return groups;
}

export async function kpisTheDomainWay(actor: SellerActor, window: KpiWindow) {
  const organizationId = actor.organizationId;
  const users = await prisma.user.findMany({
    where: { organizationId, ...(actor.role === "MANAGER" ? { team: { managers: { some: { userId: actor.userId } } } } : {}) },
  });
  const teamOf = new Map(users.map((u) => [u.id, u.teamId ?? "no-team"]));
  const dealRows = await prisma.deal.findMany({ where: { organizationId, ownerId: { in: users.map((u) => u.id) } }, include: { plan: true } });
  const unreadable = new Set(
    (await prisma.dealSignalCache.findMany({ where: { organizationId, unreadableDate: true }, select: { dealId: true } })).map((c) => c.dealId),
  );
  // A deal whose dates cannot be read has no signals to compute: it is left out either way.
  const readable = dealRows.filter((d) => !unreadable.has(d.id));
  const signals = await loadDealSignals(
    { ...actor, role: "ADMIN" },
    readable.map((d) => d.id),
  );
  const deals: KpiDeal[] = readable.map((d) => {
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
      archived: d.archivedAt !== null,
      unreadableDate: false,
    };
  });
  const rows = await prisma.milestone.findMany({
    where: { organizationId, plan: { deal: { ownerId: { in: users.map((u) => u.id) } } } },
    include: { plan: { include: { deal: true } } },
  });
  const milestones: KpiMilestone[] = rows.map((m) => ({
    dealId: m.plan.dealId,
    ownerId: m.plan.deal.ownerId,
    dealOutcome: m.plan.deal.outcome as KpiMilestone["dealOutcome"],
    planState: m.plan.status as KpiMilestone["planState"],
    targetDate: m.targetDate,
    originalTargetDate: m.originalTargetDate,
    dealArchived: m.plan.deal.archivedAt !== null,
    dealUnreadableDate: unreadable.has(m.plan.dealId),
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
    byRep: groupKpis(deals, milestones, window, today, (ownerId) => ownerId),
    byTeam: groupKpis(deals, milestones, window, today, (ownerId) => teamOf.get(ownerId) ?? null),
    overall: groupKpis(deals, milestones, window, today, () => "all").get("all"),
  };
}

/** What every card is made of: counts and amounts, which add up across rows. */
export interface CardCounts {
  due: number;
  onTime: number;
  redated: number;
  daysSlipped: number;
  eligible: number;
  shared: number;
  accepted: number;
  projectedOut: number;
  openDeals: number;
  activeBuyers: number;
  overCalled: number;
  /** "USD rep COMMIT" → amount; zero amounts left out. */
  forecast: Record<string, number>;
}

export function emptyCounts(): CardCounts {
  return {
    due: 0,
    onTime: 0,
    redated: 0,
    daysSlipped: 0,
    eligible: 0,
    shared: 0,
    accepted: 0,
    projectedOut: 0,
    openDeals: 0,
    activeBuyers: 0,
    overCalled: 0,
    forecast: {},
  };
}

export function countsOf(k: Kpis): CardCounts {
  const forecast: Record<string, number> = {};
  for (const [currency, sides] of Object.entries(k.forecast.byCurrency))
    for (const side of ["rep", "derived"] as const)
      for (const [category, amount] of Object.entries(sides[side])) if (amount) forecast[`${currency} ${side} ${category}`] = amount;
  return {
    due: k.completion.due,
    onTime: k.completion.onTime,
    redated: k.slippage.redated,
    daysSlipped: k.slippage.daysSlipped,
    eligible: k.coverage.eligible,
    shared: k.coverage.shared,
    accepted: k.coverage.accepted,
    projectedOut: k.slippage.dealsProjectedOut,
    openDeals: k.multiThread.openDeals,
    activeBuyers: k.multiThread.activeBuyers,
    overCalled: k.forecast.overCalledDealIds.length,
    forecast,
  };
}

export function addCounts(into: CardCounts, from: CardCounts): CardCounts {
  for (const key of Object.keys(from) as Array<keyof CardCounts>) {
    if (key === "forecast") for (const [f, amount] of Object.entries(from.forecast)) into.forecast[f] = (into.forecast[f] ?? 0) + amount;
    else into[key] += from[key];
  }
  return into;
}
