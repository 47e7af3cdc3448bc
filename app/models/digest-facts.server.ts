// What the weekly digest reads for one organization and week, in a handful of queries whatever the
// number of deals: this week's DealWeekSnapshot rows (written here from the signal cache) against
// last week's, the steps re-dated later since last Monday, the steps due this week and what each
// buyer did. Nothing internal-only is read: the digest is email, and email leaves the app.
import { addDays } from "~/domain/dates";
import { dayStartIn } from "~/domain/day-bounds";
import type { DealWeek, StepSlip, WeekFigures } from "~/domain/digest-sentences";
import { fiscalQuarterOf } from "~/domain/fiscal";
import type { OwnerSide } from "~/domain/types";
import { prisma } from "~/utils/db.server";
import { ACTIVITY_ACTIONS } from "./activity.types";

const CHUNK = 500;

/**
 * This week's figures of every open deal, from the signal cache (refresh it first), once per deal
 * and week: a second pass, or a deal already written, changes nothing.
 */
export async function writeWeekSnapshots(organizationId: string, weekOf: string): Promise<number> {
  return prisma.$executeRaw`
    INSERT INTO "DealWeekSnapshot" ("id", "organizationId", "dealId", "weekOf", "healthLabel", "healthScore", "repCategory", "derivedCategory",
                                    "projectedOutsideQuarter", "stage", "targetCloseDate")
    SELECT c."dealId" || ':' || CAST(${weekOf} AS TEXT), c."organizationId", c."dealId", CAST(${weekOf} AS TEXT), c."healthLabel", c."healthScore",
           c."repCategory", c."derivedCategory", c."projectedOutsideQuarter", c."stage", c."targetCloseDate"
    FROM "DealSignalCache" c
    WHERE c."organizationId" = ${organizationId} AND c."outcome" = 'OPEN' AND c."archived" = false AND c."unreadableDate" = false
    ON CONFLICT ("dealId", "weekOf") DO NOTHING`;
}

export interface DigestDeal {
  ownerId: string;
  /** Everything but the owner's name, which depends on who reads it. */
  week: DealWeek;
}

interface Organization {
  id: string;
  timezone: string;
  fiscalYearStartMonth: number;
}

/** Each open deal's week, by deal id. */
export async function loadDigestDeals(org: Organization, weekOf: string, now: Date): Promise<Map<string, DigestDeal>> {
  const since = dayStartIn(org.timezone, addDays(weekOf, -7));
  const deals = await prisma.deal.findMany({
    where: { organizationId: org.id, outcome: "OPEN", archivedAt: null },
    select: { id: true, accountName: true, ownerId: true, targetCloseDate: true, plan: { select: { status: true } } },
  });
  const figures = await weekFigures(org.id, weekOf);
  const byDeal = new Map<string, DigestDeal>();
  for (const deal of deals) {
    byDeal.set(deal.id, {
      ownerId: deal.ownerId,
      week: {
        dealId: deal.id,
        accountName: deal.accountName,
        ownerName: null,
        closeQuarter: closeQuarterOf(deal.targetCloseDate, org.fiscalYearStartMonth),
        planShared: deal.plan !== null && deal.plan.status !== "DRAFT",
        now: figures.get(`${deal.id}:${weekOf}`) ?? null,
        lastWeek: figures.get(`${deal.id}:${addDays(weekOf, -7)}`) ?? null,
        slips: [],
        due: [],
        buyers: [],
      },
    });
  }
  for (const slip of await slipsSince(org.id, since, now)) byDeal.get(slip.dealId)?.week.slips.push(slip);
  await addDueSteps(org.id, weekOf, byDeal);
  await addBuyerActs(org.id, since, now, byDeal);
  return byDeal;
}

function closeQuarterOf(targetCloseDate: string, fiscalYearStartMonth: number): string {
  try {
    return fiscalQuarterOf(targetCloseDate, fiscalYearStartMonth).label;
  } catch {
    return "its quarter";
  }
}

