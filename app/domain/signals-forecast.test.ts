// The signals engine (docs/product.md, "Forecast category (derived)"): the derived category, case
// by case.
import { describe, expect, it } from "vitest";
import { FORECAST_RANK, type ForecastCategory } from "./signals";
import { TODAY, ago, milestone, buyer, sixBuyers, shared, draft, baseMilestones, type Overrides, edit, run } from "../../tests/fixtures/signal-snapshots";

describe("derived forecast category", () => {
  it.each([
    ["WON", "CLOSED", "The deal is won"],
    ["LOST", "OMITTED", "The deal is lost"],
  ] as const)("a %s deal is %s, whatever its plan", (outcome, derived, reason) => {
    for (const o of [
      {},
      { plan: null },
      { plan: draft() },
      { lastBuyerActivityOn: ago(90) },
      { milestones: [...baseMilestones(), milestone({ ownerSide: "BUYER", targetDate: ago(30) })] },
    ] as Overrides[]) {
      const s = run({ ...o, deal: { outcome } });
      expect(s.forecast.derived).toBe(derived);
      expect(s.forecast.reasons).toContain(reason);
    }
  });

  it.each([
    [29, "SHARED", "PIPELINE"],
    [30, "SHARED", "OMITTED"],
    [29, "ACCEPTED", "PIPELINE"],
    [30, "ACCEPTED", "OMITTED"],
  ] as const)("%i days without buyer activity on a %s plan: %s", (days, status, derived) => {
    const s = run({ plan: { status, sharedOn: "2026-09-01" }, lastBuyerActivityOn: ago(days) });
    expect(s.forecast.derived).toBe(derived);
    if (derived === "OMITTED") expect(s.forecast.reasons).toContain(`No buyer activity for ${days} days on a shared plan (30 or more omits the deal)`);
    else expect(s.forecast.reasons).toContain(`Not Best Case: no buyer activity for ${days} days`);
  });

  it("a draft plan is never omitted for silence: silence is only counted once the plan is shared", () => {
    expect(run({ plan: draft(), lastBuyerActivityOn: ago(90) }).forecast.derived).toBe("PIPELINE");
  });

  describe("each Commit condition failing on its own gives Best Case, with a 'Not Commit' reason", () => {
    it.each<{ name: string; o: Overrides; reason: string }>([
      { name: "plan shared, not accepted", o: { plan: shared() }, reason: "Not Commit: the buyer has not accepted the plan" },
      {
        name: "a joint step 2 days overdue",
        o: { milestones: edit("m3", { targetDate: ago(2), originalTargetDate: ago(2) }) },
        reason: "Not Commit: 1 buyer or joint milestone due so far not done and confirmed by the buyer",
      },
      {
        name: "a buyer step due so far marked done by the seller only",
        o: { milestones: edit("m1", { markedDoneBySide: "SELLER", buyerConfirmed: false }) },
        reason: "Not Commit: 1 buyer or joint milestone due so far not done and confirmed by the buyer",
      },
      {
        name: "two slipped milestones",
        o: { milestones: edit("m5", { originalTargetDate: "2026-12-01" }, edit("m6", { originalTargetDate: "2026-12-01" })) },
        reason: "Not Commit: 2 milestones slipped (at most 1 for Commit)",
      },
      {
        name: "economic buyer invited, not active",
        o: { participants: [...sixBuyers().filter((p) => p.role !== "ECONOMIC_BUYER"), buyer("ECONOMIC_BUYER", "INVITED")] },
        reason: "Not Commit: the economic buyer is not an active participant",
      },
      {
        name: "economic buyer revoked",
        o: { participants: [...sixBuyers().filter((p) => p.role !== "ECONOMIC_BUYER"), buyer("ECONOMIC_BUYER", "REVOKED")] },
        reason: "Not Commit: the economic buyer is not an active participant",
      },
      {
        name: "no economic buyer",
        o: { participants: sixBuyers().filter((p) => p.role !== "ECONOMIC_BUYER") },
        reason: "Not Commit: the economic buyer is not an active participant",
      },
      { name: "MEDDPICC 13 of 16", o: { deal: { meddpiccTotal: 13 } }, reason: "Not Commit: MEDDPICC is 13 of 16 (14 needed)" },
      { name: "MEDDPICC 0 of 16", o: { deal: { meddpiccTotal: 0 } }, reason: "Not Commit: MEDDPICC is 0 of 16 (14 needed)" },
    ])("$name", ({ o, reason }) => {
      const s = run(o);
      expect(s.forecast.derived).toBe("BEST_CASE");
      expect(s.forecast.reasons).toContain(reason);
      expect(s.forecast.reasons.filter((r) => r.startsWith("Not Commit"))).toEqual([reason]);
      expect(s.forecast.overCalled).toBe(true); // the default rep call is Commit
    });
  });

  it.each<{ name: string; o: Overrides }>([
    { name: "MEDDPICC not recorded", o: { deal: { meddpiccTotal: null } } },
    { name: "MEDDPICC 14", o: { deal: { meddpiccTotal: 14 } } },
    { name: "MEDDPICC 16", o: { deal: { meddpiccTotal: 16 } } },
    { name: "exactly one slipped milestone", o: { milestones: edit("m6", { originalTargetDate: "2026-11-20" }) } },
    { name: "13 days without buyer activity", o: { lastBuyerActivityOn: ago(13) } },
    {
      name: "a buyer step due so far confirmed by the buyer after a seller mark",
      o: { milestones: edit("m1", { markedDoneBySide: "SELLER", buyerConfirmed: true }) },
    },
    { name: "a buyer step not yet due, still open", o: {} },
    // Due so far means a target date before today: a step due today can still be done on time.
    { name: "a buyer step due today, not done (not yet overdue)", o: { milestones: edit("m4", { targetDate: TODAY, originalTargetDate: TODAY }) } },
    // product.md: "every buyer or joint milestone due so far is done … and none is overdue". The engine reads
    // "none" as none of those buyer or joint milestones: an overdue seller step does not block Commit.
    { name: "a seller step 3 days overdue (plan at risk)", o: { milestones: [...baseMilestones(), milestone({ id: "o", targetDate: ago(3) })] } },
  ])("Commit holds with $name", ({ o }) => {
    const s = run(o);
    expect(s.forecast.derived).toBe("COMMIT");
    expect(s.forecast.reasons).toEqual([
      "Accepted plan, every buyer step due so far confirmed, at most one slip, close inside the quarter, economic buyer active",
    ]);
  });

  it("is Pipeline for an accepted plan with no milestones: with no projected close, nothing is inside the quarter", () => {
    const s = run({ milestones: [] });
    expect(s.projectedCloseDate).toBeNull();
    expect(s.forecast.derived).toBe("PIPELINE");
    expect(s.forecast.reasons).toContain("Not Best Case: the plan has no milestones to project a close date from");
  });

  describe("each Best Case condition failing gives Pipeline, with a 'Not Best Case' reason", () => {
    it.each<{ name: string; o: Overrides; reason: string }>([
      { name: "no plan", o: { plan: null }, reason: "Not Best Case: there is no plan" },
      { name: "a draft plan", o: { plan: draft() }, reason: "Not Best Case: the plan is not shared with the buyer" },
      { name: "14 days without buyer activity", o: { lastBuyerActivityOn: ago(14) }, reason: "Not Best Case: no buyer activity for 14 days" },
      { name: "29 days without buyer activity", o: { lastBuyerActivityOn: ago(29) }, reason: "Not Best Case: no buyer activity for 29 days" },
      {
        name: "projected close after the quarter end",
        o: { milestones: [...baseMilestones(), milestone({ id: "o", targetDate: ago(22) })] },
        reason: "Not Best Case: the projected close (1 Jan 2027) is after the end of Q4 FY2026 (31 Dec 2026)",
      },
      {
        name: "a milestone dated after the quarter end",
        o: { milestones: [...baseMilestones(), milestone({ id: "o", targetDate: "2027-01-04" })] },
        reason: "Not Best Case: the projected close (4 Jan 2027) is after the end of Q4 FY2026 (31 Dec 2026)",
      },
    ])("$name", ({ o, reason }) => {
      const s = run(o);
      expect(s.forecast.derived).toBe("PIPELINE");
      expect(s.forecast.reasons).toContain(reason);
      expect(s.forecast.reasons.some((r) => r.startsWith("Not Commit"))).toBe(false);
    });
  });

  it("Best Case holds on a shared plan with 13 days of silence and a projection on the last day of the quarter", () => {
    const s = run({ plan: shared(), lastBuyerActivityOn: ago(13), milestones: [...baseMilestones(), milestone({ id: "o", targetDate: ago(21) })] });
    expect(s.projectedCloseDate).toBe("2026-12-31");
    expect(s.forecast.derived).toBe("BEST_CASE");
  });

  it("lists every failing condition", () => {
    const s = run({ plan: shared(), deal: { meddpiccTotal: 12 }, participants: sixBuyers().filter((p) => p.role !== "ECONOMIC_BUYER") });
    expect(s.forecast.reasons.filter((r) => r.startsWith("Not Commit"))).toEqual([
      "Not Commit: the buyer has not accepted the plan",
      "Not Commit: the economic buyer is not an active participant",
      "Not Commit: MEDDPICC is 12 of 16 (14 needed)",
    ]);
  });

  it("ranks Omitted < Pipeline < Best Case < Commit < Closed", () => {
    const order: ForecastCategory[] = ["OMITTED", "PIPELINE", "BEST_CASE", "COMMIT", "CLOSED"];
    expect([...order].sort((a, b) => FORECAST_RANK[a] - FORECAST_RANK[b])).toEqual(order);
  });

  it.each<[ForecastCategory, Overrides, ForecastCategory, boolean, boolean]>([
    // rep call, snapshot, derived, over-called, under-called
    ["COMMIT", {}, "COMMIT", false, false],
    ["CLOSED", {}, "COMMIT", true, false],
    ["BEST_CASE", {}, "COMMIT", false, true],
    ["COMMIT", { plan: draft() }, "PIPELINE", true, false],
    ["PIPELINE", { plan: draft() }, "PIPELINE", false, false],
    ["OMITTED", { plan: draft() }, "PIPELINE", false, true],
    ["PIPELINE", { deal: { outcome: "LOST" } }, "OMITTED", true, false],
    ["OMITTED", { deal: { outcome: "LOST" } }, "OMITTED", false, false],
    ["COMMIT", { deal: { outcome: "WON" } }, "CLOSED", false, true],
    ["BEST_CASE", { plan: shared() }, "BEST_CASE", false, false],
  ])("rep %s, derived %s: over-called %s, under-called %s", (repCall, o, derived, over, under) => {
    const s = run({ ...o, deal: { ...o.deal, repForecastCategory: repCall } });
    expect(s.forecast).toMatchObject({ rep: repCall, derived, overCalled: over, underCalled: under });
    const label = (c: ForecastCategory) => ({ OMITTED: "Omitted", PIPELINE: "Pipeline", BEST_CASE: "Best Case", COMMIT: "Commit", CLOSED: "Closed" })[c];
    if (over) expect(s.forecast.reasons[0]).toBe(`Over-called: the rep says ${label(repCall)}, the plan says ${label(derived)}`);
    if (under) expect(s.forecast.reasons[0]).toBe(`Under-called: the rep says ${label(repCall)}, the plan says ${label(derived)}`);
    if (!over && !under) expect(s.forecast.reasons.join()).not.toMatch(/-called/);
  });
});

// ---------------------------------------------------------------------------------------------
// Stage-push.
// ---------------------------------------------------------------------------------------------
