// Builds the engine's snapshots from the database, for the deals a seller may see. Original dates
// live on the milestone (frozen at sharing); re-date counts and buyer recency come from the
// activity history. The figures themselves are computed only by app/domain/signals.ts.
import { prisma } from "~/utils/db.server";
import { Prisma } from "~/generated/prisma/client";
import { calendarDateIn, organizationToday } from "~/domain/dates";
import { figuresOf, type DealFigures } from "~/domain/deal-figures";
import { type DealSignals, type DealSnapshot } from "~/domain/signals";
import { meddpiccTotal } from "~/domain/meddpicc";
import { stakeholderMap, type StakeholderMap } from "~/domain/stakeholders";
import { actorToday, visibleDealsWhere, type SellerActor } from "./actor.server";
import { recordForecastCalls } from "./forecast-calls.server";
import { writeWithSignalEvents } from "./signal-events.server";
import type { Db, Tx } from "~/utils/db.server";
import { storedDate } from "~/utils/stored-date";

const dealWithPlan = {
  organization: { select: { timezone: true, fiscalYearStartMonth: true } },
  meddpicc: true,
  stakeholders: { select: { role: true, strength: true } },
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

/** What the figures read from a deal's history: re-dates per milestone, and each plan's last buyer action. */
export interface HistoryFacts {
  redateCounts: Map<string, number>;
  lastBuyerAt: Map<string, Date>;
}

/** A re-date counts only once the plan was first shared: moving dates while drafting is not slippage. */
export function countRedate(redateCounts: Map<string, number>, redate: { entityId: string; at: Date }, sharedAt: Date | null | undefined) {
  if (sharedAt && redate.at >= sharedAt) redateCounts.set(redate.entityId, (redateCounts.get(redate.entityId) ?? 0) + 1);
}

/**
 * The time of the latest act on plan `planId` (SQL naming the plan's id) by one of its buyers in
 * their own name: only those count as buyer activity. The deal page reads it with its rows
 * (app/models/deal-workspace.server.ts); the figures of many deals read it here.
 */
export function lastBuyerActSql(planId: string): string {
  return `(SELECT MAX(b."at") FROM "Activity" b JOIN "Participant" bp ON bp."id" = b."actorParticipantId"
           WHERE b."planId" = ${planId} AND b."actorSide" = 'BUYER' AND bp."side" = 'BUYER')`;
}

/** Re-dates after the plan was first shared, per milestone, and each plan's last buyer action. */
async function historyFacts(deals: DealRow[]): Promise<HistoryFacts> {
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
    for (const r of redates) countRedate(redateCounts, r, sharedAt.get(r.planId!));
    const buyerActs = await prisma.$queryRaw<Array<{ planId: string; lastBuyerAt: Date | string | null }>>`
      SELECT p."id" AS "planId", ${Prisma.raw(lastBuyerActSql(`p."id"`))} AS "lastBuyerAt" FROM "Plan" p WHERE p."id" IN (${Prisma.join(ids)})`;
    for (const b of buyerActs) if (b.lastBuyerAt) lastBuyerAt.set(b.planId, storedDate(b.lastBuyerAt));
  }
  return { redateCounts, lastBuyerAt };
}

export function toSnapshot(deal: DealRow, facts: HistoryFacts): DealSnapshot {
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
    stakeholders: deal.stakeholders.map((s) => ({ role: s.role, strength: s.strength })),
  };
}

/** Figures for the given deals the seller may see, computed now and written nowhere (a GET may call it). */
export async function loadDealFigures(actor: SellerActor, dealIds: string[], now = new Date()): Promise<Map<string, DealFigures>> {
  if (dealIds.length === 0) return new Map();
  const computed = await computeFigures({ ...visibleDealsWhere(actor), id: { in: dealIds } }, actorToday(actor, now));
  return new Map([...computed].map(([id, { figures }]) => [id, figures]));
}