/** This week's and last week's snapshot figures, keyed "<dealId>:<weekOf>". */
async function weekFigures(organizationId: string, weekOf: string): Promise<Map<string, WeekFigures>> {
  const rows = await prisma.dealWeekSnapshot.findMany({
    where: { organizationId, weekOf: { in: [weekOf, addDays(weekOf, -7)] } },
    select: { dealId: true, weekOf: true, healthLabel: true, derivedCategory: true, projectedOutsideQuarter: true },
  });
  return new Map(
    rows.map((r) => [
      `${r.dealId}:${r.weekOf}`,
      {
        healthLabel: r.healthLabel as WeekFigures["healthLabel"],
        derivedCategory: r.derivedCategory as WeekFigures["derivedCategory"],
        projectedOutsideQuarter: r.projectedOutsideQuarter,
      },
    ]),
  );
}

/** Steps moved to a later date since `since`: each step once, from its first date in the window to its last. */
async function slipsSince(organizationId: string, since: Date, now: Date): Promise<Array<StepSlip & { dealId: string }>> {
  const redates = await prisma.activity.findMany({
    where: { organizationId, action: "milestone.redated", internalOnly: false, at: { gte: since, lte: now } },
    select: { dealId: true, entityId: true, before: true, after: true, actorSide: true, actorName: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  const steps = await visibleSteps([...new Set(redates.map((r) => r.entityId))]);
  const moves = new Map<string, StepSlip & { dealId: string }>();
  for (const row of redates) {
    const title = steps.get(row.entityId);
    const from = dateIn(row.before);
    const to = dateIn(row.after);
    if (!title || !from || !to) continue;
    const earlier = moves.get(row.entityId);
    moves.set(row.entityId, {
      dealId: row.dealId,
      milestoneId: row.entityId,
      title,
      from: earlier?.from ?? from,
      to,
      bySide: row.actorSide,
      byName: row.actorName,
    });
  }
  return [...moves.values()].filter((move) => move.to > move.from);
}

/** Titles of the steps that are not internal-only, by id. */
async function visibleSteps(ids: string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await prisma.milestone.findMany({ where: { id: { in: ids.slice(i, i + CHUNK) }, internalOnly: false }, select: { id: true, title: true } });
    for (const row of rows) titles.set(row.id, row.title);
  }
  return titles;
}

function dateIn(json: string | null): string | null {
  const value = json ? (JSON.parse(json) as { targetDate?: unknown }).targetDate : null;
  return typeof value === "string" ? value : null;
}

/** Open steps due from Monday to Sunday of this week. */
async function addDueSteps(organizationId: string, weekOf: string, byDeal: Map<string, DigestDeal>) {
  const steps = await prisma.milestone.findMany({
    where: { organizationId, internalOnly: false, status: { not: "DONE" }, targetDate: { gte: weekOf, lte: addDays(weekOf, 6) } },
    select: { title: true, targetDate: true, ownerSide: true, plan: { select: { dealId: true } } },
  });
  for (const step of steps) byDeal.get(step.plan.dealId)?.week.due.push({ title: step.title, date: step.targetDate, ownerSide: step.ownerSide as OwnerSide });
}

/** How often each buyer did each kind of thing since `since`, per deal. */
async function addBuyerActs(organizationId: string, since: Date, now: Date, byDeal: Map<string, DigestDeal>) {
  const counts = await prisma.activity.groupBy({
    by: ["dealId", "actorName", "action"],
    // Naming every action lets the (organizationId, action, at) index serve the time range.
    where: { organizationId, action: { in: [...ACTIVITY_ACTIONS] }, actorSide: "BUYER", internalOnly: false, at: { gte: since, lte: now } },
    _count: { _all: true },
  });
  for (const row of counts) {
    const buyers = byDeal.get(row.dealId)?.week.buyers;
    if (!buyers) continue;
    let buyer = buyers.find((b) => b.name === row.actorName);
    if (!buyer) buyers.push((buyer = { name: row.actorName, actions: {} }));
    buyer.actions[row.action] = (buyer.actions[row.action] ?? 0) + row._count._all;
  }
}
