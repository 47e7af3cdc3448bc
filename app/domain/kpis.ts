// Manager KPIs (docs/signals.md, "Manager KPIs"), defined once, on plain rows. The dashboard folds
// deals' cached signals through addDeal, and counts milestones in SQL for speed
// (app/models/dashboard-sql.server.ts); tests/integration/dashboard.test.ts holds that SQL to
// addMilestone, milestone by milestone.
import { addDays, dayNumber, fromDayNumber, isCalendarDate } from "./dates";
import { fiscalQuarterOf } from "./fiscal";
import type { ForecastCategory } from "./signals";

export interface KpiWindow {
  from: string; // inclusive calendar date
  to: string; // inclusive calendar date
}

/** A deal with its cached signals. */
export interface KpiDeal {
  dealId: string;
  ownerId: string;
  outcome: "OPEN" | "WON" | "LOST";
  stage: number;
  amount: number;
  currency: string;
  targetCloseDate: string;
  planState: "DRAFT" | "SHARED" | "ACCEPTED" | null;
  repCategory: ForecastCategory;
  derivedCategory: ForecastCategory;
  overCalled: boolean;
  projectedOutsideQuarter: boolean;
  activeBuyerCount: number;
  archived: boolean;
  /** A stored date the engine cannot read: the deal's figures are withheld until it is fixed. */
  unreadableDate: boolean;
}

/** A milestone of a deal, with what the core rule says about it. */
export interface KpiMilestone {
  dealId: string;
  ownerId: string;
  dealOutcome: "OPEN" | "WON" | "LOST";
  planState: "DRAFT" | "SHARED" | "ACCEPTED";
  targetDate: string;
  originalTargetDate: string;
  dealArchived: boolean;
  dealUnreadableDate: boolean;
  countsAsDone: boolean;
  completedOn: string | null;
}

/** What a group of milestones due in a window adds to completion and slippage. */
export interface MilestoneFigures {
  due: number;
  onTime: number;
  redated: number;
  daysSlipped: number;
}

export interface Kpis {
  completion: { due: number; onTime: number; rate: number | null };
  coverage: { eligible: number; shared: number; accepted: number; sharedRate: number | null; acceptedRate: number | null };
  slippage: {
    milestones: number;
    redated: number;
    daysSlipped: number;
    redatedRate: number | null;
    averageDaysSlipped: number | null;
    dealsProjectedOut: number;
  };
  multiThread: { openDeals: number; activeBuyers: number; average: number | null };
  forecast: { byCurrency: Record<string, { rep: Record<ForecastCategory, number>; derived: Record<ForecastCategory, number> }>; overCalledDealIds: string[] };
}

export const COMPLETION_WARNING = 0.7;

/** Archived deals and deals with a date nobody can read stay out of every figure. */
export function countsInFigures(d: Pick<KpiDeal, "archived" | "unreadableDate">): boolean {
  return !d.archived && !d.unreadableDate;
}

/** Active deals for completion and slippage: a shared or accepted plan, and not lost. */
export function isActiveMilestone(m: Pick<KpiMilestone, "dealOutcome" | "planState" | "dealArchived" | "dealUnreadableDate">): boolean {
  return m.planState !== "DRAFT" && m.dealOutcome !== "LOST" && countsInFigures({ archived: m.dealArchived, unreadableDate: m.dealUnreadableDate });
}

/** Completed on time under the core rule: counts as done, on or before its target date. */
export function isOnTime(m: Pick<KpiMilestone, "countsAsDone" | "completedOn" | "targetDate">): boolean {
  return m.countsAsDone && m.completedOn !== null && m.completedOn <= m.targetDate;
}

/** Days a date moved later than first agreed; 0 when it did not, or when a date cannot be read. */
export function daysSlipped(targetDate: string, originalTargetDate: string): number {
  if (targetDate <= originalTargetDate || !isCalendarDate(targetDate) || !isCalendarDate(originalTargetDate)) return 0;
  return dayNumber(targetDate) - dayNumber(originalTargetDate);
}

export function inWindow(date: string, window: KpiWindow): boolean {
  return date >= window.from && date <= window.to;
}

