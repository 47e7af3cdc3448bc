import { describe, expect, it } from "vitest";
import { dayStartIn, daysRangeIn } from "./day-bounds";

describe("where a calendar day begins", () => {
  it.each([
    ["UTC", "2026-11-30", "2026-11-30T00:00:00.000Z"],
    ["Europe/Berlin", "2026-11-30", "2026-11-29T23:00:00.000Z"],
    ["Europe/Berlin", "2026-07-01", "2026-06-30T22:00:00.000Z"],
    // The day clocks move forward (Berlin, 29 Mar 2026) and back (25 Oct 2026) still starts at midnight.
    ["Europe/Berlin", "2026-03-29", "2026-03-28T23:00:00.000Z"],
    ["Europe/Berlin", "2026-10-25", "2026-10-24T22:00:00.000Z"],
    // UTC+13 and UTC-10.
    ["Pacific/Auckland", "2026-12-01", "2026-11-30T11:00:00.000Z"],
    ["Pacific/Honolulu", "2026-12-01", "2026-12-01T10:00:00.000Z"],
    // A month end and a leap day.
    ["America/New_York", "2028-03-01", "2028-03-01T05:00:00.000Z"],
    ["Asia/Kolkata", "2028-02-29", "2028-02-28T18:30:00.000Z"],
    // Santiago moves its clocks forward at midnight (6 Sep 2026): that day starts at 01:00 local.
    ["America/Santiago", "2026-09-06", "2026-09-06T04:00:00.000Z"],
  ])("%s: %s starts at %s", (zone, date, instant) => {
    expect(dayStartIn(zone, date).toISOString()).toBe(instant);
  });

  it("gives a range whose end is the start of the day after the last one", () => {
    const { start, end } = daysRangeIn("Pacific/Auckland", "2026-12-01", "2026-12-01");
    expect(start?.toISOString()).toBe("2026-11-30T11:00:00.000Z");
    expect(end?.toISOString()).toBe("2026-12-01T11:00:00.000Z");
    expect(daysRangeIn("UTC", null, null)).toEqual({ start: null, end: null });
  });

  it("refuses what is no calendar date", () => {
    expect(() => dayStartIn("UTC", "2026-02-30")).toThrow();
  });
});
