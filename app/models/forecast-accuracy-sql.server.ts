// Forecast accuracy counted in SQL: an organization records a call per open deal per week, tens of
// thousands a quarter. tests/integration/forecast-accuracy-sql.test.ts holds these counts to
// app/domain/forecast-accuracy.ts, call by call. Portable: quoted identifiers, boolean literals,
// calendar dates compared as text.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { CALLED_CATEGORIES, isCalledCategory, type CallCounts } from "~/domain/forecast-accuracy";
import type { KpiWindow } from "~/domain/kpis";

const n = (value: unknown) => Number(value ?? 0);

/** isSettled: the deal is won or lost, or the quarter called for has ended. */
const SETTLED = (today: string) => Prisma.sql`(d."outcome" <> 'OPEN' OR fc."quarterEnd" < ${today})`;
/** wonByQuarterEnd. */
const WON = Prisma.sql`(d."outcome" = 'WON' AND d."closedOn" IS NOT NULL AND d."closedOn" <= fc."quarterEnd")`;
/** isRight for the category in `column`: Commit and Best Case are right when won, the others when not. */
const RIGHT = (column: "repCategory" | "derivedCategory") =>
  Prisma.sql`(CASE WHEN fc.${Prisma.raw(`"${column}"`)} IN ('COMMIT', 'BEST_CASE') THEN ${WON} ELSE NOT ${WON} END)`;

/** The statement the page rests on; also the bench's floor. A call counts only when both sides are a forecast (addCall). */
export function accuracyStatement(organizationId: string, ownerIds: string[], window: KpiWindow, today: string) {
  const settled = SETTLED(today);
  return Prisma.sql`
    SELECT fc."ownerId" AS "ownerId", fc."quarterEnd" AS "quarterEnd", fc."repCategory" AS "repCategory", fc."derivedCategory" AS "derivedCategory",
           COUNT(*) AS "calls",
           SUM(CASE WHEN ${settled} THEN 1 ELSE 0 END) AS "settled",
           SUM(CASE WHEN ${settled} AND ${RIGHT("repCategory")} THEN 1 ELSE 0 END) AS "repRight",
           SUM(CASE WHEN ${settled} AND ${RIGHT("derivedCategory")} THEN 1 ELSE 0 END) AS "derivedRight"
    FROM "ForecastCall" fc
    JOIN "Deal" d ON d."id" = fc."dealId"
    WHERE fc."organizationId" = ${organizationId}
      AND fc."ownerId" IN (${Prisma.join(ownerIds)})
      AND fc."quarterEnd" >= ${window.from} AND fc."quarterEnd" <= ${window.to}
      AND d."archivedAt" IS NULL
      AND fc."repCategory" IN (${Prisma.join(CALLED_CATEGORIES)}) AND fc."derivedCategory" IN (${Prisma.join(CALLED_CATEGORIES)})
    GROUP BY fc."ownerId", fc."quarterEnd", fc."repCategory", fc."derivedCategory"`;
}

export interface OwnerCounts {
  ownerId: string;
  counts: CallCounts[];
  unsettled: number;
}

/** Settled and right calls per owner, quarter called for and category, for the rep's call and the plan's. */
export async function countCalls(organizationId: string, ownerIds: string[], window: KpiWindow, today: string): Promise<Map<string, OwnerCounts>> {
  const byOwner = new Map<string, OwnerCounts>();
  if (ownerIds.length === 0) return byOwner;
  const rows = await prisma.$queryRaw<Array<Record<string, unknown>>>(accuracyStatement(organizationId, ownerIds, window, today));
  for (const row of rows) {
    const ownerId = String(row.ownerId);
    const quarterEnd = String(row.quarterEnd);
    const owner = byOwner.get(ownerId) ?? { ownerId, counts: [], unsettled: 0 };
    byOwner.set(ownerId, owner);
    const settled = n(row.settled);
    owner.unsettled += n(row.calls) - settled;
    if (settled === 0) continue;
    for (const [side, category, right] of [
      ["rep", String(row.repCategory), n(row.repRight)],
      ["derived", String(row.derivedCategory), n(row.derivedRight)],
    ] as const) {
      if (isCalledCategory(category)) owner.counts.push({ quarterEnd, side, category, settled, right });
    }
  }
  return byOwner;
}
