// The signals engine (docs/product.md, "The core rule"): the default snapshot every table starts
// from, buyer and joint steps that count only when a buyer marked or confirmed them, and the
// product's must-show cases.
import { describe, expect, it } from "vitest";
import { FORECAST_RANK } from "./signals";
import { ago, milestone, done, baseMilestones, edit, run, signalOf } from "../../tests/fixtures/signal-snapshots";

describe("the default snapshot (baseline for the tables below)", () => {
  it("is an on-track, healthy Commit at 100 with nothing to flag", () => {
    const s = run();
    expect(s.planStatus).toBe("ON_TRACK");
    const note = "Every milestone due so far is done on time, and the buyer is engaged";
    expect(s.health).toEqual({ score: 100, label: "HEALTHY", reasons: [note], deductions: [], notes: [note] });
    expect(s.forecast).toMatchObject({ derived: "COMMIT", overCalled: false, underCalled: false });
    expect(s.projectedCloseDate).toBe("2026-12-10");
    expect(s.stagePush.pushed).toBe(false);
    expect(s.planSizeWarning).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// The core rule: buyer-confirmed progress.
// ---------------------------------------------------------------------------------------------

describe("the core rule: buyer and joint steps count only when a buyer marked or confirmed them", () => {
  const DUE = ago(3); // target date three days ago

  it.each([
    // ownerSide, markedDoneBySide, buyerConfirmed, countsAsDone, awaiting, daysOverdue
    { ownerSide: "BUYER", by: undefined, confirmed: false, counts: false, awaiting: true, overdue: 3 },
    { ownerSide: "BUYER", by: "SELLER", confirmed: false, counts: false, awaiting: true, overdue: 3 },
    { ownerSide: "BUYER", by: null, confirmed: false, counts: false, awaiting: true, overdue: 3 },
    { ownerSide: "JOINT", by: undefined, confirmed: false, counts: false, awaiting: true, overdue: 3 },
    { ownerSide: "JOINT", by: "SELLER", confirmed: false, counts: false, awaiting: true, overdue: 3 },
    { ownerSide: "BUYER", by: "SELLER", confirmed: true, counts: true, awaiting: false, overdue: 0 },
    { ownerSide: "JOINT", by: "SELLER", confirmed: true, counts: true, awaiting: false, overdue: 0 },
    { ownerSide: "BUYER", by: "BUYER", confirmed: false, counts: true, awaiting: false, overdue: 0 },
    { ownerSide: "JOINT", by: "BUYER", confirmed: false, counts: true, awaiting: false, overdue: 0 },
    { ownerSide: "SELLER", by: undefined, confirmed: false, counts: true, awaiting: false, overdue: 0 },
    { ownerSide: "SELLER", by: "SELLER", confirmed: false, counts: true, awaiting: false, overdue: 0 },
  ] as const)(
    "$ownerSide step marked DONE by $by, buyerConfirmed $confirmed: counts $counts, awaiting $awaiting, $overdue days overdue",
    ({ ownerSide, by, confirmed, counts, awaiting, overdue }) => {
      const m = done({
        id: "k",
        title: "Security review",
        ownerSide,
        targetDate: DUE,
        completedOn: ago(4),
        buyerConfirmed: confirmed,
        ...(by === undefined ? {} : { markedDoneBySide: by }),
      });
      const s = run({ milestones: [...baseMilestones(), m] });
      expect(signalOf(s, "k")).toMatchObject({ countsAsDone: counts, awaitingBuyerConfirmation: awaiting, daysOverdue: overdue, buyerConfirmed: confirmed });
    },
  );

  it("a seller-marked buyer step stays overdue after its date, and health says it is overdue and awaiting confirmation", () => {
    const m = done({ id: "k", title: "Security review", ownerSide: "BUYER", targetDate: ago(9), completedOn: ago(10), markedDoneBySide: "SELLER" });
    const s = run({ milestones: [...baseMilestones(), m] });
    expect(signalOf(s, "k")).toMatchObject({ countsAsDone: false, awaitingBuyerConfirmation: true, daysOverdue: 9 });
    expect(s.planStatus).toBe("STALLED");
    expect(s.health.label).toBe("STALLED");
    expect(s.health.reasons).toContain("“Security review” is 9 days overdue (buyer)");
    expect(s.health.reasons).toContain("Marked done by the seller, not yet confirmed by the buyer: “Security review”");
    expect(s.forecast.derived).not.toBe("COMMIT");
    expect(s.forecast.reasons).toContain("Not Commit: 1 buyer or joint milestone due so far not done and confirmed by the buyer");
    // The projection carries the 9 days forward: Dec 10 + 9.
    expect(s.projectedCloseDate).toBe("2026-12-19");

    const confirmedByBuyer = run({ milestones: [...baseMilestones(), { ...m, buyerConfirmed: true }] });
    expect(signalOf(confirmedByBuyer, "k")).toMatchObject({ countsAsDone: true, awaitingBuyerConfirmation: false, daysOverdue: 0 });
    expect(confirmedByBuyer.planStatus).toBe("ON_TRACK");
    expect(confirmedByBuyer.forecast.derived).toBe("COMMIT");
    expect(confirmedByBuyer.health.reasons.join("\n")).not.toMatch(/overdue|not yet confirmed/);
  });

  it("a seller-marked buyer step not yet due costs no points, but is named as awaiting confirmation", () => {
    const s = run({ milestones: edit("m4", { status: "DONE", completedOn: ago(1), markedDoneBySide: "SELLER" }) });
    expect(signalOf(s, "m4")).toMatchObject({ countsAsDone: false, awaitingBuyerConfirmation: true, daysOverdue: 0 });
    expect(s.health.score).toBe(100);
    expect(s.health.reasons).toEqual(["Marked done by the seller, not yet confirmed by the buyer: “Security review submitted”"]);
    expect(s.forecast.derived).toBe("COMMIT");
  });

  it("without a title, a milestone is named by its place in the plan, never by its id", () => {
    const s = run({ milestones: [...baseMilestones(), milestone({ id: "k7", ownerSide: "BUYER", targetDate: ago(2) })] });
    expect(s.health.reasons).toContain("Milestone 7 is 2 days overdue (buyer)");
  });
});

describe("must-show (product.md)", () => {
  it("A rep-called Commit deal with two slipped milestones shows derived Best Case or lower, flagged over-called, with the reasons", () => {
    const milestones = edit("m5", { originalTargetDate: "2026-11-27", redateCount: 1 }, edit("m6", { originalTargetDate: "2026-12-03", redateCount: 2 }));
    const s = run({ milestones, deal: { repForecastCategory: "COMMIT" } });
    expect(s.slippedCount).toBe(2);
    expect(s.totalDaysSlipped).toBe(14);
    expect(s.likelyToPush).toBe(true);
    expect(FORECAST_RANK[s.forecast.derived]).toBeLessThanOrEqual(FORECAST_RANK.BEST_CASE);
    expect(s.forecast.derived).toBe("BEST_CASE");
    expect(s.forecast.overCalled).toBe(true);
    expect(s.forecast.underCalled).toBe(false);
    expect(s.forecast.reasons).toEqual([
      "Over-called: the rep says Commit, the plan says Best Case",
      "Not Commit: 2 milestones slipped (at most 1 for Commit)",
    ]);
    expect(s.health.reasons).toContain("2 milestones re-dated later, 14 days slipped in all: the deal will likely push to the next quarter");
  });
});

// ---------------------------------------------------------------------------------------------
// Slippage.
// ---------------------------------------------------------------------------------------------
