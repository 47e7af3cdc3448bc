// Forecast accuracy (docs/forecast-accuracy.md): how often each weekly call, the rep's and the
// plan's, turned out right for the quarter it was made for. Defined once, on plain rows; the page
// counts in SQL (app/models/forecast-accuracy-sql.server.ts) and tests hold that SQL to this file.
import { addDays } from "./dates";
import { fiscalQuarterOf } from "./fiscal";
import type { KpiWindow } from "./kpis";
import { resolveWindow } from "./kpis";
import type { ForecastCategory } from "./types";

/** The categories a call on an open deal can carry, from the most confident down. */
export const CALLED_CATEGORIES = ["COMMIT", "BEST_CASE", "PIPELINE", "OMITTED"] as const satisfies readonly ForecastCategory[];
export type CalledCategory = (typeof CALLED_CATEGORIES)[number];

export const isCalledCategory = (c: string): c is CalledCategory => (CALLED_CATEGORIES as readonly string[]).includes(c);

/** One weekly call with what its deal has become since. */
export interface CallOutcome {
  ownerId: string;
  quarterEnd: string;
  repCategory: string;
  derivedCategory: string;
  dealOutcome: "OPEN" | "WON" | "LOST";
  dealClosedOn: string | null;
  dealArchived: boolean;
}

/** A call is settled once its deal is won or lost, or once the quarter it was made for has ended. */
export function isSettled(call: Pick<CallOutcome, "dealOutcome" | "quarterEnd">, today: string): boolean {
  return call.dealOutcome !== "OPEN" || call.quarterEnd < today;
}

/** Won within the quarter called for: on or before its last day (an early win counts too). */
export function wonByQuarterEnd(call: Pick<CallOutcome, "dealOutcome" | "dealClosedOn" | "quarterEnd">): boolean {
  return call.dealOutcome === "WON" && call.dealClosedOn !== null && call.dealClosedOn <= call.quarterEnd;
}

/** Commit and Best Case say "it closes this quarter"; Pipeline and Omitted say it does not. */
export function isRight(category: CalledCategory, call: Pick<CallOutcome, "dealOutcome" | "dealClosedOn" | "quarterEnd">): boolean {
  const saysWon = category === "COMMIT" || category === "BEST_CASE";
  return saysWon === wonByQuarterEnd(call);
}

export interface Tally {
  settled: number;
  right: number;
}

export type CategoryTallies = Record<CalledCategory, { rep: Tally; derived: Tally }>;

/** A group's calls: per quarter called for (by its last day), over the whole window, and those not settled yet. */
export interface AccuracyFigures {
  byQuarter: Map<string, CategoryTallies>;
  total: CategoryTallies;
  unsettled: number;
}

export function emptyTallies(): CategoryTallies {
  return Object.fromEntries(CALLED_CATEGORIES.map((c) => [c, { rep: { settled: 0, right: 0 }, derived: { settled: 0, right: 0 } }])) as CategoryTallies;
}

export function emptyAccuracy(): AccuracyFigures {
  return { byQuarter: new Map(), total: emptyTallies(), unsettled: 0 };
}

/** What a group of calls for one quarter adds: the SQL's rows and addCall both come through here. */
export interface CallCounts {
  quarterEnd: string;
  side: "rep" | "derived";
  category: CalledCategory;
  settled: number;
  right: number;
}

export function addCounts(into: AccuracyFigures, counts: CallCounts): void {
  const quarter = into.byQuarter.get(counts.quarterEnd) ?? emptyTallies();
  into.byQuarter.set(counts.quarterEnd, quarter);
  for (const tallies of [quarter, into.total]) {
    tallies[counts.category][counts.side].settled += counts.settled;
    tallies[counts.category][counts.side].right += counts.right;
  }
}