function zeroCategories(): Record<ForecastCategory, number> {
  return { OMITTED: 0, PIPELINE: 0, BEST_CASE: 0, COMMIT: 0, CLOSED: 0 };
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function emptyKpis(): Kpis {
  return {
    completion: { due: 0, onTime: 0, rate: null },
    coverage: { eligible: 0, shared: 0, accepted: 0, sharedRate: null, acceptedRate: null },
    slippage: { milestones: 0, redated: 0, daysSlipped: 0, redatedRate: null, averageDaysSlipped: null, dealsProjectedOut: 0 },
    multiThread: { openDeals: 0, activeBuyers: 0, average: null },
    forecast: { byCurrency: {}, overCalledDealIds: [] },
  };
}

/** The part of the window whose milestones are already due: nothing after today counts yet. */
export function dueWindow(window: KpiWindow, today: string): KpiWindow {
  return { from: window.from, to: window.to < today ? window.to : today };
}

/** Adds one milestone's contribution (due in the window by today, on an active deal). */
export function addMilestone(k: Kpis, m: KpiMilestone, window: KpiWindow, today: string): void {
  if (!isActiveMilestone(m) || !inWindow(m.targetDate, dueWindow(window, today))) return;
  addMilestoneFigures(k, {
    due: 1,
    onTime: isOnTime(m) ? 1 : 0,
    redated: m.targetDate > m.originalTargetDate ? 1 : 0,
    daysSlipped: daysSlipped(m.targetDate, m.originalTargetDate),
  });
}

export function addMilestoneFigures(k: Kpis, f: MilestoneFigures): void {
  k.completion.due += f.due;
  k.completion.onTime += f.onTime;
  k.slippage.milestones += f.due;
  k.slippage.redated += f.redated;
  k.slippage.daysSlipped += f.daysSlipped;
}

/**
 * Adds one deal's contribution. Coverage, projections and multi-threading look at open deals now;
 * the forecast looks at deals whose target close date falls in the window.
 */
export function addDeal(k: Kpis, d: KpiDeal, window: KpiWindow): void {
  if (!countsInFigures(d)) return;
  if (d.outcome === "OPEN") {
    if (d.stage >= 3) {
      k.coverage.eligible++;
      if (d.planState === "SHARED" || d.planState === "ACCEPTED") k.coverage.shared++;
      if (d.planState === "ACCEPTED") k.coverage.accepted++;
    }
    if (d.projectedOutsideQuarter) k.slippage.dealsProjectedOut++;
    // product.md: "active buyer stakeholders per open deal". A deal whose plan is not shared has
    // no active buyer, and counts as such: it is the least multi-threaded deal there is.
    k.multiThread.openDeals++;
    k.multiThread.activeBuyers += d.activeBuyerCount;
  }
  if (inForecast(d, window)) {
    const totals = (k.forecast.byCurrency[d.currency] ??= { rep: zeroCategories(), derived: zeroCategories() });
    totals.rep[d.repCategory] += d.amount;
    totals.derived[d.derivedCategory] += d.amount;
    if (d.overCalled) k.forecast.overCalledDealIds.push(d.dealId);
  }
}

/** The forecast of a window counts the deals whose target close date falls in it. */
export function inForecast(d: Pick<KpiDeal, "targetCloseDate">, window: KpiWindow): boolean {
  return inWindow(d.targetCloseDate, window);
}

/** Adds one group's figures to another's (a rep's to their team's): numerators and denominators add up. */
export function addKpis(into: Kpis, from: Kpis): void {
  addMilestoneFigures(into, {
    due: from.completion.due,
    onTime: from.completion.onTime,
    redated: from.slippage.redated,
    daysSlipped: from.slippage.daysSlipped,
  });
  into.coverage.eligible += from.coverage.eligible;
  into.coverage.shared += from.coverage.shared;
  into.coverage.accepted += from.coverage.accepted;
  into.slippage.dealsProjectedOut += from.slippage.dealsProjectedOut;
  into.multiThread.openDeals += from.multiThread.openDeals;
  into.multiThread.activeBuyers += from.multiThread.activeBuyers;
  for (const [currency, t] of Object.entries(from.forecast.byCurrency)) {
    const totals = (into.forecast.byCurrency[currency] ??= { rep: zeroCategories(), derived: zeroCategories() });
    for (const c of Object.keys(t.rep) as ForecastCategory[]) {
      totals.rep[c] += t.rep[c];
      totals.derived[c] += t.derived[c];
    }
  }
  into.forecast.overCalledDealIds.push(...from.forecast.overCalledDealIds);
}

/** Fills in the rates once every row has been added. */
export function finish(k: Kpis): Kpis {
  k.completion.rate = ratio(k.completion.onTime, k.completion.due);
  k.coverage.sharedRate = ratio(k.coverage.shared, k.coverage.eligible);
  k.coverage.acceptedRate = ratio(k.coverage.accepted, k.coverage.eligible);
  k.slippage.redatedRate = ratio(k.slippage.redated, k.slippage.milestones);
  k.slippage.averageDaysSlipped = ratio(k.slippage.daysSlipped, k.slippage.redated);
  k.multiThread.average = ratio(k.multiThread.activeBuyers, k.multiThread.openDeals);
  k.forecast.overCalledDealIds.sort();
  return k;
}

/** The Monday that starts the week of `date`. */
export function weekStart(date: string): string {
  const n = dayNumber(date);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0.
  const weekday = (((n + 3) % 7) + 7) % 7;
  return fromDayNumber(n - weekday);
}

/** The Mondays of every week that overlaps the window, oldest first. */
export function weeksOf(window: KpiWindow): string[] {
  const weeks: string[] = [];
  for (let monday = weekStart(window.from); monday <= window.to; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

export type WindowKind = "week" | "quarter" | "custom";

export const MAX_WINDOW_DAYS = 3 * 366;

/**
 * The dashboard's window: this week (Monday to Sunday), this fiscal quarter, or a custom range.
 * A custom range that is missing or backwards falls back to this quarter, and says so.
 */
export function resolveWindow(
  kind: string | null,
  today: string,
  fiscalYearStartMonth: number,
  from: string | null,
  to: string | null,
  isDate: (value: string) => boolean,
): { kind: WindowKind; window: KpiWindow; label: string; error: string | null } {
  if (kind === "week") {
    const monday = weekStart(today);
    return { kind, window: { from: monday, to: addDays(monday, 6) }, label: "This week", error: null };
  }
  const quarter = fiscalQuarterOf(today, fiscalYearStartMonth);
  const thisQuarter = { kind: "quarter" as const, window: { from: quarter.start, to: quarter.end }, label: `This quarter (${quarter.label})`, error: null };
  if (kind !== "custom") return thisQuarter;
  if (!from || !to || !isDate(from) || !isDate(to)) return { ...thisQuarter, error: "Enter both dates of the custom window (YYYY-MM-DD)." };
  if (from > to) return { ...thisQuarter, error: "The custom window ends before it starts." };
  if (dayNumber(to) - dayNumber(from) > MAX_WINDOW_DAYS) return { ...thisQuarter, error: "A custom window can span three years at most." };
  return { kind, window: { from, to }, label: "Custom window", error: null };
}
