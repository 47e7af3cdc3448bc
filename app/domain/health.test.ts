// Health must agree with the plan (docs/product.md): the cases people reported, as examples. The
// same rules are checked over generated plans in signals.properties.test.ts.
import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { DEFAULT_TEMPLATE_STEPS } from "./default-template";
import { deriveDealSignals, type DealSnapshot } from "./signals";

const START = "2026-11-01";
const TODAY = "2026-11-20";

/** The default template started on Nov 1, steps due before today done by a buyer on their date. */
function templateMilestones(): DealSnapshot["milestones"] {
  return DEFAULT_TEMPLATE_STEPS.map((step, i) => {
    const targetDate = addDays(START, step.dayOffset);
    const done = targetDate < TODAY;
    return {
      id: `t${i + 1}`,
      title: step.title,
      ownerSide: step.ownerSide,
      originalTargetDate: targetDate,
      targetDate,
      redateCount: 0,
      status: done ? "DONE" : "NOT_STARTED",
      completedOn: done ? targetDate : null,
      buyerConfirmed: false,
      markedDoneBySide: done ? "BUYER" : null,
      gatesStage: step.gatesStage,
      internalOnly: false,
    };
  });
}

const buyers = (): DealSnapshot["participants"] =>
  (["ECONOMIC_BUYER", "CHAMPION", "TECHNICAL_EVALUATOR", "PROCUREMENT", "LEGAL", "EXECUTIVE_SPONSOR"] as const).map((role) => ({
    side: "BUYER",
    role,
    status: "ACTIVE",
    lastActiveOn: TODAY,
  }));

function deal(o: Partial<DealSnapshot> = {}): DealSnapshot {
  return {
    deal: { amount: 120_000, stage: 4, targetCloseDate: "2026-12-21", repForecastCategory: "COMMIT", outcome: "OPEN", meddpiccTotal: null },
    org: { timezone: "UTC", fiscalYearStartMonth: 1 },
    plan: { status: "ACCEPTED", sharedOn: START },
    milestones: templateMilestones(),
    participants: buyers(),
    lastBuyerActivityOn: TODAY,
    ...o,
  };
}

describe("a buyer moves “Procurement portal entry” past the target close date and the quarter end", () => {
  it("the score does not rise, the label drops to at risk, and every figure on the panel says the same", () => {
    const before = deriveDealSignals(deal(), TODAY);
    expect(before.health).toMatchObject({ score: 100, label: "HEALTHY" });
    expect(before.forecast.derived).toBe("COMMIT");

    // Due Dec 1, not overdue on Nov 20; moved to Jan 20 2027.
    const milestones = deal().milestones.map((m) => (m.title === "Procurement portal entry" ? { ...m, targetDate: "2027-01-20", redateCount: 1 } : m));
    const after = deriveDealSignals(deal({ milestones }), TODAY);
    expect(after.projectedCloseDate).toBe("2027-01-20");
    expect(after.projectedOutsideQuarter).toBe(true);
    expect(after.forecast.derived).toBe("PIPELINE");
    expect(after.health.label).toBe("AT_RISK");
    // −4 for the slip, −10 for the projection past the quarter.
    expect(after.health.score).toBe(86);
    expect(after.health.deductions).toEqual([
      { points: 4, reason: "1 milestone re-dated later, 50 days slipped in all" },
      {
        points: 10,
        reason:
          "The projected close, 20 Jan 2027, is after the target close date, 21 Dec 2026, and after the end of Q4 FY2026 on 31 Dec 2026: health is at best at risk",
      },
    ]);
  });

  it("moving a step due today to tomorrow is not progress: it was not due yet", () => {
    const dueToday = deal().milestones.map((m) =>
      m.id === "t4" ? { ...m, targetDate: TODAY, originalTargetDate: TODAY, status: "NOT_STARTED" as const, completedOn: null } : m,
    );
    const before = deriveDealSignals(deal({ milestones: dueToday }), TODAY);
    const after = deriveDealSignals(deal({ milestones: dueToday.map((m) => (m.id === "t4" ? { ...m, targetDate: addDays(TODAY, 1) } : m)) }), TODAY);
    expect(after.health.score).toBeLessThanOrEqual(before.health.score);
    expect(after.onTimeRate).toBe(before.onTimeRate);
    expect(after.forecast.derived).toBe(before.forecast.derived);
  });
});

describe("no plan ≤ draft ≤ shared, for the same deal", () => {
  it("creating a plan from the template raises the score, and sharing it raises it again", () => {
    // A deal closing Jan 15 2027; the template plan starts today, so its last step is due Jan 8.
    const close = { ...deal().deal, targetCloseDate: "2027-01-15" };
    const template = DEFAULT_TEMPLATE_STEPS.map((step, i) => ({
      ...deal().milestones[i],
      targetDate: addDays(TODAY, step.dayOffset),
      originalTargetDate: addDays(TODAY, step.dayOffset),
      status: "NOT_STARTED" as const,
      completedOn: null,
      markedDoneBySide: null,
    }));
    const noPlan = deriveDealSignals(deal({ deal: close, plan: null, milestones: [], participants: [] }), TODAY);
    const draft = deriveDealSignals(deal({ deal: close, plan: { status: "DRAFT", sharedOn: null }, milestones: template, participants: [] }), TODAY);
    const shared = deriveDealSignals(deal({ deal: close, plan: { status: "SHARED", sharedOn: TODAY }, milestones: template, participants: [] }), TODAY);
    // 100 − 30 (no plan) − 15 (no active buyer) − 8 (no economic buyer) − 7 (no champion), and nothing to project from.
    expect(noPlan.health).toMatchObject({ score: 40, label: "AT_RISK" });
    // With buyers engaged the score alone would be healthy; without milestones the label is at best at risk, and says why.
    const engaged = deriveDealSignals(deal({ plan: null, milestones: [] }), TODAY);
    expect(engaged.health).toMatchObject({ score: 70, label: "AT_RISK" });
    expect(engaged.health.notes).toEqual(["No milestones to project a close date from: health is at best at risk"]);
    // 100 − 20 (not shared) − 15 − 8 − 7.
    expect(draft.health).toMatchObject({ score: 50, label: "AT_RISK" });
    // 100 − 5 (not accepted) − 15 − 8 − 7.
    expect(shared.health).toMatchObject({ score: 65, label: "HEALTHY" });
    expect(shared.forecast.derived).toBe("BEST_CASE");
  });
});
