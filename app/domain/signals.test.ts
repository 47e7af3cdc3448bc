// The signals engine against docs/product.md, table by table, split by concern: this file holds the
// two worked examples of docs/signals.md (change a number there, change it here). The core rule
// and the baseline, slippage and plan status, health, the forecast and stage push each have their
// own file (signals-*.test.ts); properties over generated plans are in signals.properties.test.ts.
// The builders are in tests/fixtures/signal-snapshots.ts.
import { describe, expect, it } from "vitest";
import { deriveDealSignals } from "./signals";
import { milestone, done, buyer, rep } from "../../tests/fixtures/signal-snapshots";

// ---------------------------------------------------------------------------------------------
// docs/signals.md, "Worked examples": the same numbers, figure by figure.
// ---------------------------------------------------------------------------------------------

describe("docs/signals.md worked examples", () => {
  it("Example 1 (Northwind): a rep-called Commit with two slipped milestones is Best Case, over-called, healthy at 84", () => {
    const s = deriveDealSignals(
      {
        deal: { amount: 120_000, stage: 5, targetCloseDate: "2026-12-18", repForecastCategory: "COMMIT", outcome: "OPEN", meddpiccTotal: 15 },
        org: { timezone: "Europe/Berlin", fiscalYearStartMonth: 1 },
        plan: { status: "ACCEPTED", sharedOn: "2026-10-01" },
        milestones: [
          done({
            id: "A",
            title: "Business case shared with finance",
            ownerSide: "BUYER",
            targetDate: "2026-10-08",
            completedOn: "2026-10-07",
            markedDoneBySide: "BUYER",
            gatesStage: 3,
          }),
          done({
            id: "B",
            title: "Technical evaluation complete",
            ownerSide: "BUYER",
            originalTargetDate: "2026-10-15",
            targetDate: "2026-10-22",
            redateCount: 1,
            completedOn: "2026-10-21",
            markedDoneBySide: "SELLER",
            buyerConfirmed: true,
            gatesStage: 4,
          }),
          done({
            id: "C",
            title: "Security review submitted",
            ownerSide: "BUYER",
            targetDate: "2026-10-19",
            completedOn: "2026-10-23",
            markedDoneBySide: "BUYER",
            gatesStage: 4,
          }),
          done({
            id: "D",
            title: "Executive sponsor meeting",
            ownerSide: "JOINT",
            originalTargetDate: "2026-10-22",
            targetDate: "2026-11-05",
            redateCount: 2,
            completedOn: "2026-11-05",
            markedDoneBySide: "SELLER",
            buyerConfirmed: true,
            gatesStage: 4,
          }),
          done({
            id: "E",
            title: "Proposal delivered",
            ownerSide: "SELLER",
            targetDate: "2026-10-25",
            completedOn: "2026-10-24",
            markedDoneBySide: "SELLER",
            gatesStage: 4,
          }),
          done({
            id: "F",
            title: "Procurement portal entry",
            ownerSide: "BUYER",
            targetDate: "2026-10-31",
            completedOn: "2026-10-30",
            markedDoneBySide: "BUYER",
            gatesStage: 5,
          }),
          milestone({ id: "G", title: "Legal redlines exchanged", ownerSide: "JOINT", targetDate: "2026-11-26", status: "IN_PROGRESS", gatesStage: 5 }),
          milestone({ id: "H", title: "Countersignature", ownerSide: "BUYER", targetDate: "2026-12-10", gatesStage: 6 }),
        ],
        participants: [buyer("ECONOMIC_BUYER"), buyer("CHAMPION"), buyer("TECHNICAL_EVALUATOR"), buyer("PROCUREMENT", "INVITED"), buyer("LEGAL"), rep()],
        lastBuyerActivityOn: "2026-11-18",
      },
      "2026-11-20",
    );

    // Per milestone.
    expect(s.milestones.map((m) => [m.id, m.daysSlipped, m.daysOverdue, m.countsAsDone])).toEqual([
      ["A", 0, 0, true],
      ["B", 7, 0, true],
      ["C", 0, 0, true],
      ["D", 14, 0, true],
      ["E", 0, 0, true],
      ["F", 0, 0, true],
      ["G", 0, 0, false],
      ["H", 0, 0, false],
    ]);
    // Per plan.
    expect(s.slippedCount).toBe(2);
    expect(s.totalDaysSlipped).toBe(21);
    expect(s.likelyToPush).toBe(true);
    expect(s.projectedCloseDate).toBe("2026-12-10");
    expect(s.projectedAfterTarget).toBe(false);
    expect(s.closeQuarter).toEqual({ start: "2026-10-01", end: "2026-12-31", label: "Q4 FY2026" });
    expect(s.projectedOutsideQuarter).toBe(false);
    expect(s.daysWithoutBuyerActivity).toBe(2);
    expect(s.planStatus).toBe("ON_TRACK");
    // Health: 100 − 5 (on-time 5 of 6) − 8 (2 slipped) − 3 (4 active buyers) = 84.
    expect(s.activeBuyerCount).toBe(4);
    expect(s.onTimeRate).toBeCloseTo(5 / 6, 10);
    expect(s.health).toEqual({
      score: 84,
      label: "HEALTHY",
      reasons: [
        "5 of 6 milestones due so far were completed on time (83%)",
        "2 milestones re-dated later, 21 days slipped in all: the deal will likely push to the next quarter",
        "4 buyer stakeholders active (6 or more is healthy)",
      ],
      deductions: [
        { points: 5, reason: "5 of 6 milestones due so far were completed on time (83%)" },
        { points: 8, reason: "2 milestones re-dated later, 21 days slipped in all: the deal will likely push to the next quarter" },
        { points: 3, reason: "4 buyer stakeholders active (6 or more is healthy)" },
      ],
      notes: [],
    });
    // Forecast.
    expect(s.forecast).toEqual({
      derived: "BEST_CASE",
      rep: "COMMIT",
      overCalled: true,
      underCalled: false,
      reasons: ["Over-called: the rep says Commit, the plan says Best Case", "Not Commit: 2 milestones slipped (at most 1 for Commit)"],
    });
    expect(s.stagePush).toEqual({ pushed: false, missingMilestoneIds: [], reasons: [] });
    expect(s.planSizeWarning).toBeNull();
  });

  it("Example 2 (Globex): a stalled plan with a step awaiting buyer confirmation, projected past a Feb–Jan fiscal quarter, scores 15", () => {
    const s = deriveDealSignals(
      {
        deal: { amount: 80_000, stage: 5, targetCloseDate: "2027-01-22", repForecastCategory: "BEST_CASE", outcome: "OPEN", meddpiccTotal: null },
        org: { timezone: "America/New_York", fiscalYearStartMonth: 2 },
        plan: { status: "SHARED", sharedOn: "2026-11-02" },
        milestones: [
          done({
            id: "A",
            title: "Business case shared with finance",
            ownerSide: "BUYER",
            targetDate: "2026-11-09",
            completedOn: "2026-11-09",
            markedDoneBySide: "BUYER",
            gatesStage: 3,
          }),
          done({
            id: "B",
            title: "Technical evaluation complete",
            ownerSide: "BUYER",
            originalTargetDate: "2026-11-16",
            targetDate: "2026-11-30",
            redateCount: 1,
            completedOn: "2026-12-01",
            markedDoneBySide: "SELLER",
            buyerConfirmed: false,
            gatesStage: 4,
          }),
          milestone({ id: "C", title: "Security review submitted", ownerSide: "BUYER", targetDate: "2026-11-20", status: "IN_PROGRESS", gatesStage: 4 }),
          milestone({
            id: "D",
            title: "Executive sponsor meeting",
            ownerSide: "JOINT",
            originalTargetDate: "2026-11-23",
            targetDate: "2026-12-07",
            redateCount: 1,
            gatesStage: 4,
          }),
          done({
            id: "E",
            title: "Proposal delivered",
            ownerSide: "SELLER",
            targetDate: "2026-11-26",
            completedOn: "2026-11-25",
            markedDoneBySide: "SELLER",
            gatesStage: 4,
          }),
          milestone({ id: "F", title: "Countersignature", ownerSide: "BUYER", targetDate: "2027-01-15", gatesStage: 6 }),
        ],
        participants: [buyer("CHAMPION"), buyer("TECHNICAL_EVALUATOR"), buyer("ECONOMIC_BUYER", "INVITED"), rep()],
        lastBuyerActivityOn: "2026-12-01",
      },
      "2026-12-10",
    );

    expect(s.milestones.map((m) => [m.id, m.daysSlipped, m.daysOverdue, m.countsAsDone, m.awaitingBuyerConfirmation])).toEqual([
      ["A", 0, 0, true, false],
      ["B", 14, 10, false, true],
      ["C", 0, 20, false, false],
      ["D", 14, 3, false, false],
      ["E", 0, 0, true, false],
      ["F", 0, 0, false, false],
    ]);
    expect(s.slippedCount).toBe(2);
    expect(s.totalDaysSlipped).toBe(28);
    expect(s.likelyToPush).toBe(true);
    // behind = 20 (C); latest open target 2027-01-15 + 20 = 2027-02-04.
    expect(s.projectedCloseDate).toBe("2027-02-04");
    expect(s.projectedAfterTarget).toBe(true);
    expect(s.closeQuarter).toEqual({ start: "2026-11-01", end: "2027-01-31", label: "Q4 FY2027" });
    expect(s.projectedOutsideQuarter).toBe(true);
    expect(s.daysWithoutBuyerActivity).toBe(9);
    expect(s.planStatus).toBe("STALLED");
    expect(s.activeBuyerCount).toBe(2);
    expect(s.onTimeRate).toBeCloseTo(0.4, 10);
    // Health: 100 − 18 − 9 − 6 − 4 − 8 − 7 − 10 − 8 − 5 − 10 (projected past the quarter) = 15.
    const deductions = [
      { points: 18, reason: "Only 2 of 5 milestones due so far were completed on time (40%): the deal is slipping silently" },
      { points: 9, reason: "“Security review submitted” is 20 days overdue (buyer)" },
      { points: 6, reason: "“Technical evaluation complete” is 10 days overdue (buyer)" },
      { points: 4, reason: "“Executive sponsor meeting” is 3 days overdue (joint)" },
      { points: 8, reason: "2 milestones re-dated later, 28 days slipped in all: the deal will likely push to the next quarter" },
      { points: 7, reason: "No buyer activity for 9 days" },
      { points: 10, reason: "Only 2 buyer stakeholders active" },
      { points: 8, reason: "Economic buyer invited but not active" },
      { points: 5, reason: "The buyer has not accepted the plan" },
      {
        points: 10,
        reason:
          "The projected close, 4 Feb 2027, is after the target close date, 22 Jan 2027, and after the end of Q4 FY2027 on 31 Jan 2027: health is at best at risk",
      },
    ];
    const notes = ["Marked done by the seller, not yet confirmed by the buyer: “Technical evaluation complete”"];
    expect(s.health).toEqual({ score: 15, label: "STALLED", reasons: [...deductions.map((d) => d.reason), ...notes], deductions, notes });
    expect(s.forecast).toEqual({
      derived: "PIPELINE",
      rep: "BEST_CASE",
      overCalled: true,
      underCalled: false,
      reasons: [
        "Over-called: the rep says Best Case, the plan says Pipeline",
        "Not Best Case: the projected close (4 Feb 2027) is after the end of Q4 FY2027 (31 Jan 2027)",
      ],
    });
    expect(s.stagePush).toEqual({
      pushed: true,
      missingMilestoneIds: ["B", "C", "D"],
      reasons: [
        "At stage 5 without “Technical evaluation complete” done (gates stage 4)",
        "At stage 5 without “Security review submitted” done (gates stage 4)",
        "At stage 5 without “Executive sponsor meeting” done (gates stage 4)",
      ],
    });
    expect(s.planSizeWarning).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// The default snapshot itself.
// ---------------------------------------------------------------------------------------------
