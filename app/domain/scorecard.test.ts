import { describe, expect, it } from "vitest";
import { commitWarnings, emptyScorecard, finishScorecard, median, MEDDPICC_QUALIFIED, usualDaysInStage, addStageTime } from "./scorecard";
import { scorecardOfRows, stageTimesOf, type ScorecardDealRow, type ScorecardRows, type StageChangeRow } from "./scorecard-rows";

const FEBRUARY = { from: "2028-02-01", to: "2028-02-29" };
const TODAY = "2028-02-29";
const noUsualTime = () => null;

function deal(dealId: string, changes: Partial<ScorecardDealRow> = {}): ScorecardDealRow {
  return {
    dealId,
    ownerId: "rep",
    accountName: `Account ${dealId}`,
    name: "Platform",
    outcome: "OPEN",
    stage: 3,
    amount: 1000,
    currency: "USD",
    targetCloseDate: "2028-02-20",
    closedOn: null,
    repCategory: "PIPELINE",
    planState: "SHARED",
    archived: false,
    meddpiccTotal: null,
    ...changes,
  };
}

const move = (dealId: string, fromStage: number | null, toStage: number, changedOn: string, daysInFromStage: number | null = null): StageChangeRow => ({
  dealId,
  fromStage,
  toStage,
  changedOn,
  daysInFromStage,
});

function rows(partial: Partial<ScorecardRows>): ScorecardRows {
  return { deals: [], stageChanges: [], closeDateChanges: [], milestones: [], ...partial };
}

describe("win rate by stage", () => {
  it("counts each deal once per stage it entered in the window, bounds included, by what became of it", () => {
    const s = scorecardOfRows(
      rows({
        deals: [deal("a", { outcome: "WON", stage: 6, closedOn: "2028-02-29" }), deal("b", { outcome: "LOST" }), deal("c"), deal("d", { archived: true })],
        stageChanges: [
          move("a", 2, 3, "2028-02-01", 4),
          move("a", 3, 2, "2028-02-10", 9),
          move("a", 2, 3, "2028-02-29", 19),
          move("b", 2, 3, "2028-01-31", 1), // the day before the window
          move("b", 3, 4, "2028-03-01", 30), // the day after
          move("c", null, 3, "2028-02-15"),
          move("d", 2, 3, "2028-02-15", 1),
        ],
      }),
      FEBRUARY,
      TODAY,
      noUsualTime,
    );
    expect(s.winRate[3]).toEqual({ entered: 2, won: 1, lost: 0, open: 1, winRate: 0.5 });
    expect(s.winRate[2]).toEqual({ entered: 1, won: 1, lost: 0, open: 0, winRate: 1 });
    expect(s.winRate[4]).toEqual({ entered: 0, won: 0, lost: 0, open: 0, winRate: null });
  });
});

describe("days in stage", () => {
  it("averages the stints that ended in the window, a stint of 0 days included, the opening row left out", () => {
    const r = rows({
      deals: [deal("a"), deal("b")],
      stageChanges: [move("a", null, 1, "2028-01-20"), move("a", 1, 2, "2028-02-01", 12), move("b", 1, 2, "2028-02-29", 0), move("b", 2, 3, "2028-03-01", 1)],
    });
    const s = stageTimesOf(r, FEBRUARY);
    expect(s.daysInStage[1]).toEqual({ stints: 2, days: 12, average: 6 });
    expect(s.daysInStage[2]).toEqual({ stints: 0, days: 0, average: null });
  });

  it("flags an open deal in its stage longer than its team's usual time, else the organization's, else nobody", () => {
    const team = emptyScorecard();
    addStageTime(team, 3, 2, 20);
    const organization = emptyScorecard();
    addStageTime(organization, 3, 1, 40);
    addStageTime(organization, 4, 1, 5);
    finishScorecard(team);
    finishScorecard(organization);
    expect(usualDaysInStage(team, organization, 3)).toBe(10);
    expect(usualDaysInStage(team, organization, 4)).toBe(5);
    expect(usualDaysInStage(undefined, organization, 5)).toBeNull();

    const s = scorecardOfRows(
      rows({
        deals: [deal("over"), deal("exactly"), deal("won", { outcome: "WON" }), deal("later", { stage: 4 }), deal("never", { stage: 5 })],
        // Across the end of January: 2028-01-31 to 2028-02-29 is 29 days.
        stageChanges: [
          move("over", null, 1, "2028-01-02"),
          move("over", 2, 3, "2028-02-18", 3),
          move("exactly", 2, 3, "2028-02-19", 3),
          move("won", 2, 3, "2028-01-01", 3),
          move("later", 3, 4, "2028-01-31", 10),
          move("never", 4, 5, "2027-12-01", 10),
        ],
      }),
      FEBRUARY,
      TODAY,
      (_owner, stage) => usualDaysInStage(team, organization, stage),
    );
    expect(s.aging.map((d) => [d.dealId, d.daysInStage, d.usualDays])).toEqual([
      ["later", 29, 5],
      ["over", 11, 10],
    ]);
  });
});

