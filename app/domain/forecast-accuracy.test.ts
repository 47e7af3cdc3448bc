import { describe, expect, it } from "vitest";
import {
  addAccuracy,
  addCall,
  emptyAccuracy,
  endedQuarters,
  isRight,
  isSettled,
  rate,
  resolveAccuracyWindow,
  settledCalls,
  wonByQuarterEnd,
  type CallOutcome,
} from "./forecast-accuracy";
import { isCalendarDate } from "./dates";

// A call made for Q3 FY2027 (Aug–Oct 2026) of an organization whose fiscal year starts in February.
const QUARTER_END = "2026-10-31";
const call = (over: Partial<CallOutcome>): CallOutcome => ({
  ownerId: "rep",
  quarterEnd: QUARTER_END,
  repCategory: "COMMIT",
  derivedCategory: "PIPELINE",
  dealOutcome: "OPEN",
  dealClosedOn: null,
  dealArchived: false,
  ...over,
});
const WINDOW = { from: "2026-08-01", to: QUARTER_END };

describe("settling and judging a call", () => {
  it.each([
    ["won on the quarter's last day", call({ dealOutcome: "WON", dealClosedOn: "2026-10-31" }), true, true],
    ["won the day after the quarter", call({ dealOutcome: "WON", dealClosedOn: "2026-11-01" }), true, false],
    ["won before the quarter began", call({ dealOutcome: "WON", dealClosedOn: "2026-07-20" }), true, true],
    ["lost inside the quarter", call({ dealOutcome: "LOST", dealClosedOn: "2026-09-10" }), true, false],
    ["still open after the quarter ended", call({}), true, false],
  ])("%s", (_label, c, settled, won) => {
    expect(isSettled(c, "2026-11-05")).toBe(settled);
    expect(wonByQuarterEnd(c)).toBe(won);
    expect(isRight("COMMIT", c)).toBe(won);
    expect(isRight("BEST_CASE", c)).toBe(won);
    expect(isRight("PIPELINE", c)).toBe(!won);
    expect(isRight("OMITTED", c)).toBe(!won);
  });

  it("leaves an open deal's call unsettled until its quarter is over", () => {
    expect(isSettled(call({}), "2026-10-31")).toBe(false);
    expect(isSettled(call({}), "2026-11-01")).toBe(true);
    // Closing settles it at once, quarter running or not.
    expect(isSettled(call({ dealOutcome: "LOST", dealClosedOn: "2026-10-02" }), "2026-10-03")).toBe(true);
  });
});

describe("adding calls up", () => {
  it("counts the rep's and the plan's call of each settled call, and only counts unsettled ones", () => {
    const a = emptyAccuracy();
    const today = "2026-10-20";
    addCall(a, call({ dealOutcome: "WON", dealClosedOn: "2026-10-31", derivedCategory: "COMMIT" }), WINDOW, today);
    addCall(a, call({ dealOutcome: "LOST", dealClosedOn: "2026-10-01", derivedCategory: "OMITTED" }), WINDOW, today);
    addCall(a, call({}), WINDOW, today);
    expect(a.unsettled).toBe(1);
    expect(a.total.COMMIT.rep).toEqual({ settled: 2, right: 1 });
    expect(a.total.COMMIT.derived).toEqual({ settled: 1, right: 1 });
    expect(a.total.OMITTED.derived).toEqual({ settled: 1, right: 1 });
    expect(rate(a.total.COMMIT.rep)).toBe(0.5);
    expect(settledCalls(a.total)).toBe(2);
    expect(a.byQuarter.get(QUARTER_END)!.COMMIT.rep).toEqual({ settled: 2, right: 1 });
  });

  it("leaves out archived deals, quarters outside the window and categories no open deal is called", () => {
    const a = emptyAccuracy();
    addCall(a, call({ dealArchived: true }), WINDOW, "2026-12-01");
    addCall(a, call({ quarterEnd: "2027-01-31" }), WINDOW, "2027-02-01");
    addCall(a, call({ repCategory: "CLOSED", derivedCategory: "CLOSED", dealOutcome: "WON", dealClosedOn: "2026-10-01" }), WINDOW, "2026-12-01");
    expect(settledCalls(a.total)).toBe(0);
    expect(a.unsettled).toBe(0);
  });

  it("leaves out the plan's side too when the rep called an open deal Closed, settled or not", () => {
    const a = emptyAccuracy();
    addCall(a, call({ repCategory: "CLOSED", derivedCategory: "COMMIT", dealOutcome: "WON", dealClosedOn: "2026-10-01" }), WINDOW, "2026-12-01");
    addCall(a, call({ repCategory: "CLOSED", derivedCategory: "PIPELINE" }), WINDOW, "2026-10-01");
    expect(a.total.COMMIT.derived).toEqual({ settled: 0, right: 0 });
    expect(a.unsettled).toBe(0);
    expect(a.byQuarter.size).toBe(0);
  });

  it("adds a rep's figures into a team's", () => {
    const rep = emptyAccuracy();
    addCall(rep, call({ dealOutcome: "WON", dealClosedOn: "2026-10-01" }), WINDOW, "2026-12-01");
    addCall(rep, call({ quarterEnd: QUARTER_END }), WINDOW, "2026-10-01");
    const team = emptyAccuracy();
    addAccuracy(team, rep);
    addAccuracy(team, rep);
    expect(team.total.COMMIT.rep).toEqual({ settled: 2, right: 2 });
    expect(team.byQuarter.get(QUARTER_END)!.PIPELINE.derived).toEqual({ settled: 2, right: 0 });
    expect(team.unsettled).toBe(2);
  });
});

