// The weekly digest: when it is due, and what it says. It goes out on Monday from 07:00 in the
// organization's timezone, until that Monday ends, so a morning the jobs missed still gets it the
// same day. Its sentences come from digest-sentences.ts; this file puts them in order.
import { addDays, calendarDateIn, dayNumber, formatCalendarDate } from "./dates";
import { localHourIn } from "./quiet-hours";
import { LABEL_WORDS, buyerClauses, changeClauses, dealLine, dueClauses, quietDealsLine, type DealWeek } from "./digest-sentences";
import type { CalendarDate } from "./types";

export type { DealWeek } from "./digest-sentences";

export const DIGEST_HOUR = 7;
/** A manager's digest lists this many deals per section at most; the rest are counted. */
export const MOST_LINES = 20;

/** 0 for Monday … 6 for Sunday. 1 Jan 1970, day 0, was a Thursday. */
export function weekdayOf(date: CalendarDate): number {
  return (((dayNumber(date) + 3) % 7) + 7) % 7;
}

export function mondayOf(date: CalendarDate): CalendarDate {
  return addDays(date, -weekdayOf(date));
}

/** The Monday whose digest is due at `now` in `timeZone`, or null outside Monday from 07:00 to midnight. */
export function digestWeekDue(now: Date, timeZone: string): CalendarDate | null {
  const today = calendarDateIn(timeZone, now);
  if (weekdayOf(today) !== 0 || localHourIn(timeZone, now) < DIGEST_HOUR) return null;
  return today;
}

export interface DigestSection {
  title: string;
  lines: string[];
}

export interface Digest {
  subject: string;
  summary: string;
  sections: DigestSection[];
  /** Nothing changed, nothing is due and no buyer acted: the digest says so in one line. */
  quiet: boolean;
}

/** "Your 12 open deals: 8 healthy, 3 at risk, 1 stalled." */
function summaryOf(deals: DealWeek[], scope: "own" | "teams"): string {
  const whose = scope === "own" ? `Your ${deals.length === 1 ? "open deal" : `${deals.length} open deals`}` : `${deals.length} open deals on your teams`;
  const counts = (["HEALTHY", "AT_RISK", "STALLED"] as const)
    .map((label) => [label, deals.filter((d) => d.now?.healthLabel === label).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${n} ${LABEL_WORDS[label]}`);
  return counts.length ? `${whose}: ${counts.join(", ")}.` : `${whose}.`;
}

/** One line per deal with something to say, the deals with most to say first, at most MOST_LINES. */
function section(title: string, deals: DealWeek[], clausesOf: (deal: DealWeek) => string[]): DigestSection {
  const said = deals
    .map((deal) => ({ deal, clauses: clausesOf(deal) }))
    .filter(({ clauses }) => clauses.length > 0)
    .sort((a, b) => b.clauses.length - a.clauses.length || a.deal.accountName.localeCompare(b.deal.accountName));
  const lines = said.slice(0, MOST_LINES).map(({ deal, clauses }) => dealLine(deal, clauses));
  const more = said.length - MOST_LINES;
  if (more > 0) lines.push(`…and ${more} more ${more === 1 ? "deal" : "deals"}: the pipeline has them all.`);
  return { title, lines };
}

/**
 * The digest of these deals for the week that starts on `weekOf`, or null when there are none:
 * with no open deal there is nothing to report on. A week in which nothing happened still gets a
 * short digest, because a plan's silence is itself news.
 */
export function composeDigest(weekOf: CalendarDate, deals: DealWeek[], scope: "own" | "teams"): Digest | null {
  if (deals.length === 0) return null;
  const year = Number(weekOf.slice(0, 4));
  const changed = section("What changed", deals, (deal) => changeClauses(deal, year));
  const due = section("Due this week", deals, (deal) => dueClauses(deal));
  const buyers = section("What buyers did", deals, (deal) => buyerClauses(deal));
  const quiet = changed.lines.length === 0 && due.lines.length === 0 && buyers.lines.length === 0;
  const silent = quietDealsLine(deals);
  if (silent && !quiet) buyers.lines.push(silent);
  const sections = [changed, due, buyers].filter((s) => s.lines.length > 0);
  const summary = summaryOf(deals, scope);
  const week = formatCalendarDate(weekOf);
  return {
    subject: quiet ? `A quiet week: your digest for the week of ${week}` : `Your digest for the week of ${week}`,
    summary: quiet
      ? `${summary} Last week nothing changed on them, no buyer acted on a plan, and nothing is due this week.`
      : `${summary} Due this week: ${dueCount(deals)}.`,
    sections: quiet ? [] : sections,
    quiet,
  };
}

function dueCount(deals: DealWeek[]): string {
  const n = deals.reduce((sum, deal) => sum + deal.due.length, 0);
  return n === 0 ? "no steps" : n === 1 ? "1 step" : `${n} steps`;
}
