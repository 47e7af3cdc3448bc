// Buyers' page views are counted in memory and written together, a second after the first of them,
// in one statement. A page view is the busiest write there is (every buyer's every page load):
// written one by one, each took SQLite's one writer for itself and cost the page about a tenth of
// a millisecond. The counts add up (`views + n`), so every instance keeps its own and none
// overwrites another's. What a crash can lose is the last second's counts, never a change to a
// plan; a stopping server writes them first (app/entry.server.tsx, `beforeShutdown`).
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

/** Whose view, on which of the organization's days. */
export interface ViewedDay {
  participantId: string;
  day: string;
  organizationId: string;
  planId: string;
}

interface DayCount extends ViewedDay {
  views: number;
  visits: number;
  lastViewAt: Date;
}

const WRITE_AFTER_MS = 1_000;
/** SQLite takes at most 32,766 values in a statement, and a row has seven. */
const ROWS_A_STATEMENT = 1_000;

const unwritten = new Map<string, DayCount>();
/** Each buyer's latest counted view, kept until a write holds it: the next view asks it whether it starts a visit. */
const latestViews = new Map<string, Date>();
let timer: NodeJS.Timeout | null = null;

/** Counts one page view (and a visit, when it starts one); written within a second. */
export function countPageView(viewed: ViewedDay, startsVisit: boolean, at: Date): void {
  const key = `${viewed.participantId} ${viewed.day}`;
  const known = unwritten.get(key);
  if (known) {
    known.views += 1;
    known.visits += startsVisit ? 1 : 0;
    if (at > known.lastViewAt) known.lastViewAt = at;
  } else {
    unwritten.set(key, { ...viewed, views: 1, visits: startsVisit ? 1 : 0, lastViewAt: at });
  }
  const latest = latestViews.get(viewed.participantId);
  if (!latest || at > latest) latestViews.set(viewed.participantId, at);
  if (!timer) {
    timer = setTimeout(() => void writeCountedPageViews(), WRITE_AFTER_MS);
    // A script that counted a view still ends when its work does.
    timer.unref();
  }
}

/** The buyer's latest view that a write may not hold yet, if any. */
export function latestCountedView(participantId: string): Date | null {
  return latestViews.get(participantId) ?? null;
}

/**
 * Writes every count held so far, in as few statements as it takes. A failure is logged and its
 * counts are dropped: counting a visit must not cost anyone anything else.
 */
export async function writeCountedPageViews(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const rows = [...unwritten.values()];
  unwritten.clear();
  for (let start = 0; start < rows.length; start += ROWS_A_STATEMENT) {
    try {
      await writeDays(rows.slice(start, start + ROWS_A_STATEMENT));
    } catch (error) {
      console.error("[engagement] buyers' page views were not recorded", error);
    }
  }
  // A view counted while this wrote is still the latest, and stays known until its own write.
  for (const row of rows) if (latestViews.get(row.participantId)?.getTime() === row.lastViewAt.getTime()) latestViews.delete(row.participantId);
}

function writeDays(rows: DayCount[]) {
  const values = rows.map(
    (row) => Prisma.sql`(${row.participantId}, ${row.day}, ${row.organizationId}, ${row.planId}, ${row.views}, ${row.visits}, ${row.lastViewAt})`,
  );
  // Another instance may have written a later view of the same day meanwhile: the later one stays.
  return prisma.$executeRaw`
    INSERT INTO "BuyerVisitDay" ("participantId", "day", "organizationId", "planId", "views", "visits", "lastViewAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("participantId", "day") DO UPDATE SET
      "views" = "BuyerVisitDay"."views" + excluded."views",
      "visits" = "BuyerVisitDay"."visits" + excluded."visits",
      "lastViewAt" = CASE WHEN excluded."lastViewAt" > "BuyerVisitDay"."lastViewAt" THEN excluded."lastViewAt" ELSE "BuyerVisitDay"."lastViewAt" END`;
}
