import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { escapeText, foldLine, stepEvent, writeCalendar, type CalendarEvent, type CalendarStep } from "./ics";

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  process.env.TZ = ORIGINAL_TZ;
});

const STAMP = new Date("2026-11-30T12:34:56.789Z");

function parsedEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      sequence: event.sequence,
      summary: event.summary,
      description: event.description,
      stamp: vevent.getFirstPropertyValue("dtstamp")?.toString(),
    };
  });
}

const event = (changes: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: "m1@mutual.example",
  date: "2026-12-31",
  sequence: 3,
  summary: "Security review (Acme plan)",
  description: "Acme plan\nOpen the plan: https://mutual.example/p/plan1",
  ...changes,
});

describe("the calendar", () => {
  it("is a VCALENDAR with its product id, one all-day event per step, CRLF line ends", () => {
    const text = writeCalendar({ name: "Acme plan", stamp: STAMP, events: [event(), event({ uid: "m2@mutual.example", date: "2027-02-28", sequence: 1 })] });
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mutual//Mutual action plans//EN\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text).toContain("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n");
    expect(parsedEvents(text)).toEqual([
      {
        uid: "m1@mutual.example",
        start: "2026-12-31",
        end: "2027-01-01",
        allDay: true,
        sequence: 3,
        summary: "Security review (Acme plan)",
        description: "Acme plan\nOpen the plan: https://mutual.example/p/plan1",
        stamp: "2026-11-30T12:34:56Z",
      },
      expect.objectContaining({ uid: "m2@mutual.example", start: "2027-02-28", end: "2027-03-01", sequence: 1 }),
    ]);
  });

  it("writes the same dates whatever the server's timezone", () => {
    const dates = ["2026-03-08", "2026-03-29", "2026-04-05", "2026-10-04", "2026-11-01", "2028-02-29"];
    const seen = new Set<string>();
    for (const zone of ["UTC", "Pacific/Auckland", "Pacific/Tongatapu", "Pacific/Honolulu", "America/Los_Angeles"]) {
      process.env.TZ = zone;
      const text = writeCalendar({ name: "Plan", stamp: STAMP, events: dates.map((date, i) => event({ uid: `m${i}@x`, date })) });
      expect(parsedEvents(text).map((e) => e.start)).toEqual(dates);
      seen.add(text);
    }
    expect(seen.size).toBe(1);
  });

  it("escapes commas, semicolons, backslashes and line breaks, and reads back as written", () => {
    const summary = "Legal; redlines, round 2 \\ final";
    const description = "Line one\nLine two\r\nLine three, with; marks";
    const text = writeCalendar({ name: "Q4, EMEA; new", stamp: STAMP, events: [event({ summary, description })] });
    expect(text).toContain("SUMMARY:Legal\\; redlines\\, round 2 \\\\ final\r\n");
    expect(text).toContain("X-WR-CALNAME:Q4\\, EMEA\\; new\r\n");
    const [parsed] = parsedEvents(text);
    expect(parsed.summary).toBe(summary);
    expect(parsed.description).toBe("Line one\nLine two\nLine three, with; marks");
  });

  it("drops control characters a stored title might hold", () => {
    expect(escapeText("Bell\u0007 tab\there")).toBe("Bell tab\there");
  });

  it("folds long UTF-8 lines at 75 octets without splitting a character, and they read back whole", () => {
    const summary = `Revue de sécurité — 安全审查 ✓ ${"é".repeat(40)} ${"🙂".repeat(20)} end`;
    const text = writeCalendar({ name: "Plan", stamp: STAMP, events: [event({ summary })] });
    const lines = text.split("\r\n");
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const folded = lines.slice(lines.findIndex((l) => l.startsWith("SUMMARY:")));
    expect(folded[1].startsWith(" ")).toBe(true);
    // Every piece is valid UTF-8 on its own: no character was cut in two.
    for (const line of lines) expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
    expect(parsedEvents(text)[0].summary).toBe(summary);
  });

  it("leaves lines of 75 octets alone and folds one of 76", () => {
    const exact = `X:${"a".repeat(73)}`;
    expect(foldLine(exact)).toBe(exact);
    expect(foldLine(`${exact}b`)).toBe(`${exact}\r\n b`);
    const accented = `X:${"é".repeat(37)}é`; // 2 + 76 octets: the last é moves down whole
    expect(foldLine(accented)).toBe(`X:${"é".repeat(36)}\r\n éé`);
  });
});

describe("a step as an event", () => {
  const step = (changes: Partial<CalendarStep> = {}): CalendarStep => ({
    id: "m1",
    title: "Security review",
    targetDate: "2027-01-08",
    version: 4,
    done: false,
    planTitle: "Acme: mutual action plan",
    internalOnly: false,
    link: "https://mutual.example/p/plan1",
    ...changes,
  });

  it("has a stable id, the step's version as its sequence and the plan's link", () => {
    expect(stepEvent(step(), "mutual.example")).toEqual({
      uid: "m1@mutual.example",
      date: "2027-01-08",
      sequence: 4,
      summary: "Security review (Acme: mutual action plan)",
      description: "Acme: mutual action plan\nOpen the plan: https://mutual.example/p/plan1",
      url: "https://mutual.example/p/plan1",
    });
  });

  it("marks a done step, and a seller-only step in the description", () => {
    expect(stepEvent(step({ done: true }), "h")?.summary).toBe("Done: Security review (Acme: mutual action plan)");
    expect(stepEvent(step({ internalOnly: true }), "h")?.description).toContain("Only your team sees this step.");
  });

  it("leaves out a step whose stored date cannot be read", () => {
    expect(stepEvent(step({ targetDate: "2027-02-30" }), "h")).toBeNull();
    expect(stepEvent(step({ targetDate: "someday" }), "h")).toBeNull();
  });
});
