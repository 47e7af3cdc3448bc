// The signals engine (docs/product.md, "Slippage"): slippage per step and per plan, the projected
// close date and the plan's status.
import { describe, expect, it } from "vitest";
import {
  type Milestone,
  TODAY,
  ago,
  ahead,
  milestone,
  done,
  accepted,
  shared,
  draft,
  baseMilestones,
  edit,
  run,
  signalOf,
} from "../../tests/fixtures/signal-snapshots";

describe("slippage per milestone", () => {
  it.each([
    // original, current, daysSlipped
    ["2026-11-30", "2026-11-30", 0],
    ["2026-11-30", "2026-12-01", 1],
    ["2026-11-30", "2026-12-14", 14],
    ["2026-11-30", "2026-11-25", 0], // pulled in: not a slip
    ["2026-12-31", "2027-01-02", 2], // across the year end
  ])("original %s, current %s: %i days slipped", (originalTargetDate, targetDate, slipped) => {
    const s = run({ milestones: edit("m4", { originalTargetDate, targetDate, redateCount: 1 }) });
    expect(signalOf(s, "m4")).toMatchObject({ daysSlipped: slipped, redateCount: 1, originalTargetDate, targetDate });
    expect(s.slippedCount).toBe(slipped > 0 ? 1 : 0);
  });

  it.each([
    // target, status, daysOverdue
    [ago(0), "NOT_STARTED", 0],
    [ago(1), "NOT_STARTED", 1],
    [ago(5), "IN_PROGRESS", 5],
    [ago(5), "BLOCKED", 5],
    [ahead(5), "BLOCKED", 0],
  ] as const)("a seller step due %s and %s is %i days overdue", (targetDate, status, overdue) => {
    const s = run({ milestones: edit("m5", { targetDate, originalTargetDate: targetDate, status }) });
    expect(signalOf(s, "m5").daysOverdue).toBe(overdue);
  });

  it("a seller step done late is not overdue", () => {
    const s = run({ milestones: edit("m5", { targetDate: ago(5), originalTargetDate: ago(5), status: "DONE", completedOn: ago(1) }) });
    expect(signalOf(s, "m5")).toMatchObject({ countsAsDone: true, daysOverdue: 0 });
  });
});

describe("slippage per plan", () => {
  it("counts slipped milestones and sums their days; pulled-in steps count for neither; 2 slipped means likely to push", () => {
    const milestones = edit(
      "m3",
      { originalTargetDate: "2026-11-20", redateCount: 1 },
      edit("m4", { originalTargetDate: "2026-12-05", redateCount: 1 }, edit("m6", { originalTargetDate: "2026-12-01" })),
    );
    const s = run({ milestones });
    // m3 +5, m4 pulled in (−5), m6 +9
    expect([s.slippedCount, s.totalDaysSlipped, s.likelyToPush]).toEqual([2, 14, true]);
    const one = run({ milestones: edit("m6", { originalTargetDate: "2026-12-01" }) });
    expect([one.slippedCount, one.totalDaysSlipped, one.likelyToPush]).toEqual([1, 9, false]);
  });

  it("internal-only (seller-only) steps count in slippage and status like any other", () => {
    const internal = milestone({ id: "i", title: "Deal desk approval", internalOnly: true, originalTargetDate: ago(12), targetDate: ago(7), redateCount: 1 });
    const s = run({ milestones: [...baseMilestones(), internal] });
    expect(s.slippedCount).toBe(1);
    expect(s.totalDaysSlipped).toBe(5);
    expect(signalOf(s, "i").daysOverdue).toBe(7);
    expect(s.planStatus).toBe("STALLED");
  });
});

