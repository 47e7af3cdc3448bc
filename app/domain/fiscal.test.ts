import { describe, expect, it } from "vitest";
import { fiscalQuarterOf } from "./fiscal";

describe("fiscal quarters", () => {
  it.each([
    // date, fiscal year start month, start, end, label
    ["2026-01-01", 1, "2026-01-01", "2026-03-31", "Q1 FY2026"],
    ["2026-03-31", 1, "2026-01-01", "2026-03-31", "Q1 FY2026"],
    ["2026-04-01", 1, "2026-04-01", "2026-06-30", "Q2 FY2026"],
    ["2026-12-31", 1, "2026-10-01", "2026-12-31", "Q4 FY2026"],
    // A February start: Q4 runs November to January, across the calendar year end.
    ["2026-11-22", 2, "2026-11-01", "2027-01-31", "Q4 FY2027"],
    ["2027-01-31", 2, "2026-11-01", "2027-01-31", "Q4 FY2027"],
    ["2027-02-01", 2, "2027-02-01", "2027-04-30", "Q1 FY2028"],
    // Leap-year February inside a quarter.
    ["2028-02-29", 12, "2027-12-01", "2028-02-29", "Q1 FY2028"],
    ["2026-02-28", 12, "2025-12-01", "2026-02-28", "Q1 FY2026"],
    // A July start (many companies): Q3 is January to March.
    ["2027-03-15", 7, "2027-01-01", "2027-03-31", "Q3 FY2027"],
    ["2026-07-01", 7, "2026-07-01", "2026-09-30", "Q1 FY2027"],
  ])("%s with the year starting in month %i is %s to %s (%s)", (date, start, from, to, label) => {
    expect(fiscalQuarterOf(date, start)).toMatchObject({ start: from, end: to, label });
  });
});