/** Adds one call, if it counts: its deal is not archived, its quarter ends in the window, and both sides are a forecast. */
export function addCall(into: AccuracyFigures, call: CallOutcome, window: KpiWindow, today: string): void {
  const { repCategory: rep, derivedCategory: derived } = call;
  if (call.dealArchived || call.quarterEnd < window.from || call.quarterEnd > window.to) return;
  // A rep who calls an open deal Closed forecasts nothing: the whole call is left out, so the rep's
  // column and the plan's are measured on the same calls.
  if (!isCalledCategory(rep) || !isCalledCategory(derived)) return;
  if (!isSettled(call, today)) {
    into.unsettled++;
    return;
  }
  for (const [side, category] of [
    ["rep", rep],
    ["derived", derived],
  ] as const) {
    addCounts(into, { quarterEnd: call.quarterEnd, side, category, settled: 1, right: isRight(category, call) ? 1 : 0 });
  }
}

/** A rep's figures into their team's, a team's into the organization's: every count adds up. */
export function addAccuracy(into: AccuracyFigures, from: AccuracyFigures): void {
  for (const [quarterEnd, tallies] of from.byQuarter) {
    for (const category of CALLED_CATEGORIES) {
      for (const side of ["rep", "derived"] as const) addCounts(into, { quarterEnd, side, category, ...tallies[category][side] });
    }
  }
  into.unsettled += from.unsettled;
}

export function rate(t: Tally): number | null {
  return t.settled > 0 ? t.right / t.settled : null;
}

export function settledCalls(tallies: CategoryTallies): number {
  // A call counts only with both sides called, so each side's tallies hold every call once.
  return CALLED_CATEGORIES.reduce((sum, c) => sum + tallies[c].rep.settled, 0);
}

// ---- Windows: the quarters called for whose last day falls in the window ----

export type AccuracyWindowKind = "last2" | "last4" | "current" | "custom";

export const ACCURACY_WINDOW_CHOICES: Array<{ kind: Exclude<AccuracyWindowKind, "custom">; label: string }> = [
  { kind: "last2", label: "Last 2 quarters" },
  { kind: "last4", label: "Last 4 quarters" },
  { kind: "current", label: "This quarter" },
];

/** The last `count` fiscal quarters that have ended before today, as one window of their days. */
export function endedQuarters(today: string, fiscalYearStartMonth: number, count: number): KpiWindow {
  const current = fiscalQuarterOf(today, fiscalYearStartMonth);
  let first = current;
  for (let i = 0; i < count; i++) first = fiscalQuarterOf(addDays(first.start, -1), fiscalYearStartMonth);
  return { from: first.start, to: addDays(current.start, -1) };
}

/**
 * The page's window: the last 2 ended quarters (the default), the last 4, this quarter, or a
 * custom range read like the dashboard's. A custom range that cannot be read falls back to the
 * default, and says so. The dashboard's own windows ("week", "quarter", which its tabs carry
 * here) fall back to the default too: this quarter's calls are mostly not settled yet.
 */
export function resolveAccuracyWindow(
  kind: string | null,
  today: string,
  fiscalYearStartMonth: number,
  from: string | null,
  to: string | null,
  isDate: (value: string) => boolean,
): { kind: AccuracyWindowKind; window: KpiWindow; label: string; error: string | null } {
  if (kind === "last4") return { kind, window: endedQuarters(today, fiscalYearStartMonth, 4), label: "The last 4 quarters", error: null };
  if (kind === "current" || kind === "custom") {
    const resolved = resolveWindow(kind === "current" ? "quarter" : kind, today, fiscalYearStartMonth, from, to, isDate);
    if (!resolved.error) return { kind, window: resolved.window, label: resolved.kind === "custom" ? "Custom window" : resolved.label, error: null };
    return { ...lastTwo(today, fiscalYearStartMonth), error: resolved.error };
  }
  return lastTwo(today, fiscalYearStartMonth);
}

function lastTwo(today: string, fiscalYearStartMonth: number) {
  return { kind: "last2" as const, window: endedQuarters(today, fiscalYearStartMonth, 2), label: "The last 2 quarters", error: null };
}
