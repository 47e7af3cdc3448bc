// Records each open deal's forecast call of the week (docs/forecast-accuracy.md): the rep's category
// and the plan-derived one as last seen that week, for the fiscal quarter holding the deal's target
// close date. Written by the signal cache refresh, which runs at every change of a deal and once a
// day for every deal, so every open deal has a call each week and the week's row follows every
// change of category. Closed deals get no new calls: what they were called before is what is judged.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { fiscalQuarterOf } from "~/domain/fiscal";
import { weekStart } from "~/domain/kpis";
import type { ForecastCategory } from "~/domain/types";

/** A deal as the signal cache refresh read it, with the categories the engine derived (none when its dates cannot be read). */
export interface ComputedDeal {
  deal: {
    id: string;
    organizationId: string;
    ownerId: string;
    outcome: string;
    archivedAt: Date | null;
    amount: number;
    currency: string;
    targetCloseDate: string;
    organization: { fiscalYearStartMonth: number };
  };
  figures: { signals: { forecast: { rep: ForecastCategory; derived: ForecastCategory } } | null };
}

const UPDATED_COLUMNS = [
  "ownerId",
  "repCategory",
  "derivedCategory",
  "amount",
  "currency",
  "targetCloseDate",
  "quarterStart",
  "quarterEnd",
  "updatedAt",
] as const;

function callOf({ deal, figures }: ComputedDeal, weekOf: string, id: string, now: Date) {
  const quarter = fiscalQuarterOf(deal.targetCloseDate, deal.organization.fiscalYearStartMonth);
  return {
    id,
    organizationId: deal.organizationId,
    dealId: deal.id,
    weekOf,
    ownerId: deal.ownerId,
    repCategory: figures.signals!.forecast.rep,
    derivedCategory: figures.signals!.forecast.derived,
    amount: deal.amount,
    currency: deal.currency,
    targetCloseDate: deal.targetCloseDate,
    quarterStart: quarter.start,
    quarterEnd: quarter.end,
    updatedAt: now,
  };
}

/**
 * Upserts this week's call of every open, unarchived deal whose signals could be read: one
 * multi-row INSERT … ON CONFLICT per chunk, the same statement on SQLite and PostgreSQL.
 */
export async function recordForecastCalls(computed: Iterable<ComputedDeal>, today: string, now = new Date()) {
  const weekOf = weekStart(today);
  const open = [...computed].filter((c) => c.deal.outcome === "OPEN" && c.deal.archivedAt === null && c.figures.signals !== null);
  if (open.length === 0) return 0;
  // The id is the row's own key (deal and week): it appears in no address, and a random one costs
  // a hash per deal every week.
  const rows = open.map((c) => callOf(c, weekOf, `${c.deal.id}:${weekOf}`, now));
  const columns = Object.keys(rows[0]) as (keyof (typeof rows)[number])[];
  const names = Prisma.raw(columns.map((c) => `"${c}"`).join(", "));
  const tuples = rows.map((row) => Prisma.sql`(${Prisma.join(columns.map((c) => row[c]))})`);
  const updates = Prisma.raw(UPDATED_COLUMNS.map((c) => `"${c}" = excluded."${c}"`).join(", "));
  await prisma.$executeRaw`INSERT INTO "ForecastCall" (${names}) VALUES ${Prisma.join(tuples)} ON CONFLICT ("dealId", "weekOf") DO UPDATE SET ${updates}`;
  return rows.length;
}
