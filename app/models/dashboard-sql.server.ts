// The dashboard's reads. Milestones are counted in SQL, because an organization has hundreds of
// thousands of them; tests/integration/dashboard.test.ts holds these counts to the definitions in
// app/domain/kpis.ts. Written to run on SQLite and PostgreSQL alike: quoted identifiers, boolean
// literals, calendar dates compared as text, and date arithmetic done here in TypeScript.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { daysSlipped, weekStart, type KpiDeal, type KpiWindow, type MilestoneFigures } from "~/domain/kpis";
import type { ForecastCategory } from "~/domain/types";

const n = (value: unknown) => Number(value ?? 0);

/** "Counts as done" (app/domain/completion.ts) over a stored milestone row `m`. */
export const COUNTS_AS_DONE = Prisma.sql`(m."status" = 'DONE' AND (m."ownerSide" = 'SELLER' OR m."markedDoneBySide" = 'BUYER' OR m."buyerConfirmedAt" IS NOT NULL))`;

/** Milestones due in the window on the owners' active deals (kpis.ts, isActiveMilestone). */
function dueMilestonesIn(organizationId: string, ownerIds: string[], window: KpiWindow) {
  return Prisma.sql`
    FROM "Milestone" m
    JOIN "Plan" p ON p."id" = m."planId"
    JOIN "Deal" d ON d."id" = p."dealId"
    LEFT JOIN "DealSignalCache" c ON c."dealId" = d."id"
    WHERE m."organizationId" = ${organizationId}
      AND d."ownerId" IN (${Prisma.join(ownerIds)})
      AND m."targetDate" >= ${window.from} AND m."targetDate" <= ${window.to}
      AND p."status" <> 'DRAFT' AND d."outcome" <> 'LOST'
      AND d."archivedAt" IS NULL
      AND (c."unreadableDate" IS NULL OR c."unreadableDate" = false)`;
}

export interface CountedMilestones {
  /** Per owner (or per deal), what its due milestones add to completion and slippage. */
  byKey: Map<string, MilestoneFigures>;
  /** Per week (its Monday), for the trend charts. */
  byWeek: Map<string, { due: number; onTime: number; redated: number }>;
}

/**
 * Counts the milestones due in the window, per owner or per deal. Grouped by both dates, so that
 * days slipped and weeks are worked out here rather than with a database's date functions.
 */
export async function countDueMilestones(organizationId: string, ownerIds: string[], window: KpiWindow, per: "owner" | "deal"): Promise<CountedMilestones> {
  const byKey = new Map<string, MilestoneFigures>();
  const byWeek = new Map<string, { due: number; onTime: number; redated: number }>();
  if (ownerIds.length === 0) return { byKey, byWeek };
  const key = per === "owner" ? Prisma.sql`d."ownerId"` : Prisma.sql`d."id"`;
  const rows = await prisma.$queryRaw<Array<Record<string, unknown>>>`
    SELECT ${key} AS "key", m."targetDate" AS "targetDate", m."originalTargetDate" AS "originalTargetDate",
           COUNT(*) AS "due",
           SUM(CASE WHEN ${COUNTS_AS_DONE} AND m."completedOn" IS NOT NULL AND m."completedOn" <= m."targetDate" THEN 1 ELSE 0 END) AS "onTime"
    ${dueMilestonesIn(organizationId, ownerIds, window)}
    GROUP BY ${key}, m."targetDate", m."originalTargetDate"`;
  for (const row of rows) {
    const targetDate = String(row.targetDate);
    const originalTargetDate = String(row.originalTargetDate);
    const due = n(row.due);
    const onTime = n(row.onTime);
    const redated = targetDate > originalTargetDate ? due : 0;
    const figures = byKey.get(String(row.key)) ?? { due: 0, onTime: 0, redated: 0, daysSlipped: 0 };
    figures.due += due;
    figures.onTime += onTime;
    figures.redated += redated;
    figures.daysSlipped += due * daysSlipped(targetDate, originalTargetDate);
    byKey.set(String(row.key), figures);
    const week = weekStart(targetDate);
    const weekly = byWeek.get(week) ?? { due: 0, onTime: 0, redated: 0 };
    weekly.due += due;
    weekly.onTime += onTime;
    weekly.redated += redated;
    byWeek.set(week, weekly);
  }
  return { byKey, byWeek };
}

/** A deal as the dashboard lists it: the signal cache's figures and the deal's names. */
export interface CachedDeal extends KpiDeal {
  accountName: string;
  name: string;
  planStatus: string | null;
  healthScore: number;
  healthLabel: string;
}

/**
 * The owners' deals with their cached signals, archived deals left out. The cache is read as it
 * is: the background refresh keeps it current, and a visit never recomputes it.
 */
export async function cachedDeals(organizationId: string, ownerIds: string[]): Promise<CachedDeal[]> {
  if (ownerIds.length === 0) return [];
  const rows = await prisma.$queryRaw<Array<Record<string, unknown>>>`
    SELECT c."dealId" AS "dealId", c."ownerId" AS "ownerId", c."outcome" AS "outcome", c."stage" AS "stage", c."amount" AS "amount",
           c."currency" AS "currency", c."targetCloseDate" AS "targetCloseDate", c."planState" AS "planState", c."planStatus" AS "planStatus",
           c."healthScore" AS "healthScore", c."healthLabel" AS "healthLabel", c."repCategory" AS "repCategory", c."derivedCategory" AS "derivedCategory",
           c."overCalled" AS "overCalled", c."projectedOutsideQuarter" AS "projectedOutsideQuarter", c."activeBuyerCount" AS "activeBuyerCount",
           c."unreadableDate" AS "unreadableDate", d."accountName" AS "accountName", d."name" AS "name"
    FROM "DealSignalCache" c
    JOIN "Deal" d ON d."id" = c."dealId"
    WHERE c."organizationId" = ${organizationId} AND c."ownerId" IN (${Prisma.join(ownerIds)}) AND d."archivedAt" IS NULL`;
  return rows.map((r) => ({
    dealId: String(r.dealId),
    ownerId: String(r.ownerId),
    outcome: r.outcome as KpiDeal["outcome"],
    stage: n(r.stage),
    amount: n(r.amount),
    currency: String(r.currency),
    targetCloseDate: String(r.targetCloseDate),
    planState: (r.planState ?? null) as KpiDeal["planState"],
    planStatus: r.planStatus === null ? null : String(r.planStatus),
    healthScore: n(r.healthScore),
    healthLabel: String(r.healthLabel),
    repCategory: r.repCategory as ForecastCategory,
    derivedCategory: r.derivedCategory as ForecastCategory,
    overCalled: Boolean(r.overCalled),
    projectedOutsideQuarter: Boolean(r.projectedOutsideQuarter),
    activeBuyerCount: n(r.activeBuyerCount),
    archived: false,
    unreadableDate: Boolean(r.unreadableDate),
    accountName: String(r.accountName),
    name: String(r.name),
  }));
}