describe("sales cycle", () => {
  it("measures won deals closed in the window from the day they opened, with an even-count median", () => {
    const s = scorecardOfRows(
      rows({
        deals: [
          deal("a", { outcome: "WON", closedOn: "2028-02-01" }),
          deal("b", { outcome: "WON", closedOn: "2028-02-29" }),
          deal("c", { outcome: "WON", closedOn: "2028-03-01" }),
          deal("d", { outcome: "LOST", closedOn: "2028-02-10" }),
          deal("e", { outcome: "WON", closedOn: "2028-02-10" }), // no opening row: not measured
        ],
        stageChanges: [move("a", null, 1, "2028-02-01"), move("b", null, 1, "2027-12-31"), move("c", null, 1, "2028-01-01"), move("d", null, 1, "2028-01-01")],
      }),
      FEBRUARY,
      TODAY,
      noUsualTime,
    );
    expect(s.salesCycle).toEqual({ days: [0, 60], count: 2, average: 30, median: 30 });
    expect(median([3, 1, 2].sort())).toBe(2);
  });

  it("says null, never NaN, when there is nothing to measure", () => {
    const s = scorecardOfRows(rows({}), FEBRUARY, TODAY, noUsualTime);
    expect(s.salesCycle).toEqual({ days: [], count: 0, average: null, median: null });
    expect(s.meddpicc.countShare).toBeNull();
    expect(s.nextStep.share).toBeNull();
    expect(s.pushes.openShare).toBeNull();
    expect(Object.values(s.daysInStage).every((t) => t.average === null)).toBe(true);
    expect(JSON.stringify(s)).not.toContain("NaN");
  });

  it("leaves out a date nobody can read instead of failing", () => {
    const s = scorecardOfRows(
      rows({
        deals: [deal("won", { outcome: "WON", closedOn: "2028-02-10" }), deal("open")],
        stageChanges: [move("won", null, 1, "2028-02-30"), move("open", 2, 3, "2028-13-01", 4)],
      }),
      FEBRUARY,
      TODAY,
      () => 1,
    );
    expect(s.salesCycle.count).toBe(0);
    expect(s.aging).toEqual([]);
  });
});

describe("MEDDPICC distribution and the Commit check", () => {
  it("qualifies open deals from 12 of 16, and warns when Commit closing in the window exceeds the qualified value closing in it", () => {
    expect(MEDDPICC_QUALIFIED).toBe(12);
    const s = scorecardOfRows(
      rows({
        deals: [
          deal("eleven", { meddpiccTotal: 11, amount: 500, repCategory: "COMMIT" }),
          deal("twelve", { meddpiccTotal: 12, amount: 300 }),
          deal("later", { meddpiccTotal: 16, amount: 900, targetCloseDate: "2028-03-01", repCategory: "COMMIT" }),
          deal("unscored", { amount: 100 }),
          deal("euro", { currency: "EUR", meddpiccTotal: 0, amount: 50 }),
          deal("won", { outcome: "WON", meddpiccTotal: 16 }),
        ],
      }),
      FEBRUARY,
      TODAY,
      noUsualTime,
    );
    expect(s.meddpicc).toMatchObject({ openDeals: 5, qualified: 2, countShare: 0.4, notScored: 1 });
    expect(s.meddpicc.histogram[11] + s.meddpicc.histogram[12] + s.meddpicc.histogram[16] + s.meddpicc.histogram[0]).toBe(4);
    expect(s.meddpicc.byCurrency.USD).toEqual({
      value: 1800,
      qualifiedValue: 1200,
      valueShare: 1200 / 1800,
      commitValue: 500,
      qualifiedClosingValue: 300,
      commitExceedsQualified: true,
    });
    expect(commitWarnings(s)).toEqual(["USD"]);
  });
});

describe("next-step discipline", () => {
  it("needs a step not done, with an owner, dated from today to 14 days on, on an open deal with a shared or accepted plan", () => {
    const step = (dealId: string, targetDate: string, more: { countsAsDone?: boolean; hasOwner?: boolean } = {}) => ({
      dealId,
      targetDate,
      countsAsDone: false,
      hasOwner: true,
      ...more,
    });
    const s = scorecardOfRows(
      rows({
        deals: [deal("today"), deal("last"), deal("late"), deal("past"), deal("done"), deal("owner"), deal("draft", { planState: "DRAFT" })],
        milestones: [
          step("today", "2028-02-29"),
          step("last", "2028-03-14"),
          step("late", "2028-03-15"),
          step("past", "2028-02-28"),
          step("done", "2028-03-01", { countsAsDone: true }),
          step("owner", "2028-03-01", { hasOwner: false }),
          step("draft", "2028-03-01"),
        ],
      }),
      FEBRUARY,
      TODAY,
      noUsualTime,
    );
    expect(s.nextStep.active).toBe(6);
    expect(s.nextStep.withNextStep).toBe(2);
    expect(s.nextStep.without.map((d) => d.dealId)).toEqual(["done", "late", "owner", "past"]);
  });
});

describe("close-date pushes", () => {
  it("counts moves later in the window, the deals pushed and the open share, and ignores pull-ins", () => {
    const s = scorecardOfRows(
      rows({
        deals: [deal("a"), deal("b", { outcome: "LOST" }), deal("c"), deal("d")],
        closeDateChanges: [
          { dealId: "a", daysMoved: 7, changedOn: "2028-02-01" },
          { dealId: "a", daysMoved: 14, changedOn: "2028-02-29" },
          { dealId: "b", daysMoved: 30, changedOn: "2028-02-15" },
          { dealId: "c", daysMoved: -5, changedOn: "2028-02-15" },
          { dealId: "d", daysMoved: 10, changedOn: "2028-01-31" },
        ],
      }),
      FEBRUARY,
      TODAY,
      noUsualTime,
    );
    expect(s.pushes).toEqual({ pushes: 3, dealsPushed: 2, daysPushed: 51, openDeals: 3, openDealsPushed: 1, openShare: 1 / 3 });
  });
});
