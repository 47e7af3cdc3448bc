// The manager's scorecard (docs/scorecard.md): win rate by stage, days in stage and aging deals,
// sales cycle length, the MEDDPICC distribution, next-step discipline and close-date pushes. The
// figures of a group are counts and sums that add up, rep to team to organization, like kpis.ts;
// rates, averages and medians are filled in once every row is in (finishScorecard). Each figure
// is defined on plain rows in scorecard-rows.ts; app/models/scorecard-sql.server.ts counts the
// same in SQL, and tests/integration/scorecard.test.ts holds the two equal.
import { addDays, daysBetween, isCalendarDate } from "./dates";
import type { KpiWindow } from "./kpis";

export const STAGES = [1, 2, 3, 4, 5, 6] as const;

/** 70% of the 16 MEDDPICC points, rounded up: the seed's "qualified" line, also the bar to stage 4. */
export const MEDDPICC_QUALIFIED = Math.ceil(0.7 * 16);
export const MEDDPICC_MAX = 16;

/** A page lists this many aging deals or deals without a next step; the rest are counted. */
export const LIST_LIMIT = 25;

/** A next step is due within this many days from today, today included. */
export const NEXT_STEP_DAYS = 14;

export interface StageOutcomes {
  /** Distinct deals that entered the stage in the window. */
  entered: number;
  won: number;
  lost: number;
  open: number;
  winRate: number | null;
}

export interface StageTime {
  /** Stints in the stage that ended in the window, and the days they lasted in all. */
  stints: number;
  days: number;
  average: number | null;
}

export interface DealRef {
  dealId: string;
  ownerId: string;
  accountName: string;
  name: string;
}

export interface AgingDeal extends DealRef {
  stage: number;
  daysInStage: number;
  /** The team's average days in this stage (or the organization's) that this deal is past. */
  usualDays: number;
}

export interface CurrencyMeddpicc {
  /** Open deals' value, and the part with a MEDDPICC total at or above the qualified line. */
  value: number;
  qualifiedValue: number;
  valueShare: number | null;
  /** Open deals closing in the window: the rep-called Commit value, and the qualified value. */
  commitValue: number;
  qualifiedClosingValue: number;
  /** The seed rule "Commit never exceeds the value of qualified deals" fails. */
  commitExceedsQualified: boolean;
}

