// The signals engine (docs/product.md, "Deal health", "MEDDPICC"): each deduction from the 100 of
// the default snapshot, MEDDPICC's part, and the label.
import { describe, expect, it } from "vitest";
import { type DealSignals } from "./signals";
import {
  type Participant,
  type BuyingRole,
  ago,
  ahead,
  milestone,
  done,
  buyer,
  rep,
  sixBuyers,
  shared,
  draft,
  baseMilestones,
  type Overrides,
  edit,
  run,
} from "../../tests/fixtures/signal-snapshots";

describe("health deductions (each from the 100 of the default snapshot)", () => {
  const without = (role: BuyingRole) => sixBuyers().filter((p) => p.role !== role);
  const withRole = (role: BuyingRole, status: Participant["status"]) => [...without(role), buyer(role, status)];
  const compressed = () =>
    edit(
      "m4",
      { targetDate: "2026-11-25", originalTargetDate: "2026-11-25" },
      edit("m5", { targetDate: "2026-11-26", originalTargetDate: "2026-11-26" }, edit("m6", { targetDate: "2026-11-27", originalTargetDate: "2026-11-27" })),
    );
  const lateSeller = (n: number, onTime: number) =>
    // n extra due seller steps done, `onTime` of them on their date, the rest a day late
    Array.from({ length: n }, (_, i) => done({ id: `d${i}`, targetDate: ago(30 + i), completedOn: i < onTime ? ago(30 + i) : ago(29 + i) }));

  it.each<{ name: string; o: Overrides; score: number; reason?: string }>([
    { name: "no plan −30", o: { plan: null }, score: 70, reason: "No mutual action plan yet" },
    { name: "draft plan −20", o: { plan: draft() }, score: 80, reason: "The plan has not been shared with the buyer" },
    { name: "shared, not accepted −5", o: { plan: shared() }, score: 95, reason: "The buyer has not accepted the plan" },
    { name: "6 days without buyer activity −0", o: { lastBuyerActivityOn: ago(6) }, score: 100 },
    { name: "7 days without buyer activity −7", o: { lastBuyerActivityOn: ago(7) }, score: 93, reason: "No buyer activity for 7 days" },
    { name: "13 days without buyer activity −7", o: { lastBuyerActivityOn: ago(13) }, score: 93, reason: "No buyer activity for 13 days" },
    { name: "14 days without buyer activity −15", o: { lastBuyerActivityOn: ago(14) }, score: 85, reason: "No buyer activity for 14 days" },
    { name: "5 active buyers −3", o: { participants: without("EXECUTIVE_SPONSOR") }, score: 97, reason: "5 buyer stakeholders active (6 or more is healthy)" },
    {
      name: "3 active buyers −3",
      o: { participants: [buyer("ECONOMIC_BUYER"), buyer("CHAMPION"), buyer("LEGAL"), buyer("OTHER", "INVITED")] },
      score: 97,
      reason: "3 buyer stakeholders active (6 or more is healthy)",
    },
    {
      name: "2 active buyers −10",
      o: { participants: [buyer("ECONOMIC_BUYER"), buyer("CHAMPION"), buyer("LEGAL", "REVOKED")] },
      score: 90,
      reason: "Only 2 buyer stakeholders active",
    },
    {
      name: "no active buyer −15, EB invited −8, champion invited −7",
      o: { participants: [buyer("ECONOMIC_BUYER", "INVITED"), buyer("CHAMPION", "INVITED"), rep()] },
      score: 70,
      reason: "No buyer stakeholder is active on the plan",
    },
    { name: "no buyers at all −15 −8 −7", o: { participants: [rep()] }, score: 70, reason: "Economic buyer not on the plan" },
    { name: "economic buyer absent −8 (and 5 active −3)", o: { participants: without("ECONOMIC_BUYER") }, score: 89, reason: "Economic buyer not on the plan" },
    {
      name: "economic buyer revoked counts as absent −8 (−3)",
      o: { participants: withRole("ECONOMIC_BUYER", "REVOKED") },
      score: 89,
      reason: "Economic buyer not on the plan",
    },
    {
      name: "economic buyer invited −8 (−3)",
      o: { participants: withRole("ECONOMIC_BUYER", "INVITED") },
      score: 89,
      reason: "Economic buyer invited but not active",
    },
    { name: "champion absent −7 (−3)", o: { participants: without("CHAMPION") }, score: 90, reason: "No champion on the plan" },
    { name: "champion invited −7 (−3)", o: { participants: withRole("CHAMPION", "INVITED") }, score: 90, reason: "Champion invited but not active" },
    {
      name: "1 slipped −4",
      o: { milestones: edit("m6", { originalTargetDate: "2026-12-07" }) },
      score: 96,
      reason: "1 milestone re-dated later, 3 days slipped in all",
    },
    {
      name: "3 slipped −12",
      o: {
        milestones: edit(
          "m4",
          { originalTargetDate: "2026-11-29" },
          edit("m5", { originalTargetDate: "2026-12-03" }, edit("m6", { originalTargetDate: "2026-12-09" })),
        ),
      },
      score: 88,
      reason: "3 milestones re-dated later, 3 days slipped in all: the deal will likely push to the next quarter",
    },
    {
      name: "4 slipped −12 (capped)",
      o: {
        milestones: edit(
          "m3",
          { originalTargetDate: "2026-11-24" },
          edit("m4", { originalTargetDate: "2026-11-29" }, edit("m5", { originalTargetDate: "2026-12-03" }, edit("m6", { originalTargetDate: "2026-12-09" }))),
        ),
      },
      score: 88,
    },
    {
      name: "8 of 10 on time −6",
      o: { milestones: [...baseMilestones(), ...lateSeller(8, 6)] },
      score: 94,
      reason: "8 of 10 milestones due so far were completed on time (80%)",
    },
    {
      name: "7 of 10 on time −9 (not yet 'slipping silently')",
      o: { milestones: [...baseMilestones(), ...lateSeller(8, 5)] },
      score: 91,
      reason: "7 of 10 milestones due so far were completed on time (70%)",
    },
    {
      name: "6 of 10 on time −12, slipping silently",
      o: { milestones: [...baseMilestones(), ...lateSeller(8, 4)] },
      score: 88,
      reason: "Only 6 of 10 milestones due so far were completed on time (60%): the deal is slipping silently",
    },
    {
      name: "a seller step 1 day overdue: on-time 2 of 3 −10, no overdue points",
      o: { milestones: [...baseMilestones(), milestone({ id: "o", targetDate: ago(1) })] },
      score: 90,
      reason: "Only 2 of 3 milestones due so far were completed on time (67%): the deal is slipping silently",
    },
    {
      name: "a buyer step 1 day overdue −3 (and on-time −10)",
      o: { milestones: [...baseMilestones(), milestone({ id: "o", title: "Pilot", ownerSide: "BUYER", targetDate: ago(1) })] },
      score: 87,
      reason: "“Pilot” is 1 day overdue (buyer)",
    },
    {
      name: "a buyer step 2 days overdue −3 (−10)",
      o: { milestones: [...baseMilestones(), milestone({ id: "o", ownerSide: "BUYER", targetDate: ago(2) })] },
      score: 87,
    },
    {
      name: "a joint step 3 days overdue −4 (−10)",
      o: { milestones: [...baseMilestones(), milestone({ id: "o", title: "Pilot", ownerSide: "JOINT", targetDate: ago(3) })] },
      score: 86,
      reason: "“Pilot” is 3 days overdue (joint)",
    },
    // From 6 days behind, the projection (Dec 10 + behind) passes the Dec 15 close: −5, or −10 past Dec 31.
    {
      name: "a buyer step 20 days overdue −9 (−10, projected Dec 30 −5)",
      o: { milestones: [...baseMilestones(), milestone({ id: "o", ownerSide: "BUYER", targetDate: ago(20) })] },
      score: 76,
    },
    {
      name: "a buyer step 21 days overdue −10 (−10, projected Dec 31 −5)",
      o: { milestones: [...baseMilestones(), milestone({ id: "o", ownerSide: "BUYER", targetDate: ago(21) })] },
      score: 75,
    },
    {
      name: "a buyer step 40 days overdue −10, capped per step (−10, projected Jan 19 −10)",
      o: { milestones: [...baseMilestones(), milestone({ id: "o", ownerSide: "BUYER", targetDate: ago(40) })] },
      score: 70,
    },
    {
      name: "three buyer steps 21+ days overdue: 30 points capped at 25 (and on-time 2 of 5 −18, projected Jan 2 −10)",
      o: { milestones: [...baseMilestones(), ...[21, 22, 23].map((d) => milestone({ id: `o${d}`, ownerSide: "BUYER", targetDate: ago(d) }))] },
      score: 47,
      reason: "Milestone 7 is 21 days overdue (buyer) — 5 of its 10 points counted: overdue steps cost at most 25 points in all",
    },
    // The four open steps moved up to Nov 25–27, so that the projection stays inside the close date.
    { name: "4 open steps, 8 days to the target close −0", o: { deal: { targetCloseDate: ahead(8) }, milestones: compressed() }, score: 100 },
    {
      name: "4 open steps, 7 days to the target close −5",
      o: { deal: { targetCloseDate: ahead(7) }, milestones: compressed() },
      score: 95,
      reason: "4 milestones left in 7 days to the target close date",
    },
    {
      name: "4 open steps, target close passed −10 (and projected after it −5)",
      o: { deal: { targetCloseDate: ago(1) } },
      score: 85,
      reason: "4 milestones left and the target close date has passed",
    },
    {
      name: "projected a day after the target close, inside the quarter −5",
      o: { deal: { targetCloseDate: "2026-12-09" } },
      score: 95,
      reason: "The projected close, 10 Dec 2026, is after the target close date, 9 Dec 2026",
    },
    {
      name: "projected after the end of the close quarter −10",
      o: { milestones: edit("m6", { originalTargetDate: "2027-01-04", targetDate: "2027-01-04" }) },
      score: 90,
      reason:
        "The projected close, 4 Jan 2027, is after the target close date, 15 Dec 2026, and after the end of Q4 FY2026 on 31 Dec 2026: health is at best at risk",
    },
    { name: "target close passed but the deal is won −0", o: { deal: { targetCloseDate: ago(1), outcome: "WON" } }, score: 100 },
  ])("$name → $score", ({ o, score, reason }) => {
    const s = run(o);
    expect(s.health.score).toBe(score);
    if (reason) expect(s.health.reasons).toContain(reason);
    if (score === 100) expect(s.health.reasons).toEqual(["Every milestone due so far is done on time, and the buyer is engaged"]);
  });

  it("stops at 0, and cuts the deductions so that they still add up to 100", () => {
    const ms = [
      ...baseMilestones(),
      ...[30, 31, 32].map((d) => milestone({ id: `o${d}`, ownerSide: "BUYER", originalTargetDate: ago(d + 5), targetDate: ago(d) })),
    ];
    const s = run({ plan: draft(), participants: [], milestones: ms, deal: { targetCloseDate: ago(1) } });
    // 20 + 18 (2 of 5) + 25 (10 + 10 + 5) + 12 + 15 + 8 = 98; the champion's 7 is cut to 2; the close date
    // passed (10) and the projection past the quarter (10) are left as notes.
    expect(s.health.score).toBe(0);
    expect(s.health.deductions.map((d) => d.points)).toEqual([20, 18, 10, 10, 5, 12, 15, 8, 2]);
    expect(s.health.deductions.at(-1)!.reason).toBe("No champion on the plan — 2 of its 7 points counted: the score stops at 0");
    expect(s.health.notes).toContain("7 milestones left and the target close date has passed — no points counted: the score stops at 0");
    // A draft has no plan status, but a step 32 days overdue stalls its health as it would once shared.
    expect(s.health.label).toBe("STALLED");
    expect(s.health.notes).toContain("A milestone is 32 days overdue: health is stalled, even before the plan is shared");
  });
});