describe("projected close date", () => {
  const extra = (o: Partial<Milestone>) => [...baseMilestones(), milestone({ id: "late", ...o })];

  it.each([
    // days the worst open step is overdue, projected close, after target (Dec 15), outside Q4 (ends Dec 31)
    [0, "2026-12-10", false, false],
    [4, "2026-12-14", false, false],
    [5, "2026-12-15", false, false],
    [6, "2026-12-16", true, false],
    [21, "2026-12-31", true, false],
    [22, "2027-01-01", true, true],
  ])("behind %i days: latest open target Dec 10 + behind = %s (after target %s, outside quarter %s)", (behind, projected, afterTarget, outside) => {
    const s = run({ milestones: behind === 0 ? baseMilestones() : extra({ targetDate: ago(behind) }) });
    expect(s.projectedCloseDate).toBe(projected);
    expect(s.projectedAfterTarget).toBe(afterTarget);
    expect(s.projectedOutsideQuarter).toBe(outside);
  });

  it("behind is the largest days overdue among open steps of any side, not the sum", () => {
    const ms = [...baseMilestones(), milestone({ id: "a", targetDate: ago(3) }), milestone({ id: "b", ownerSide: "BUYER", targetDate: ago(8) })];
    expect(run({ milestones: ms }).projectedCloseDate).toBe("2026-12-18");
  });

  it("is never before today: an only open step 5 days overdue projects to today", () => {
    const s = run({ milestones: [done({ id: "a", targetDate: ago(20) }), milestone({ id: "b", targetDate: ago(5) })] });
    expect(s.projectedCloseDate).toBe(TODAY);
  });

  it("with every step done, is the latest completion date (even before today, even if it was late)", () => {
    const ms = [
      done({ id: "a", targetDate: ago(20), completedOn: ago(21) }),
      done({ id: "b", targetDate: ago(10), completedOn: ago(4) }),
      done({ id: "c", ownerSide: "BUYER", targetDate: ago(8), completedOn: ago(9), markedDoneBySide: "BUYER" }),
    ];
    const s = run({ milestones: ms });
    expect(s.projectedCloseDate).toBe(ago(4));
    expect(s.projectedAfterTarget).toBe(false);
  });

  it("ignores completion dates while any step is open", () => {
    const ms = [done({ id: "a", targetDate: ahead(1), completedOn: ahead(30) }), milestone({ id: "b", targetDate: ahead(3) })];
    expect(run({ milestones: ms }).projectedCloseDate).toBe(ahead(3));
  });

  it("with no milestones is null, and neither after the target nor outside the quarter", () => {
    const s = run({ milestones: [] });
    expect(s.projectedCloseDate).toBeNull();
    expect(s.projectedAfterTarget).toBe(false);
    expect(s.projectedOutsideQuarter).toBe(false);
  });

  it("uses the fiscal quarter of the target close date: with the year starting in February, Q4 runs Nov–Jan", () => {
    // Target close Dec 15; projected Jan 20 (one open seller step due Jan 20).
    const ms = [done({ id: "a", targetDate: ago(5) }), milestone({ id: "b", targetDate: "2027-01-20" })];
    const feb = run({ milestones: ms, org: { fiscalYearStartMonth: 2 } });
    expect(feb.closeQuarter).toEqual({ start: "2026-11-01", end: "2027-01-31", label: "Q4 FY2027" });
    expect(feb.projectedCloseDate).toBe("2027-01-20");
    expect(feb.projectedAfterTarget).toBe(true);
    expect(feb.projectedOutsideQuarter).toBe(false);

    const jan = run({ milestones: ms, org: { fiscalYearStartMonth: 1 } });
    expect(jan.closeQuarter).toEqual({ start: "2026-10-01", end: "2026-12-31", label: "Q4 FY2026" });
    expect(jan.projectedOutsideQuarter).toBe(true);

    // The last day of the February-start Q4 is inside; the next day is not.
    const edge = (d: string) => run({ milestones: [milestone({ id: "b", targetDate: d })], org: { fiscalYearStartMonth: 2 } }).projectedOutsideQuarter;
    expect(edge("2027-01-31")).toBe(false);
    expect(edge("2027-02-01")).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Plan status.
// ---------------------------------------------------------------------------------------------

describe("plan status", () => {
  it.each([
    [0, "ON_TRACK"],
    [1, "AT_RISK"],
    [6, "AT_RISK"],
    [7, "STALLED"],
  ] as const)("a seller step %i days overdue: %s", (days, status) => {
    const s = run({ milestones: [...baseMilestones(), milestone({ id: "late", targetDate: ago(days) })] });
    expect(s.planStatus).toBe(status);
  });

  it.each([
    // last buyer action, shared on, days without buyer activity, status
    [ago(13), "2026-10-01", 13, "ON_TRACK"],
    [ago(14), "2026-10-01", 14, "STALLED"],
    [ago(40), ago(13), 13, "ON_TRACK"], // shared after the last buyer action: counted from sharing
    [ago(40), ago(14), 14, "STALLED"],
    [null, ago(13), 13, "ON_TRACK"],
    [null, ago(14), 14, "STALLED"],
    [ago(2), ago(30), 2, "ON_TRACK"],
  ] as const)("last buyer action %s, shared %s: %i days without buyer activity, %s", (last, sharedOn, days, status) => {
    for (const plan of [shared(sharedOn), accepted(sharedOn)]) {
      const s = run({ plan, lastBuyerActivityOn: last });
      expect(s.daysWithoutBuyerActivity).toBe(days);
      expect(s.planStatus).toBe(status);
    }
  });

  it("is null (and silence is not counted) for a draft plan or no plan", () => {
    for (const plan of [draft(), null]) {
      const s = run({ plan, lastBuyerActivityOn: ago(60), milestones: [...baseMilestones(), milestone({ id: "late", targetDate: ago(10) })] });
      expect(s.planStatus).toBeNull();
      expect(s.daysWithoutBuyerActivity).toBeNull();
    }
  });

  it("a shared plan with no sharing date and no buyer activity has unknown silence (null), treated as none", () => {
    const s = run({ plan: shared(null), lastBuyerActivityOn: null });
    expect(s.daysWithoutBuyerActivity).toBeNull();
    expect(s.planStatus).toBe("ON_TRACK");
  });
});

// ---------------------------------------------------------------------------------------------
// Deal health.
// ---------------------------------------------------------------------------------------------
