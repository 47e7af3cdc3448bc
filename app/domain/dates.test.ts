import { afterEach, describe, expect, it } from "vitest";
import {
  addDays,
  calendarDateIn,
  compareCalendarDates,
  dayNumber,
  daysBetween,
  formatCalendarDate,
  fromDayNumber,
  isAcceptedDate,
  isCalendarDate,
  organizationToday,
  readableDayNumber,
} from "./dates";

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  process.env.TZ = ORIGINAL_TZ;
});

// The server's own TZ must never move a calendar date: each case runs under all of these.
const SERVER_ZONES = ["UTC", "Pacific/Auckland", "Pacific/Tongatapu", "Pacific/Honolulu", "America/Los_Angeles", "Europe/Berlin"];

describe("calendar date arithmetic", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-03-31", -31, "2026-02-28"],
    // Across the US and EU DST changes: days stay whole days.
    ["2026-03-07", 2, "2026-03-09"],
    ["2026-03-28", 2, "2026-03-30"],
    ["2026-10-31", 2, "2026-11-02"],
    ["2026-04-04", 1, "2026-04-05"],
  ])("%s + %i days = %s under every server timezone", (date, days, expected) => {
    for (const zone of SERVER_ZONES) {
      process.env.TZ = zone;
      expect(addDays(date, days)).toBe(expected);
      expect(daysBetween(date, expected)).toBe(days);
    }
  });

  it("formats a date the same under every server timezone", () => {
    for (const zone of SERVER_ZONES) {
      process.env.TZ = zone;
      expect(formatCalendarDate("2026-11-01")).toBe("1 Nov 2026");
      expect(formatCalendarDate("2027-01-01", "long")).toBe("Fri, 1 Jan 2027");
    }
  });

  it("recognises only real calendar dates", () => {
    expect(["2026-02-28", "2028-02-29", "2026-12-31"].every(isCalendarDate)).toBe(true);
    expect(["2026-02-29", "2026-13-01", "2026-1-01", "2026-04-31", "", "2026-11-22T00:00:00Z"].some(isCalendarDate)).toBe(false);
    // Ten characters with dashes in place are not enough: every other one must be a digit.
    expect(["2026-1a-01", "20x6-01-01", " 026-01-01", "2026-01-0 ", "+026-01-01", "2026-00-10", "2026-01-00", "2026/01/01"].some(isCalendarDate)).toBe(false);
    expect(["0000-01-01", "2000-02-29", "2100-02-28", "9999-12-31"].every(isCalendarDate)).toBe(true);
    expect(isCalendarDate("2100-02-29")).toBe(false);
  });
});

describe("the organization's today", () => {
  // 2026-11-22 10:30 UTC: already the 23rd in Tonga (UTC+13), still the 22nd in Honolulu (UTC−10).
  const instant = new Date("2026-11-22T10:30:00Z");

  it.each([
    ["Pacific/Tongatapu", "2026-11-22"],
    ["Pacific/Auckland", "2026-11-22"],
    ["Pacific/Honolulu", "2026-11-22"],
    ["UTC", "2026-11-22"],
  ])("in %s at 10:30 UTC is %s", (timezone, expected) => {
    expect(organizationToday({ timezone }, instant)).toBe(expected);
  });

  it.each([
    // 11:30 UTC on 22 Nov is 00:30 on 23 Nov in UTC+13 (Tonga, and Auckland in summer time).
    ["2026-11-22T11:30:00Z", "Pacific/Tongatapu", "2026-11-23"],
    ["2026-11-22T11:30:00Z", "Pacific/Auckland", "2026-11-23"],
    ["2026-11-22T11:30:00Z", "Pacific/Honolulu", "2026-11-22"],
    // 09:30 UTC on 1 Dec is 23:30 on 30 Nov in UTC−10: a month end seen from two sides.
    ["2026-12-01T09:30:00Z", "Pacific/Honolulu", "2026-11-30"],
    ["2026-12-01T09:30:00Z", "Pacific/Tongatapu", "2026-12-01"],
    // New York's DST ended at 06:00 UTC on 1 Nov 2026: 04:30 UTC is still 31 Oct there.
    ["2026-11-01T03:30:00Z", "America/New_York", "2026-10-31"],
    ["2026-11-01T05:30:00Z", "America/New_York", "2026-11-01"],
    // Berlin's spring change, 29 Mar 2026 01:00 UTC.
    ["2026-03-28T23:30:00Z", "Europe/Berlin", "2026-03-29"],
  ])("at %s in %s is %s, whatever the server's timezone", (iso, timezone, expected) => {
    for (const zone of SERVER_ZONES) {
      process.env.TZ = zone;
      expect(calendarDateIn(timezone, new Date(iso))).toBe(expected);
    }
  });
});

describe("day numbers", () => {
  it("match the calendar for every day of 1999 to 2031", () => {
    for (let day = Date.UTC(1999, 0, 1) / 86_400_000; day <= Date.UTC(2031, 11, 31) / 86_400_000; day++) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(dayNumber(date)).toBe(day);
      expect(fromDayNumber(day)).toBe(date);
    }
  });

  it("refuse what is not a date", () => {
    for (const bad of ["2026-13-01", "2026-1-01", "", "20261101", "2026-11-0x", "+010000-01-01"]) expect(() => dayNumber(bad)).toThrow(RangeError);
  });

  it("refuse impossible days of real months", () => {
    for (const bad of ["2026-02-29", "2026-02-31", "2026-04-31", "2100-02-29", "2026-06-31", "2026-01-32"]) expect(() => dayNumber(bad)).toThrow(RangeError);
    for (const good of ["2028-02-29", "2000-02-29", "2026-01-31", "2026-04-30"]) {
      const [y, m, d] = good.split("-").map(Number);
      expect(dayNumber(good)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
    }
  });

  it("never write a year past 9999", () => {
    expect(fromDayNumber(dayNumber("9999-12-31"))).toBe("9999-12-31");
    expect(() => fromDayNumber(dayNumber("9999-12-31") + 1)).toThrow(RangeError);
    expect(() => addDays("9999-12-01", 49)).toThrow(RangeError);
  });
});

describe("the accepted range", () => {
  it.each([
    ["2000-01-01", true],
    ["2099-12-31", true],
    ["2026-11-30", true],
    ["1999-12-31", false],
    ["2100-01-01", false],
    ["9999-12-01", false],
    ["0001-01-01", false],
    ["2026-02-31", false],
    ["+010000-01-01", false],
  ])("%s is accepted: %s", (date, accepted) => {
    expect(isAcceptedDate(date)).toBe(accepted);
    expect(readableDayNumber(date) === null).toBe(!accepted);
  });

  it("compares by day number and puts what it cannot read last", () => {
    const sorted = ["+010000-01-01", "2027-01-02", "2026-02-31", "2026-12-31"].sort(compareCalendarDates);
    expect(sorted.slice(0, 2)).toEqual(["2026-12-31", "2027-01-02"]);
    expect(compareCalendarDates("2026-12-31", "2026-12-31")).toBe(0);
  });
});