/**
 * Figures for a deal the caller has already loaded (and scoped) with at least what the engine
 * reads, and its history facts read alongside, as the deal page does
 * (app/models/deal-workspace.server.ts): nothing is read a second time.
 */
export function figuresOfLoadedDeal(deal: DealRow, facts: HistoryFacts, today: string): DealFigures {
  return figuresOf(toSnapshot(deal, facts), today);
}

/** The stakeholder map of a deal the caller has already loaded and scoped (only its participants and readings are read). */
export function stakeholderMapOfLoadedDeal(deal: DealRow, today: string): StakeholderMap {
  return stakeholderMap(toSnapshot(deal, { redateCounts: new Map(), lastBuyerAt: new Map() }), today);
}

/** Signals for every deal the seller may see (or the given ones) whose dates can be read, keyed by deal id. */
export async function loadDealSignals(actor: SellerActor, dealIds?: string[], now = new Date()): Promise<Map<string, DealSignals>> {
  const computed = await computeFigures({ ...visibleDealsWhere(actor), ...(dealIds ? { id: { in: dealIds } } : {}) }, actorToday(actor, now));
  return new Map([...computed].flatMap(([id, { figures }]) => (figures.signals ? [[id, figures.signals] as const] : [])));
}

/**
 * The seller's visible deals matching `where`, each with its loaded rows (plan steps, participants,
 * stakeholder readings) and its figures, computed now and written nowhere.
 */
export async function loadDealsWithFigures(actor: SellerActor, where: Prisma.DealWhereInput, now = new Date()) {
  const computed = await computeFigures({ AND: [visibleDealsWhere(actor), where] }, actorToday(actor, now));
  return [...computed.values()];
}

/** Runs the engine on the matching deals, one deal at a time. Callers scope `where`; this adds nothing. */
async function computeFigures(where: Prisma.DealWhereInput, today: string) {
  const deals = await loadDeals(where);
  const facts = await historyFacts(deals);
  return new Map(deals.map((deal) => [deal.id, { deal, figures: figuresOf(toSnapshot(deal, facts), today) }]));
}

function cacheRow(deal: DealRow, figures: DealFigures, today: string) {
  const { signals } = figures;
  return {
    organizationId: deal.organizationId,
    ownerId: deal.ownerId,
    computedFor: today,
    outcome: deal.outcome,
    stage: deal.stage,
    amount: deal.amount,
    currency: deal.currency,
    targetCloseDate: deal.targetCloseDate,
    planState: deal.plan?.status ?? null,
    archived: deal.archivedAt !== null,
    unreadableDate: signals === null,
    // Withheld figures are neutral: KPIs leave these rows out, the pipeline shows the unreadable date.
    planStatus: signals?.planStatus ?? null,
    healthScore: signals?.health.score ?? 0,
    healthLabel: signals?.health.label ?? "AT_RISK",
    repCategory: signals?.forecast.rep ?? deal.repForecastCategory,
    derivedCategory: signals?.forecast.derived ?? "OMITTED",
    overCalled: signals?.forecast.overCalled ?? false,
    underCalled: signals?.forecast.underCalled ?? false,
    projectedOutsideQuarter: signals?.projectedOutsideQuarter ?? false,
    stagePushed: signals?.stagePush.pushed ?? false,
    activeBuyerCount: signals?.activeBuyerCount ?? 0,
    slippedCount: signals?.slippedCount ?? 0,
  };
}

const REFRESH_CHUNK = 400;

/**
 * Recomputes these deals' cache rows and writes them with upserts. The stale mark is cleared
 * before the deals are read, and the upsert never sets it: a change committed meanwhile leaves its
 * own mark standing, so the next refresh picks it up and no newer state is ever overwritten by an
 * older one. Running twice at once only computes the same figures twice.
 */
