// Per-milestone slippage (product.md, "Slippage"). Dates are calendar dates; "today" is the
// organization's local date, passed in by the caller.
import { daysBetween } from "./dates";
import type { CalendarDate } from "./types";

/** Current minus original target date, when positive; else 0. */
export function daysSlipped(originalTargetDate: CalendarDate, targetDate: CalendarDate): number {
  return Math.max(0, daysBetween(originalTargetDate, targetDate));
}

/** Today minus target date while the step does not count as done; else 0. */
export function daysOverdue(targetDate: CalendarDate, today: CalendarDate, countsAsDone: boolean): number {
  return countsAsDone ? 0 : Math.max(0, daysBetween(targetDate, today));
}
