import { afterEach, describe, expect, it } from "vitest";
import { calendarDateIn } from "./dates";
import { applyTemplateOp, moveItem, offsetsFromPlanDates, ownerLabelFor, parseTemplateOp, positionsInOrder, stepDatesFromOffsets } from "./template-steps";

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  process.env.TZ = ORIGINAL_TZ;
});

// The server's own TZ must never move a step's date.
const SERVER_ZONES = ["UTC", "Pacific/Auckland", "Pacific/Honolulu", "America/New_York"];
const steps = (...offsets: number[]) => offsets.map((dayOffset) => ({ dayOffset }));

describe("step dates from Day offsets", () => {
  it.each([
    ["month end", "2027-01-31", [0, 1, 28, 29], ["2027-01-31", "2027-02-01", "2027-02-28", "2027-03-01"]],
    ["leap February", "2028-02-28", [1, 2], ["2028-02-29", "2028-03-01"]],
    ["year end", "2026-12-31", [1, 365], ["2027-01-01", "2027-12-31"]],
    ["US spring-forward week", "2027-03-13", [1, 2, 7], ["2027-03-14", "2027-03-15", "2027-03-20"]],
    ["US fall-back week", "2026-10-31", [1, 2], ["2026-11-01", "2026-11-02"]],
    ["Auckland's spring-forward", "2026-09-26", [1, 2], ["2026-09-27", "2026-09-28"]],
  ])("%s", (_name, start, offsets, expected) => {
    for (const zone of SERVER_ZONES) {
      process.env.TZ = zone;
      expect(stepDatesFromOffsets(start, steps(...offsets))).toEqual(expected);
    }
  });

  // One instant, two organizations: the plan starts on each one's own today, and Day N follows it.
  it("starts on the organization's own day in UTC+13 and UTC-10", () => {
    const instant = new Date("2027-01-15T11:30:00Z"); // 00:30 on the 16th in Auckland, 01:30 on the 15th in Honolulu
    const auckland = calendarDateIn("Pacific/Auckland", instant);
    const honolulu = calendarDateIn("Pacific/Honolulu", instant);
    expect(auckland).toBe("2027-01-16");
    expect(honolulu).toBe("2027-01-15");
    expect(stepDatesFromOffsets(auckland, steps(0, 7, 16))).toEqual(["2027-01-16", "2027-01-23", "2027-02-01"]);
    expect(stepDatesFromOffsets(honolulu, steps(0, 7, 16))).toEqual(["2027-01-15", "2027-01-22", "2027-01-31"]);
  });
});

describe("Day offsets from a plan's dates", () => {
  it.each([
    ["same day and later", "2027-01-31", ["2027-01-31", "2027-02-01", "2027-03-01"], [0, 1, 29]],
    ["before the start is Day 0", "2027-03-01", ["2027-02-27", "2027-03-01"], [0, 0]],
    ["across the US DST change", "2027-03-13", ["2027-03-15"], [2]],
    ["across New Zealand's DST end", "2027-04-03", ["2027-04-05"], [2]],
    ["capped at a year", "2026-01-01", ["2028-01-01"], [365]],
  ])("%s", (_name, start, dates, expected) => {
    for (const zone of SERVER_ZONES) {
      process.env.TZ = zone;
      expect(offsetsFromPlanDates(start, dates)).toEqual(expected);
    }
  });

  it("round-trips: offsets made from a plan date it again", () => {
    const start = "2027-02-26";
    const dates = ["2027-02-26", "2027-02-28", "2027-03-01", "2027-03-31"];
    expect(stepDatesFromOffsets(start, steps(...offsetsFromPlanDates(start, dates)))).toEqual(dates);
  });
});

describe("reordering", () => {
  it.each([
    [["a", "b", "c"], 1, "up", ["b", "a", "c"]],
    [["a", "b", "c"], 1, "down", ["a", "c", "b"]],
    [["a", "b", "c"], 0, "up", ["a", "b", "c"]],
    [["a", "b", "c"], 2, "down", ["a", "b", "c"]],
    [["a"], 0, "down", ["a"]],
    [["a", "b"], 5, "up", ["a", "b"]],
  ] as const)("%j moving %i %s is %j", (items, index, direction, expected) => {
    expect(moveItem(items, index, direction)).toEqual(expected);
  });

  it("numbers positions from 1", () => {
    expect(positionsInOrder([{ id: "x" }, { id: "y" }])).toEqual([
      { id: "x", position: 1 },
      { id: "y", position: 2 },
    ]);
  });
});

describe("owner labels", () => {
  it("names the role and side, or the side alone", () => {
    expect(ownerLabelFor("BUYER", "CHAMPION")).toBe("Champion (buyer)");
    expect(ownerLabelFor("SELLER", null)).toBe("Seller");
  });
});

describe("template editor changes", () => {
  const blank = (dayOffset: number) => ({ title: "New step", dayOffset });
  const list = [
    { title: "A", dayOffset: 3 },
    { title: "B", dayOffset: 9 },
  ];
  it.each([
    ["save", ["A", "B"]],
    ["add", ["A", "B", "New step"]],
    ["removed", ["A", "B"]],
    ["down:0", ["B", "A"]],
    ["up:0", ["A", "B"]],
  ])("%s", (op, titles) => {
    expect(applyTemplateOp(list, parseTemplateOp(op), blank).map((s) => s.title)).toEqual(titles);
  });

  it("dates a new step a day after the last, never past the year", () => {
    expect(applyTemplateOp(list, { kind: "add" }, blank).at(-1)?.dayOffset).toBe(10);
    expect(applyTemplateOp([], { kind: "add" }, blank)[0].dayOffset).toBe(0);
    expect(applyTemplateOp([{ title: "Z", dayOffset: 365 }], { kind: "add" }, blank)[1].dayOffset).toBe(365);
  });
});