async function writeSignalCache(organizationId: string, dealIds: string[], today: string) {
  for (let i = 0; i < dealIds.length; i += REFRESH_CHUNK) {
    const ids = dealIds.slice(i, i + REFRESH_CHUNK);
    await prisma.dealSignalCache.updateMany({ where: { dealId: { in: ids }, stale: true }, data: { stale: false } });
    const computed = await computeFigures({ organizationId, id: { in: ids } }, today);
    const rows = [...computed.values()].map(({ deal, figures }) => ({ dealId: deal.id, ...cacheRow(deal, figures, today) }));
    const names = new Map([...computed.values()].map(({ deal }) => [deal.id, namesOf(deal)]));
    await writeWithSignalEvents(organizationId, rows, names, (tx) => upsertCacheRows(tx, rows));
    await recordForecastCalls(computed.values(), today);
  }
  return dealIds.length;
}

function namesOf(deal: DealRow) {
  return { id: deal.id, name: deal.name, accountName: deal.accountName, externalId: deal.externalId };
}

type CacheRow = { dealId: string } & ReturnType<typeof cacheRow>;

/**
 * One multi-row INSERT … ON CONFLICT DO UPDATE per chunk: the same statement on SQLite and
 * PostgreSQL, five times faster than one upsert per row. Booleans are written as true/false.
 */
async function upsertCacheRows(db: Db | Tx, rows: CacheRow[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]) as (keyof CacheRow)[];
  const value = (v: unknown) => (typeof v === "boolean" ? Prisma.raw(v ? "true" : "false") : Prisma.sql`${v}`);
  const tuples = rows.map((row) => Prisma.sql`(${Prisma.join(columns.map((c) => value(row[c])))})`);
  const names = Prisma.raw(columns.map((c) => `"${c}"`).join(", "));
  const updates = Prisma.raw(
    columns
      .filter((c) => c !== "dealId")
      .map((c) => `"${c}" = excluded."${c}"`)
      .join(", "),
  );
  await db.$executeRaw`INSERT INTO "DealSignalCache" (${names}) VALUES ${Prisma.join(tuples)} ON CONFLICT ("dealId") DO UPDATE SET ${updates}`;
}

/** After a write commits: the changed deal's cache row, recomputed now (one deal, cheap). */
export async function refreshDealSignals(organizationId: string, dealId: string, now = new Date()) {
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { timezone: true } });
  await writeSignalCache(organizationId, [dealId], organizationToday(org, now));
}

/**
 * Brings an organization's cache up to date (or only these owners' deals): rows missing, marked
 * stale by a recorded change, or computed for an earlier day are recomputed with the engine.
 */
export async function refreshSignalCache(organizationId: string, ownerIds: string[] | null, today: string) {
  if (ownerIds?.length === 0) return 0;
  // Only the ids that need work leave the database: at 10,000 fresh deals this returns nothing.
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT d."id" AS id FROM "Deal" d
    LEFT JOIN "DealSignalCache" c ON c."dealId" = d."id"
    WHERE d."organizationId" = ${organizationId} ${ownerIds ? Prisma.sql`AND d."ownerId" IN (${Prisma.join(ownerIds)})` : Prisma.empty}
      AND (c."dealId" IS NULL OR c."stale" = true OR c."computedFor" <> ${today})`;
  return writeSignalCache(
    organizationId,
    rows.map((r) => r.id),
    today,
  );
}

/**
 * Keeps every organization's signal cache fresh in the background: rows a change marked stale, and,
 * once an organization's midnight has passed, every row computed for the day before.
 */
export async function refreshAllSignalCaches(now = new Date()) {
  const organizations = await prisma.organization.findMany({ select: { id: true, timezone: true } });
  let recomputed = 0;
  for (const org of organizations) {
    // One organization's failure (a database hiccup) must not keep the others' caches stale.
    try {
      recomputed += await refreshSignalCache(org.id, null, organizationToday(org, now));
    } catch (error) {
      console.error(`[signals] refresh of organization ${org.id} failed`, error);
    }
  }
  return recomputed;
}
