// Where an organization's calendar day begins as an instant, for filtering stored moments (an audit
// row's time) by the organization's own dates.
import { addDays, calendarDateIn, isCalendarDate } from "./dates";
import type { CalendarDate } from "./types";

const MINUTE = 60_000;
// Every zone's offset lies within -12:00 and +14:00, so a day starts within this much of its UTC midnight.
const WIDEST_OFFSET = 15 * 60 * MINUTE;

/**
 * The first instant (to the minute) at which it is `date` or later in `timeZone`. Usually local
 * midnight; where a clock change skips midnight, the first minute that exists that day.
 */
export function dayStartIn(timeZone: string, date: CalendarDate): Date {
  if (!isCalendarDate(date)) throw new Error(`Not a calendar date: ${date}`);
  const [y, m, d] = date.split("-").map(Number);
  const utcMidnight = Date.UTC(y, m - 1, d);
  // Minutes in [low, high) whose local date is before `date`, then not: find the first that is not.
  let low = (utcMidnight - WIDEST_OFFSET) / MINUTE;
  let high = (utcMidnight + WIDEST_OFFSET) / MINUTE;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (calendarDateIn(timeZone, new Date(middle * MINUTE)) < date) low = middle + 1;
    else high = middle;
  }
  return new Date(low * MINUTE);
}

/** The instants of the calendar days `from` to `to` (both included) in `timeZone`: [start, end). */
export function daysRangeIn(timeZone: string, from: CalendarDate | null, to: CalendarDate | null) {
  return {
    start: from ? dayStartIn(timeZone, from) : null,
    end: to ? dayStartIn(timeZone, addDays(to, 1)) : null,
  };
}
