// Per-milestone slippage (product.md, "Slippage"): the one definition, used by the signals
// engine (on day numbers, for speed) and by pages that show a single milestone.
import { dayNumber, readableDayNumber } from "./dates";
import type { CalendarDate } from "./types";

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
