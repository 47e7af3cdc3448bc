// Builds the engine's snapshots from the database, for the deals a seller may see. Original dates
// live on the milestone (frozen at sharing); re-date counts and buyer recency come from the
// activity history. The figures themselves are computed only by app/domain/signals.ts.
import { prisma } from "~/utils/db.server";
import { Prisma } from "~/generated/prisma/client";
import { calendarDateIn, organizationToday } from "~/domain/dates";
import { deriveDealSignals, type DealSignals, type DealSnapshot } from "~/domain/signals";
import { meddpiccTotal } from "~/domain/meddpicc";
import { actorToday, visibleDealsWhere, type SellerActor } from "./actor.server";

const dealWithPlan = {
  organization: { select: { timezone: true, fiscalYearStartMonth: true } },
  meddpicc: true,
  plan: {
    select: {
      id: true,
      status: true,
      sharedOn: true,
      sharedAt: true,
      milestones: {
        orderBy: { position: "asc" as const },
        select: {
          id: true,
          title: true,
          ownerSide: true,
          originalTargetDate: true,
          targetDate: true,
          status: true,
          completedOn: true,
          markedDoneBySide: true,
          buyerConfirmedAt: true,
          gatesStage: true,
          internalOnly: true,
        },
      },
      participants: { select: { side: true, role: true, accessState: true, lastSeenAt: true } },
    },
  },
};

type DealRow = NonNullable<Awaited<ReturnType<typeof loadDeals>>>[number];

function loadDeals(where: object) {
  return prisma.deal.findMany({ where, include: dealWithPlan });
}

/** Re-dates after the plan was first shared, per milestone, and each plan's last buyer action. */
async function historyFacts(deals: DealRow[]) {
  const plans = deals.flatMap((d) => (d.plan ? [d.plan] : []));
  const planIds = plans.map((p) => p.id);
  const sharedAt = new Map(plans.map((p) => [p.id, p.sharedAt]));
  const redateCounts = new Map<string, number>();
  const lastBuyerAt = new Map<string, Date>();
  const CHUNK = 500;
  for (let i = 0; i < planIds.length; i += CHUNK) {
    const ids = planIds.slice(i, i + CHUNK);
    const redates = await prisma.activity.findMany({
      where: { planId: { in: ids }, action: "milestone.redated" },
      select: { planId: true, entityId: true, at: true },
    });
    for (const r of redates) {
      const shared = sharedAt.get(r.planId!);
      if (shared && r.at >= shared) redateCounts.set(r.entityId, (redateCounts.get(r.entityId) ?? 0) + 1);
    }
    const buyerActs = await prisma.activity.groupBy({
      by: ["planId"],
      // Only buyer participants' own actions count as buyer activity.
      where: { planId: { in: ids }, actorSide: "BUYER", actorParticipant: { side: "BUYER" } },
      _max: { at: true },
    });
    for (const b of buyerActs) if (b.planId && b._max.at) lastBuyerAt.set(b.planId, b._max.at);
  }
  return { redateCounts, lastBuyerAt };
}

export function toSnapshot(deal: DealRow, facts: Awaited<ReturnType<typeof historyFacts>>): DealSnapshot {
  const tz = deal.organization.timezone;
  const plan = deal.plan;
  const lastBuyer = plan ? facts.lastBuyerAt.get(plan.id) : undefined;
  return {
    deal: {
      amount: deal.amount,
      stage: deal.stage,
      targetCloseDate: deal.targetCloseDate,
      repForecastCategory: deal.repForecastCategory as DealSnapshot["deal"]["repForecastCategory"],
      outcome: deal.outcome as DealSnapshot["deal"]["outcome"],
      meddpiccTotal: deal.meddpicc ? meddpiccTotal(deal.meddpicc) : null,
    },
    org: { timezone: tz, fiscalYearStartMonth: deal.organization.fiscalYearStartMonth },
    plan: plan ? { status: plan.status as "DRAFT" | "SHARED" | "ACCEPTED", sharedOn: plan.sharedOn } : null,
    milestones: (plan?.milestones ?? []).map((m) => ({
      id: m.id,
      title: m.title,
      ownerSide: m.ownerSide as "BUYER" | "SELLER" | "JOINT",
      originalTargetDate: m.originalTargetDate,
      targetDate: m.targetDate,
      redateCount: facts.redateCounts.get(m.id) ?? 0,
      status: m.status as DealSnapshot["milestones"][number]["status"],
      completedOn: m.completedOn,
      buyerConfirmed: m.buyerConfirmedAt !== null,
      markedDoneBySide: m.markedDoneBySide as "BUYER" | "SELLER" | null,
      gatesStage: m.gatesStage,
      internalOnly: m.internalOnly,
    })),
    participants: (plan?.participants ?? []).map((p) => ({
      side: p.side as "BUYER" | "SELLER",
      role: p.role as DealSnapshot["participants"][number]["role"],
      status: p.accessState as "INVITED" | "ACTIVE" | "REVOKED",
      lastActiveOn: p.lastSeenAt ? calendarDateIn(tz, p.lastSeenAt) : null,
    })),
    lastBuyerActivityOn: lastBuyer ? calendarDateIn(tz, lastBuyer) : null,
  };
}