describe("MEDDPICC in health: 12 needed to be at stage 4 or later (seed threshold), only where a score is recorded", () => {
  it.each<{ stage: number; total: number | null; outcome?: "OPEN" | "WON" | "LOST"; flag: boolean; score: number }>([
    { stage: 4, total: 11, flag: true, score: 95 },
    { stage: 6, total: 0, flag: true, score: 95 },
    { stage: 4, total: 12, flag: false, score: 100 },
    { stage: 5, total: 16, flag: false, score: 100 },
    { stage: 3, total: 5, flag: false, score: 100 },
    { stage: 5, total: null, flag: false, score: 100 },
    { stage: 5, total: 8, outcome: "WON", flag: true, score: 100 },
  ])("stage $stage, MEDDPICC $total, $outcome: flagged $flag, score $score", ({ stage, total, outcome, flag, score }) => {
    const s = run({ deal: { stage, meddpiccTotal: total, outcome: outcome ?? "OPEN" } });
    expect(s.meddpiccBelowStageThreshold).toBe(flag);
    expect(s.health.score).toBe(score);
    if (score === 95) expect(s.health.reasons).toEqual([`MEDDPICC is ${total} of 16, below the 12 needed to be at stage ${stage}`]);
  });
});

describe("health label", () => {
  it.each<{ name: string; o: Overrides; status: DealSignals["planStatus"]; score: number; label: string }>([
    { name: "stalled by silence though the score is 85", o: { lastBuyerActivityOn: ago(14) }, status: "STALLED", score: 85, label: "STALLED" },
    // −10 on time (2 of 3), −5 projected Dec 17, after the Dec 15 close
    {
      name: "stalled by a seller step 7 days overdue",
      o: { milestones: [...baseMilestones(), milestone({ id: "o", targetDate: ago(7) })] },
      status: "STALLED",
      score: 85,
      label: "STALLED",
    },
    {
      name: "at risk by a seller step 1 day overdue, score 90",
      o: { milestones: [...baseMilestones(), milestone({ id: "o", targetDate: ago(1) })] },
      status: "AT_RISK",
      score: 90,
      label: "AT_RISK",
    },
    // 100 − 5 (not accepted) − 15 (no active buyer) − 8 (no EB) − 7 (no champion) − 5 (MEDDPICC 11 at stage 4) = 60: on the line, healthy
    {
      name: "on track at exactly 60",
      o: { plan: shared(), participants: [], deal: { stage: 4, meddpiccTotal: 11 } },
      status: "ON_TRACK",
      score: 60,
      label: "HEALTHY",
    },
    {
      name: "on track at 56",
      o: { plan: shared(), participants: [], deal: { stage: 4, meddpiccTotal: 11 }, milestones: edit("m6", { originalTargetDate: "2026-12-09" }) },
      status: "ON_TRACK",
      score: 56,
      label: "AT_RISK",
    },
    // Draft: no plan status; 100 − 20 − 15 − 8 − 7 = 50
    { name: "draft plan at 50", o: { plan: draft(), participants: [] }, status: null, score: 50, label: "AT_RISK" },
    { name: "draft plan at 80", o: { plan: draft() }, status: null, score: 80, label: "HEALTHY" },
    { name: "no plan at 70", o: { plan: null }, status: null, score: 70, label: "HEALTHY" },
    // A real deal without a plan has no milestones and no buyers: 100 − 30 − 15 − 8 − 7, and nothing to project from.
    { name: "no plan, no milestones, no buyers at 40", o: { plan: null, milestones: [], participants: [] }, status: null, score: 40, label: "AT_RISK" },
    { name: "no plan, no milestones, six buyers at 70", o: { plan: null, milestones: [] }, status: null, score: 70, label: "AT_RISK" },
    {
      name: "a draft seller step 3 days overdue",
      o: { plan: draft(), milestones: [...baseMilestones(), milestone({ id: "o", targetDate: ago(3) })] },
      status: null,
      score: 70,
      label: "AT_RISK",
    },
    {
      name: "projected after the quarter end, score 90",
      o: { milestones: edit("m6", { originalTargetDate: "2027-01-04", targetDate: "2027-01-04" }) },
      status: "ON_TRACK",
      score: 90,
      label: "AT_RISK",
    },
  ])("$name: $label", ({ o, status, score, label }) => {
    const s = run(o);
    expect(s.planStatus).toBe(status);
    expect(s.health.score).toBe(score);
    expect(s.health.label).toBe(label);
    expect(s.health.reasons.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Derived forecast category.
// ---------------------------------------------------------------------------------------------
