// Per-milestone slippage (product.md, "Slippage"): the one definition, used by the signals
// engine (on day numbers, for speed) and by pages that show a single milestone.
import { dayNumber } from "./dates";
import type { CalendarDate } from "./types";

/** Current minus original target day, when positive; else 0. */
export function slippedDays(originalDay: number, targetDay: number): number {
  return Math.max(0, targetDay - originalDay);
}

/** Today minus target day while the step does not count as done; else 0. */
export function overdueDays(targetDay: number, todayDay: number, countsAsDone: boolean): number {
  return countsAsDone ? 0 : Math.max(0, todayDay - targetDay);
}

export function daysSlipped(originalTargetDate: CalendarDate, targetDate: CalendarDate): number {
  return slippedDays(dayNumber(originalTargetDate), dayNumber(targetDate));
}

export function daysOverdue(targetDate: CalendarDate, today: CalendarDate, countsAsDone: boolean): number {
  return overdueDays(dayNumber(targetDate), dayNumber(today), countsAsDone);
}
