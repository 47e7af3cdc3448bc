// Slippage (docs/signals.md §3–4): per milestone, days slipped and days overdue; per plan, the
// slipped count, the steps due so far, and the projected close with the observed lateness carried
// forward, against the target close date and the end of its fiscal quarter.
import { completionState } from "./completion";
import { dayNumber, fromDayNumber, readableDayNumber } from "./dates";
import { fiscalQuarterOf } from "./fiscal";
import type { CalendarDate, DealSnapshot, MilestoneSignal, SnapshotMilestone } from "./signal-types";

/** Current minus original target day, when positive; else 0. */
export function slippedDays(originalDay: number, targetDay: number): number {
  return Math.max(0, targetDay - originalDay);
}

/** Today minus target day while the step does not count as done; else 0. */
export function overdueDays(targetDay: number, todayDay: number, countsAsDone: boolean): number {
  return countsAsDone ? 0 : Math.max(0, todayDay - targetDay);
}

// A page showing one milestone must render even when a stored date cannot be read: it shows 0.
export function daysSlipped(originalTargetDate: CalendarDate, targetDate: CalendarDate): number {
  const original = readableDayNumber(originalTargetDate);
  const target = readableDayNumber(targetDate);
  return original === null || target === null ? 0 : slippedDays(original, target);
}

export function daysOverdue(targetDate: CalendarDate, today: CalendarDate, countsAsDone: boolean): number {
  const target = readableDayNumber(targetDate);
  return target === null ? 0 : overdueDays(target, dayNumber(today), countsAsDone);
}

export function milestoneSignals(milestones: SnapshotMilestone[], todayN: number): MilestoneSignal[] {
  return milestones.map((m) => {
    const target = dayNumber(m.targetDate);
    const completion = completionState(m);
    const done = completion === "DONE";
    return {
      id: m.id,
      originalTargetDate: m.originalTargetDate,
      targetDate: m.targetDate,
      redateCount: m.redateCount,
      daysSlipped: slippedDays(dayNumber(m.originalTargetDate), target),
      daysOverdue: overdueDays(target, todayN, done),
      countsAsDone: done,
      buyerConfirmed: m.buyerConfirmed,
      awaitingBuyerConfirmation: completion === "AWAITING_BUYER_CONFIRMATION",
    };
  });
}

/**
 * The steps whose target date has passed (before today). A step due today is not yet due: it can
 * still be done on time, and moving it to tomorrow must not look like progress.
 */
export function dueSoFar(milestones: SnapshotMilestone[], signals: MilestoneSignal[], todayN: number) {
  let due = 0;
  let onTime = 0;
  let buyerStepsNotDone = 0;
  milestones.forEach((m, i) => {
    const target = dayNumber(m.targetDate);
    if (target >= todayN) return;
    due++;
    if (signals[i].countsAsDone && m.completedOn !== null && dayNumber(m.completedOn) <= target) onTime++;
    if (m.ownerSide !== "SELLER" && !signals[i].countsAsDone) buyerStepsNotDone++;
  });
  return { due, onTime, buyerStepsNotDone, onTimeRate: due > 0 ? onTime / due : null };
}

export interface PlanSlippage {
  slippedCount: number;
  totalDaysSlipped: number;
  likelyToPush: boolean;
  /** The largest days overdue among steps not done: the lateness carried forward. */
  behind: number;
  openCount: number;
  projectedCloseDate: CalendarDate | null;
  projectedAfterTarget: boolean;
  projectedOutsideQuarter: boolean;
  closeQuarter: { start: CalendarDate; end: CalendarDate; label: string };
}

export function planSlippage(snapshot: DealSnapshot, signals: MilestoneSignal[], todayN: number): PlanSlippage {
  let slippedCount = 0;
  let totalDaysSlipped = 0;
  let behind = 0;
  let openCount = 0;
  let latestOpenTarget = -Infinity;
  let latestCompletion = -Infinity;
  signals.forEach((s, i) => {
    if (s.daysSlipped > 0) {
      slippedCount++;
      totalDaysSlipped += s.daysSlipped;
    }
    const completedOn = snapshot.milestones[i].completedOn;
    if (s.countsAsDone) {
      if (completedOn !== null) latestCompletion = Math.max(latestCompletion, dayNumber(completedOn));
    } else {
      openCount++;
      behind = Math.max(behind, s.daysOverdue);
      latestOpenTarget = Math.max(latestOpenTarget, dayNumber(s.targetDate));
    }
  });

  // Each open step is expected at its target plus `behind`, never before today; the latest wins.
  let projectedDay: number | null = null;
  if (openCount > 0) projectedDay = Math.max(latestOpenTarget + behind, todayN);
  else if (latestCompletion > -Infinity) projectedDay = latestCompletion;
  const { start, end, label } = fiscalQuarterOf(snapshot.deal.targetCloseDate, snapshot.org.fiscalYearStartMonth);
  return {
    slippedCount,
    totalDaysSlipped,
    likelyToPush: slippedCount >= 2,
    behind,
    openCount,
    projectedCloseDate: projectedDay === null ? null : fromDayNumber(projectedDay),
    projectedAfterTarget: projectedDay !== null && projectedDay > dayNumber(snapshot.deal.targetCloseDate),
    projectedOutsideQuarter: projectedDay !== null && projectedDay > dayNumber(end),
    closeQuarter: { start, end, label },
  };
}
