// Scheduled email (reminders, check-ins, digests) reaches people in their daytime: from 08:00 to
// 20:00 where they are. Email a person causes right now (an assignment, an answer) is not held back.
import { addDays, calendarDateIn } from "./dates";
import { dayStartIn } from "./day-bounds";
import type { CalendarDate } from "./types";

export const DAY_STARTS_AT_HOUR = 8;
export const DAY_ENDS_AT_HOUR = 20;

const MINUTE = 60_000;
const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour on the wall clock (0–23) at `instant` in `timeZone`. */
export function localHourIn(timeZone: string, instant: Date): number {
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" });
    hourFormats.set(timeZone, format);
  }
  return Number(format.formatToParts(instant).find((part) => part.type === "hour")?.value ?? 0);
}

/**
 * The first instant (to the minute) of `date` in `timeZone` at which the wall clock shows `hour`
 * or later. A clock change never moves it to the wrong hour: the search reads the local clock.
 */
export function wallClockHourIn(timeZone: string, date: CalendarDate, hour: number): Date {
  const start = dayStartIn(timeZone, date).getTime() / MINUTE;
  let low = start;
  let high = start + (hour + 2) * 60;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const at = new Date(middle * MINUTE);
    if (calendarDateIn(timeZone, at) === date && localHourIn(timeZone, at) < hour) low = middle + 1;
    else high = middle;
  }
  return new Date(low * MINUTE);
}

/** `now` when it is daytime for the reader, else the next 08:00 on their clock. */
export function deliverableFrom(now: Date, timeZone: string): Date {
  const hour = localHourIn(timeZone, now);
  if (hour >= DAY_STARTS_AT_HOUR && hour < DAY_ENDS_AT_HOUR) return now;
  const today = calendarDateIn(timeZone, now);
  return wallClockHourIn(timeZone, hour < DAY_STARTS_AT_HOUR ? today : addDays(today, 1), DAY_STARTS_AT_HOUR);
}
