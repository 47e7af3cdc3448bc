// Buyers' page views are counted in memory and written together, a second after the first of them,
// in one transaction. A page view is the busiest write there is (every buyer's every page load):
// written one by one, each took SQLite's one writer for itself and cost the page about a tenth of
// a millisecond. The counts add up (`views + n`), so every instance keeps its own and none
// overwrites another's. What a crash can lose is the counts not yet written; a stopping server
// writes them first (app/entry.server.tsx, `beforeShutdown`).
import { ENGAGEMENT } from "~/domain/thresholds";
import { prisma, type Tx } from "~/utils/db.server";

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
  /** Writes that failed so far; counts are dropped after a few, so a database that is gone for long cannot fill memory. */
  failures: number;
}

const WRITE_AFTER_MS = 1_000;
const MOST_FAILURES = 3;
const VISIT_GAP_MS = ENGAGEMENT.newVisitAfterMinutes * 60_000;

const unwritten = new Map<string, DayCount>();
/**
 * Each buyer's latest counted view, kept for as long as it can decide whether their next view
 * starts a visit: a request may have read the buyer's last view before a write stored this one.
 */
const latestViews = new Map<string, Date>();
let timer: NodeJS.Timeout | null = null;
/** One write at a time: the next waits for the one in progress, so waiting for a write waits for all before it. */
let writing: Promise<void> = Promise.resolve();

const keyOf = (viewed: ViewedDay) => `${viewed.participantId} ${viewed.day}`;

/** Adds counts to what is held for the same buyer and day. */
function hold(count: DayCount) {
  const known = unwritten.get(keyOf(count));
  if (!known) {
    unwritten.set(keyOf(count), count);
    return;
  }
  known.views += count.views;
  known.visits += count.visits;
  if (count.lastViewAt > known.lastViewAt) known.lastViewAt = count.lastViewAt;
  known.failures = Math.max(known.failures, count.failures);
}

/** Counts one page view (and a visit, when it starts one); written within a second or so. */
export function countPageView(viewed: ViewedDay, startsVisit: boolean, at: Date): void {
  hold({ ...viewed, views: 1, visits: startsVisit ? 1 : 0, lastViewAt: at, failures: 0 });
  const latest = latestViews.get(viewed.participantId);
  if (!latest || at > latest) latestViews.set(viewed.participantId, at);
  writeSoon();
}

/** A write of what is held, a moment from now, unless one is already due. */
function writeSoon() {
  if (timer) return;
  timer = setTimeout(() => void writeCountedPageViews(), WRITE_AFTER_MS);
  // A script that counted a view still ends when its work does.
  timer.unref();
}

/** The buyer's latest counted view within the visit gap, if any. */
export function latestCountedView(participantId: string): Date | null {
  return latestViews.get(participantId) ?? null;
}

/**
 * Writes every count held so far, after any write already in progress. A write that fails keeps
 * its counts for the next one (logged), up to a few times: counting a visit must never cost
 * anyone anything else.
 */
export function writeCountedPageViews(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  writing = writing.then(writeHeldCounts);
  return writing;
}

async function writeHeldCounts() {
  // In one order on every instance, so two writes that meet lock the same rows in the same order.
  const rows = [...unwritten.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  unwritten.clear();
  if (rows.length > 0) {
    try {
      await prisma.$transaction(async (tx) => {
        for (const row of rows) await addToDay(tx, row);
      });
    } catch (error) {
      console.error("[engagement] buyers' page views were not recorded; they are kept for the next write", error);
      for (const row of rows) if (row.failures + 1 < MOST_FAILURES) hold({ ...row, failures: row.failures + 1 });
      if (unwritten.size > 0) writeSoon();
    }
  }
  const forgetBefore = Date.now() - VISIT_GAP_MS;
  for (const [participantId, at] of latestViews) if (at.getTime() < forgetBefore) latestViews.delete(participantId);
}

/**
 * One buyer's day, added to what is stored. Only a participant still on that plan is written: a
 * deal deleted since the view took its buyers with it. Another instance may have stored a later
 * view of the same day meanwhile: the later one stays.
 */
function addToDay(tx: Tx, row: DayCount) {
  return tx.$executeRaw`
    INSERT INTO "BuyerVisitDay" ("participantId", "day", "organizationId", "planId", "views", "visits", "lastViewAt")
    SELECT p."id", ${row.day}, p."organizationId", p."planId", ${row.views}, ${row.visits}, ${row.lastViewAt}
    FROM "Participant" p
    WHERE p."id" = ${row.participantId} AND p."planId" = ${row.planId} AND p."organizationId" = ${row.organizationId}
    ON CONFLICT ("participantId", "day") DO UPDATE SET
      "views" = "BuyerVisitDay"."views" + excluded."views",
      "visits" = "BuyerVisitDay"."visits" + excluded."visits",
      "lastViewAt" = CASE WHEN excluded."lastViewAt" > "BuyerVisitDay"."lastViewAt" THEN excluded."lastViewAt" ELSE "BuyerVisitDay"."lastViewAt" END`;
}