export interface Scorecard {
  winRate: Record<number, StageOutcomes>;
  daysInStage: Record<number, StageTime>;
  aging: AgingDeal[];
  salesCycle: { days: number[]; count: number; average: number | null; median: number | null };
  meddpicc: {
    openDeals: number;
    qualified: number;
    countShare: number | null;
    /** Open deals by MEDDPICC total, 0 to 16. */
    histogram: number[];
    notScored: number;
    byCurrency: Record<string, CurrencyMeddpicc>;
  };
  nextStep: { active: number; withNextStep: number; share: number | null; without: DealRef[] };
  pushes: { pushes: number; dealsPushed: number; daysPushed: number; openDeals: number; openDealsPushed: number; openShare: number | null };
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function emptyStageOutcomes(): StageOutcomes {
  return { entered: 0, won: 0, lost: 0, open: 0, winRate: null };
}

export function emptyCurrencyMeddpicc(): CurrencyMeddpicc {
  return { value: 0, qualifiedValue: 0, valueShare: null, commitValue: 0, qualifiedClosingValue: 0, commitExceedsQualified: false };
}

export function emptyScorecard(): Scorecard {
  return {
    winRate: Object.fromEntries(STAGES.map((s) => [s, emptyStageOutcomes()])),
    daysInStage: Object.fromEntries(STAGES.map((s) => [s, { stints: 0, days: 0, average: null }])),
    aging: [],
    salesCycle: { days: [], count: 0, average: null, median: null },
    meddpicc: { openDeals: 0, qualified: 0, countShare: null, histogram: Array<number>(MEDDPICC_MAX + 1).fill(0), notScored: 0, byCurrency: {} },
    nextStep: { active: 0, withNextStep: 0, share: null, without: [] },
    pushes: { pushes: 0, dealsPushed: 0, daysPushed: 0, openDeals: 0, openDealsPushed: 0, openShare: null },
  };
}

/** The outcome a deal that entered a stage had by now. */
export function addStageOutcome(s: Scorecard, stage: number, outcome: "OPEN" | "WON" | "LOST", deals = 1): void {
  const row = (s.winRate[stage] ??= emptyStageOutcomes());
  row.entered += deals;
  if (outcome === "WON") row.won += deals;
  else if (outcome === "LOST") row.lost += deals;
  else row.open += deals;
}

export function addStageTime(s: Scorecard, stage: number, stints: number, days: number): void {
  const row = (s.daysInStage[stage] ??= { stints: 0, days: 0, average: null });
  row.stints += stints;
  row.days += days;
}

/** An open deal's MEDDPICC total (null: never scored) and value, once. */
export function addMeddpiccDeal(s: Scorecard, total: number | null, currency: string, amount: number, deals = 1): void {
  s.meddpicc.openDeals += deals;
  // The same open deals are the base of the share pushed: counted once, here.
  s.pushes.openDeals += deals;
  const money = (s.meddpicc.byCurrency[currency] ??= emptyCurrencyMeddpicc());
  money.value += amount;
  if (total === null) {
    s.meddpicc.notScored += deals;
    return;
  }
  s.meddpicc.histogram[total] += deals;
  if (isQualified(total)) {
    s.meddpicc.qualified += deals;
    money.qualifiedValue += amount;
  }
}

export function isQualified(total: number | null): boolean {
  return total !== null && total >= MEDDPICC_QUALIFIED;
}

/** An open deal closing in the window: what it adds to the Commit check. */
export function addClosingDeal(s: Scorecard, currency: string, commitValue: number, qualifiedValue: number): void {
  const money = (s.meddpicc.byCurrency[currency] ??= emptyCurrencyMeddpicc());
  money.commitValue += commitValue;
  money.qualifiedClosingValue += qualifiedValue;
}

/** Adds one group's figures to another's (a rep's to their team's). */
export function addScorecard(into: Scorecard, from: Scorecard): void {
  for (const [stage, row] of Object.entries(from.winRate)) {
    const target = (into.winRate[Number(stage)] ??= emptyStageOutcomes());
    target.entered += row.entered;
    target.won += row.won;
    target.lost += row.lost;
    target.open += row.open;
  }
  for (const [stage, row] of Object.entries(from.daysInStage)) addStageTime(into, Number(stage), row.stints, row.days);
  into.aging.push(...from.aging);
  into.salesCycle.days.push(...from.salesCycle.days);
  const m = into.meddpicc;
  m.openDeals += from.meddpicc.openDeals;
  m.qualified += from.meddpicc.qualified;
  m.notScored += from.meddpicc.notScored;
  from.meddpicc.histogram.forEach((count, total) => (m.histogram[total] += count));
  for (const [currency, money] of Object.entries(from.meddpicc.byCurrency)) {
    const target = (m.byCurrency[currency] ??= emptyCurrencyMeddpicc());
    target.value += money.value;
    target.qualifiedValue += money.qualifiedValue;
    target.commitValue += money.commitValue;
    target.qualifiedClosingValue += money.qualifiedClosingValue;
  }
  into.nextStep.active += from.nextStep.active;
  into.nextStep.withNextStep += from.nextStep.withNextStep;
  into.nextStep.without.push(...from.nextStep.without);
  for (const key of ["pushes", "dealsPushed", "daysPushed", "openDeals", "openDealsPushed"] as const) into.pushes[key] += from.pushes[key];
}

export function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const byName = (a: DealRef, b: DealRef) => a.accountName.localeCompare(b.accountName) || a.name.localeCompare(b.name) || a.dealId.localeCompare(b.dealId);

/** Fills in rates, averages and the median once every row has been added. */
export function finishScorecard(s: Scorecard): Scorecard {
  for (const row of Object.values(s.winRate)) row.winRate = ratio(row.won, row.entered);
  for (const row of Object.values(s.daysInStage)) row.average = ratio(row.days, row.stints);
  s.aging.sort(byName);
  const days = s.salesCycle.days.sort((a, b) => a - b);
  s.salesCycle.count = days.length;
  s.salesCycle.average = ratio(
    days.reduce((sum, d) => sum + d, 0),
    days.length,
  );
  s.salesCycle.median = median(days);
  s.meddpicc.countShare = ratio(s.meddpicc.qualified, s.meddpicc.openDeals);
  for (const money of Object.values(s.meddpicc.byCurrency)) {
    money.valueShare = ratio(money.qualifiedValue, money.value);
    money.commitExceedsQualified = money.commitValue > money.qualifiedClosingValue;
  }
  s.nextStep.share = ratio(s.nextStep.withNextStep, s.nextStep.active);
  s.nextStep.without.sort(byName);
  s.pushes.openShare = ratio(s.pushes.openDealsPushed, s.pushes.openDeals);
  return s;
}

/** Currencies in which the group's Commit is above its qualified value closing in the window. */
export function commitWarnings(s: Scorecard): string[] {
  return Object.entries(s.meddpicc.byCurrency)
    .filter(([, money]) => money.commitExceedsQualified)
    .map(([currency]) => currency)
    .sort();
}

/** The stints a team's usual time in a stage is measured on: the year up to today, whatever window the page shows. */
export function usualTimeWindow(today: string): KpiWindow {
  return { from: addDays(today, -364), to: today };
}

/**
 * A team's usual days in a stage: its own average over stints that ended in usualTimeWindow, else the
 * organization's; null when neither has one (no deal is then flagged).
 */
export function usualDaysInStage(team: Scorecard | undefined, organization: Scorecard, stage: number): number | null {
  return team?.daysInStage[stage]?.average ?? organization.daysInStage[stage]?.average ?? null;
}

/** Days from one stored date to another; null when either cannot be read, so one bad row never breaks a page. */
export function readableDaysBetween(from: string, to: string): number | null {
  return isCalendarDate(from) && isCalendarDate(to) ? daysBetween(from, to) : null;
}

/** An open deal in its stage for longer than the usual time is aging; null when it is not (or nobody can tell). */
export function agingDeal(deal: DealRef & { stage: number }, enteredOn: string | null, today: string, usualDays: number | null): AgingDeal | null {
  const daysInStage = enteredOn === null ? null : readableDaysBetween(enteredOn, today);
  if (daysInStage === null || usualDays === null || daysInStage <= usualDays) return null;
  return { dealId: deal.dealId, ownerId: deal.ownerId, accountName: deal.accountName, name: deal.name, stage: deal.stage, daysInStage, usualDays };
}

/** A deal has a next step when a step not yet done has an owner and a date from today to 14 days on. */
export function isNextStep(m: { countsAsDone: boolean; hasOwner: boolean; targetDate: string }, today: string, lastDay: string): boolean {
  return !m.countsAsDone && m.hasOwner && m.targetDate >= today && m.targetDate <= lastDay;
}

/** A scorecard as a page shows it: long lists cut to LIST_LIMIT, with their full counts kept. */
export interface ShownScorecard extends Scorecard {
  agingCount: number;
  withoutNextStepCount: number;
}

export function shownScorecard(s: Scorecard): ShownScorecard {
  return {
    ...s,
    aging: s.aging.slice(0, LIST_LIMIT),
    salesCycle: { ...s.salesCycle, days: [] },
    nextStep: { ...s.nextStep, without: s.nextStep.without.slice(0, LIST_LIMIT) },
    agingCount: s.aging.length,
    withoutNextStepCount: s.nextStep.without.length,
  };
}