/** Signals for every deal the seller may see (or the given ones), keyed by deal id. */
export async function loadDealSignals(actor: SellerActor, dealIds?: string[], now = new Date()): Promise<Map<string, DealSignals>> {
  const computed = await computeSignals({ ...visibleDealsWhere(actor), ...(dealIds ? { id: { in: dealIds } } : {}) }, actorToday(actor, now));
  return new Map([...computed].map(([id, { signals }]) => [id, signals]));
}

/** Runs the engine on the matching deals. Callers scope `where`; this adds nothing. */
async function computeSignals(where: Prisma.DealWhereInput, today: string) {
  const deals = await loadDeals(where);
  const facts = await historyFacts(deals);
  return new Map(deals.map((deal) => [deal.id, { deal, signals: deriveDealSignals(toSnapshot(deal, facts), today) }]));
}

const REFRESH_CHUNK = 400;

/**
 * Makes the signal cache fresh for these owners' deals: rows missing, marked stale by a recorded
 * change, or computed for an earlier day are recomputed with the engine.
 */
export async function refreshSignalCache(organizationId: string, ownerIds: string[], today: string) {
  if (ownerIds.length === 0) return 0;
  // Only the ids that need work leave the database: at 10,000 fresh deals this returns nothing.
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT d."id" AS "id" FROM "Deal" d
    LEFT JOIN "DealSignalCache" c ON c."dealId" = d."id"
    WHERE d."organizationId" = ${organizationId} AND d."ownerId" IN (${Prisma.join(ownerIds)})
      AND (c."dealId" IS NULL OR c."stale" = true OR c."computedFor" <> ${today})`;
  const missing = rows.map((r) => r.id);
  for (let i = 0; i < missing.length; i += REFRESH_CHUNK) {
    const ids = missing.slice(i, i + REFRESH_CHUNK);
    const computed = await computeSignals({ organizationId, id: { in: ids } }, today);
    const rows = [...computed.values()].map(({ deal, signals }) => ({
      dealId: deal.id,
      organizationId,
      ownerId: deal.ownerId,
      computedFor: today,
      outcome: deal.outcome,
      stage: deal.stage,
      amount: deal.amount,
      currency: deal.currency,
      targetCloseDate: deal.targetCloseDate,
      planState: deal.plan?.status ?? null,
      planStatus: signals.planStatus,
      healthScore: signals.health.score,
      healthLabel: signals.health.label,
      repCategory: signals.forecast.rep,
      derivedCategory: signals.forecast.derived,
      overCalled: signals.forecast.overCalled,
      underCalled: signals.forecast.underCalled,
      projectedOutsideQuarter: signals.projectedOutsideQuarter,
      stagePushed: signals.stagePush.pushed,
      activeBuyerCount: signals.activeBuyerCount,
      slippedCount: signals.slippedCount,
    }));
    await prisma.$transaction([
      prisma.dealSignalCache.deleteMany({ where: { dealId: { in: ids } } }),
      prisma.dealSignalCache.createMany({ data: rows }),
    ]);
  }
  return missing.length;
}

/**
 * Keeps every organization's signal cache fresh in the background, so the first dashboard load
 * of a day does not pay for recomputing every deal (a new day makes every row stale).
 */
export async function refreshAllSignalCaches(now = new Date()) {
  const organizations = await prisma.organization.findMany({ select: { id: true, timezone: true, users: { select: { id: true } } } });
  let recomputed = 0;
  for (const org of organizations) {
    recomputed += await refreshSignalCache(org.id, org.users.map((u) => u.id), organizationToday(org, now));
  }
  return recomputed;
}
