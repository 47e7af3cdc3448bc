// Calendar dates ('YYYY-MM-DD') are days, not moments. All arithmetic here runs on UTC day
// numbers, so neither the server's TZ nor a DST change can move a date by a day.
import type { CalendarDate } from "./types";
import { memoize } from "./memo";

const MS_PER_DAY = 86_400_000;

/**
 * The one range of dates a person may enter anywhere. Anything outside it is a typo (9999, 0001),
 * and keeping every stored date inside it keeps every derived date a four-digit year.
 */
export const FIRST_ACCEPTED_DATE: CalendarDate = "2000-01-01";
export const LAST_ACCEPTED_DATE: CalendarDate = "2099-12-31";
export const ACCEPTED_RANGE_MESSAGE = "Choose a date between 1 Jan 2000 and 31 Dec 2099";

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month];
}

/** The number written by the digits of `value` from `start` up to `end`, or NaN if one is not a digit. */
function digitsAt(value: string, start: number, end: number): number {
  let number = 0;
  for (let i = start; i < end; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    number = number * 10 + digit;
  }
  return number;
}

// Read by hand, not by a pattern: every step on every page asks this of its dates several times.
export function isCalendarDate(value: string): value is CalendarDate {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y = digitsAt(value, 0, 4);
  const m = digitsAt(value, 5, 7);
  const d = digitsAt(value, 8, 10);
  return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** A real calendar date inside the accepted range: what every form takes and every figure can read. */
export function isAcceptedDate(value: string): value is CalendarDate {
  return isCalendarDate(value) && value >= FIRST_ACCEPTED_DATE && value <= LAST_ACCEPTED_DATE;
}

/** The day number of a date the engine can read, or null for anything else (whatever is stored). */
export function readableDayNumber(value: string | null | undefined): number | null {
  return value != null && isAcceptedDate(value) ? dayNumber(value) : null;
}

/**
 * Days since 1970-01-01 for a 'YYYY-MM-DD' date. Parsed by hand (days-from-civil) because the
 * signals engine calls it for every milestone of every deal.
 */
export function dayNumber(date: CalendarDate): number {
  // No inner functions here: this runs for every milestone, and closures cost more than the math.
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) throw new RangeError(`Not a calendar date: ${date}`);
  let y = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  if (!(m >= 1 && m <= 12 && d >= 1 && y >= 0 && y <= 9999)) throw new RangeError(`Not a calendar date: ${date}`);
  if (d > daysInMonth(y, m)) throw new RangeError(`Not a calendar date: ${date}`);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const toDayNumber = dayNumber;

const LAST_FOUR_DIGIT_DAY = 2_932_896; // 9999-12-31
const FIRST_FOUR_DIGIT_DAY = -719_528; // 0000-01-01

export function fromDayNumber(day: number): CalendarDate {
  // Past year 9999 toISOString writes "+010000-…", which is no calendar date: refuse it instead.
  if (!Number.isInteger(day) || day < FIRST_FOUR_DIGIT_DAY || day > LAST_FOUR_DIGIT_DAY) throw new RangeError(`No calendar date for day ${day}`);
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The calendar date it is at `instant` for a reader in `timeZone` (an IANA name). */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The last answer per zone, with the minute it holds for: every instant of one minute falls on the
 * same local date (zones move by whole minutes), and a page asks "today" several times a request.
 */
const lastAnswers = new Map<string, { minute: number; date: CalendarDate }>();

export function calendarDateIn(timeZone: string, instant: Date = new Date()): CalendarDate {
  const minute = Math.floor(instant.getTime() / 60_000);
  const last = lastAnswers.get(timeZone);
  if (last?.minute === minute) return last.date;
  const date = formatCalendarDateIn(timeZone, instant);
  lastAnswers.set(timeZone, { minute, date });
  return date;
}

function formatCalendarDateIn(timeZone: string, instant: Date): CalendarDate {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    zoneFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The organization's "today": the one definition every derived figure uses. */
export function organizationToday(org: { timezone: string }, instant: Date = new Date()): CalendarDate {
  return calendarDateIn(org.timezone, instant);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * "7 Dec 2026" (short) or "Mon, 7 Dec 2026" (long), the same on every server and in every
 * browser: the date is formatted as a UTC day, never converted from a moment.
 */
const DATE_FORMATS = {
  short: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }),
  long: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" }),
};

const formatDay = memoize(
  (date: CalendarDate, style: "short" | "long"): string => {
    if (!isCalendarDate(date)) return date;
    const [y, m, d] = date.split("-").map(Number);
    return DATE_FORMATS[style].format(new Date(Date.UTC(y, m - 1, d)));
  },
  (date, style) => `${style}|${date}`,
);

export function formatCalendarDate(date: CalendarDate, style: "short" | "long" = "short"): string {
  return formatDay(date, style);
}

/** Earlier first, by day number; a stored value that is no readable date sorts after every date. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  const x = readableDayNumber(a) ?? Infinity;
  const y = readableDayNumber(b) ?? Infinity;
  return x === y ? 0 : x < y ? -1 : 1;
}
