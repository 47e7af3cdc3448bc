// Calendars in iCalendar form (RFC 5545), for calendar apps to subscribe to or import: each plan
// step is an all-day event on its calendar date. Dates are written as dates, never as moments, so
// no timezone of the server or of the reader can move a step to another day.
import { addDays, isAcceptedDate } from "./dates";
import type { CalendarDate } from "./types";

export const PRODUCT_ID = "-//Mutual//Mutual action plans//EN";

export interface CalendarEvent {
  /** Stable across fetches, so that a calendar app updates the event instead of adding another. */
  uid: string;
  date: CalendarDate;
  /** Grows with every change, so that calendar apps take the new version. */
  sequence: number;
  summary: string;
  description: string;
  url?: string;
}

export interface Calendar {
  name: string;
  /** When this copy was written (DTSTAMP). */
  stamp: Date;
  events: readonly CalendarEvent[];
}

/** The whole calendar: CRLF line ends, long lines folded at 75 octets. */
export function writeCalendar(calendar: Calendar): string {
  const stamp = utcStamp(calendar.stamp);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODUCT_ID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    // Dates move while a deal is alive: subscribers are asked to fetch again hourly.
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
    ...calendar.events.flatMap((event) => eventLines(event, stamp)),
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${compactDate(event.date)}`,
    // All-day events end on the next day, exclusive.
    `DTEND;VALUE=DATE:${compactDate(addDays(event.date, 1))}`,
    `SEQUENCE:${Math.max(0, Math.trunc(event.sequence))}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.url ? [`URL:${event.url.replace(/[\r\n]/g, "")}`] : []),
    // A step is a deadline, not a meeting: it does not make anyone look busy.
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
  ];
}

function compactDate(date: CalendarDate): string {
  return date.replaceAll("-", "");
}

function utcStamp(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ""); // eslint-disable-line no-control-regex
}

const LINE_OCTETS = 75;
const encoder = new TextEncoder();

/**
 * Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1). Octets, not
 * characters: a line is cut between characters, never inside a multi-byte UTF-8 sequence.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    // Continuation lines start with a space, which counts against their 75 octets.
    const limit = parts.length === 0 ? LINE_OCTETS : LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** A plan step as a calendar shows it. */
export interface CalendarStep {
  id: string;
  title: string;
  targetDate: string;
  version: number;
  done: boolean;
  planTitle: string;
  /** Seller-only steps are marked as such in a person's own calendar. */
  internalOnly: boolean;
  /** Where the plan opens, for the event's description. */
  link: string;
}

/** The step's event, or null when its stored date is not a date the app can read. */
export function stepEvent(step: CalendarStep, host: string): CalendarEvent | null {
  if (!isAcceptedDate(step.targetDate)) return null;
  const description = [step.planTitle, ...(step.internalOnly ? ["Only your team sees this step."] : []), `Open the plan: ${step.link}`];
  return {
    uid: `${step.id}@${host}`,
    date: step.targetDate,
    sequence: step.version,
    summary: `${step.done ? "Done: " : ""}${step.title} (${step.planTitle})`,
    description: description.join("\n"),
    url: step.link,
  };
}
