// Manager KPIs (product.md, "Manager KPIs"), defined once, on plain rows. The dashboard computes
// the same figures in SQL for speed (app/models/dashboard.server.ts); an integration test holds
// the two to the same numbers. Choices product.md leaves open are written in docs/signals.md.
import { addDays, dayNumber, fromDayNumber } from "./dates";
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
}

/** A milestone of a deal, with what the core rule says about it. */
export interface KpiMilestone {
  dealId: string;
  ownerId: string;
  dealOutcome: "OPEN" | "WON" | "LOST";
  planState: "DRAFT" | "SHARED" | "ACCEPTED";
  targetDate: string;
  originalTargetDate: string;
  countsAsDone: boolean;
  completedOn: string | null;
}

export interface Kpis {
  completion: { due: number; onTime: number; rate: number | null };
  coverage: { eligible: number; shared: number; accepted: number; sharedRate: number | null; acceptedRate: number | null };
  slippage: { milestones: number; redated: number; daysSlipped: number; redatedRate: number | null; averageDaysSlipped: number | null; dealsProjectedOut: number };
  multiThread: { openDeals: number; activeBuyers: number; average: number | null };
  forecast: { byCurrency: Record<string, { rep: Record<ForecastCategory, number>; derived: Record<ForecastCategory, number> }>; overCalledDealIds: string[] };
}

export const COMPLETION_WARNING = 0.7;

/** Active deals for completion and slippage: a shared or accepted plan, and not lost. */
export function isActiveMilestone(m: Pick<KpiMilestone, "dealOutcome" | "planState">): boolean {
  return m.planState !== "DRAFT" && m.dealOutcome !== "LOST";
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
  k.completion.due++;
  if (m.countsAsDone && m.completedOn !== null && m.completedOn <= m.targetDate) k.completion.onTime++;
  k.slippage.milestones++;
  const slipped = dayNumber(m.targetDate) - dayNumber(m.originalTargetDate);
  if (slipped > 0) {
    k.slippage.redated++;
    k.slippage.daysSlipped += slipped;
  }
}

/**
 * Adds one deal's contribution. Coverage, projections and multi-threading look at open deals now;
 * the forecast looks at deals whose target close date falls in the window.
 */
export function addDeal(k: Kpis, d: KpiDeal, window: KpiWindow): void {
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
  if (inWindow(d.targetCloseDate, window)) {
    const totals = (k.forecast.byCurrency[d.currency] ??= { rep: zeroCategories(), derived: zeroCategories() });
    totals.rep[d.repCategory] += d.amount;
    totals.derived[d.derivedCategory] += d.amount;
    if (d.overCalled) k.forecast.overCalledDealIds.push(d.dealId);
  }
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

/** KPIs per group (a rep, a team, the whole organization) from plain rows. */
export function computeKpis(
  deals: KpiDeal[],
  milestones: KpiMilestone[],
  window: KpiWindow,
  today: string,
  groupOf: (ownerId: string) => string | null,
): Map<string, Kpis> {
  const groups = new Map<string, Kpis>();
  const kpisOf = (ownerId: string) => {
    const key = groupOf(ownerId);
    if (key === null) return null;
    let k = groups.get(key);
    if (!k) groups.set(key, (k = emptyKpis()));
    return k;
  };
  for (const m of milestones) {
    const k = kpisOf(m.ownerId);
    if (k) addMilestone(k, m, window, today);
  }
  for (const d of deals) {
    const k = kpisOf(d.ownerId);
    if (k) addDeal(k, d, window);
  }
  for (const k of groups.values()) finish(k);
  return groups;
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
  return { kind, window: { from, to }, label: `${from} to ${to}`, error: null };
}