describe("the page's windows", () => {
  it("takes the last ended quarters, the default being two", () => {
    expect(endedQuarters("2026-11-30", 2, 2)).toEqual({ from: "2026-05-01", to: "2026-10-31" });
    expect(endedQuarters("2026-11-01", 2, 1)).toEqual({ from: "2026-08-01", to: "2026-10-31" });
    expect(endedQuarters("2026-02-10", 1, 4)).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    const resolve = (kind: string | null, from: string | null = null, to: string | null = null) =>
      resolveAccuracyWindow(kind, "2026-11-30", 2, from, to, isCalendarDate);
    expect(resolve(null)).toMatchObject({ kind: "last2", window: { from: "2026-05-01", to: "2026-10-31" }, error: null });
    expect(resolve("week")).toMatchObject({ kind: "last2" });
    expect(resolve("last4").window).toEqual({ from: "2025-11-01", to: "2026-10-31" });
    expect(resolve("quarter")).toMatchObject({ kind: "last2", error: null });
    expect(resolve("current").window).toEqual({ from: "2026-11-01", to: "2027-01-31" });
    expect(resolve("custom", "2026-01-01", "2026-06-30")).toMatchObject({ kind: "custom", window: { from: "2026-01-01", to: "2026-06-30" } });
    expect(resolve("custom", "2026-06-30", "2026-01-01")).toMatchObject({ kind: "last2", error: "The custom window ends before it starts." });
  });
});

describe("the worked example in docs/forecast-accuracy.md", () => {
  it("counts Ana's Q3 calls as the page explains them", () => {
    const a = emptyAccuracy();
    const deals: Array<[Partial<CallOutcome>, Array<[string, string]>]> = [
      [
        { dealOutcome: "WON", dealClosedOn: "2026-10-31" },
        [
          ["COMMIT", "COMMIT"],
          ["COMMIT", "BEST_CASE"],
        ],
      ], // Hooli
      [
        { dealOutcome: "WON", dealClosedOn: "2026-11-01" },
        [
          ["COMMIT", "PIPELINE"],
          ["BEST_CASE", "PIPELINE"],
        ],
      ], // Oscorp
      [
        { dealOutcome: "LOST", dealClosedOn: "2026-09-10" },
        [
          ["COMMIT", "OMITTED"],
          ["COMMIT", "PIPELINE"],
        ],
      ], // Virtucon
      [
        {},
        [
          ["COMMIT", "BEST_CASE"],
          ["PIPELINE", "PIPELINE"],
        ],
      ], // Acme, still open
    ];
    for (const [deal, calls] of deals)
      for (const [repCategory, derivedCategory] of calls) addCall(a, call({ ...deal, repCategory, derivedCategory }), WINDOW, "2026-11-15");
    expect(a.unsettled).toBe(0);
    expect(a.total).toEqual({
      COMMIT: { rep: { settled: 6, right: 2 }, derived: { settled: 1, right: 1 } },
      BEST_CASE: { rep: { settled: 1, right: 0 }, derived: { settled: 2, right: 1 } },
      PIPELINE: { rep: { settled: 1, right: 1 }, derived: { settled: 4, right: 4 } },
      OMITTED: { rep: { settled: 0, right: 0 }, derived: { settled: 1, right: 1 } },
    });
  });
});
