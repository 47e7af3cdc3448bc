// The signals engine (docs/product.md, "Stages and exit criteria"): stage push, the plan size
// warning, and dates at the edges (month ends, DST, readers far east and west of UTC).
import { afterEach, describe, expect, it } from "vitest";
import { addDays, daysBetween, organizationToday } from "./dates";
import { deriveDealSignals, type DealSnapshot } from "./signals";
import { type Milestone, ahead, milestone, accepted, shared, draft, snapshot, run, templatePlan } from "../../tests/fixtures/signal-snapshots";

describe("stage-push", () => {
  // The default template started on Oct 1: business case (gates 3), technical evaluation, security review,
  // executive sponsor meeting, proposal (gate 4), procurement, legal (gate 5), countersignature (gate 6).
  const START = "2026-10-01";
  const markDone = (ms: Milestone[], ids: string[], by: "BUYER" | "SELLER" = "BUYER") =>
    ms.map((m) => (ids.includes(m.id) ? { ...m, status: "DONE" as const, completedOn: m.targetDate, markedDoneBySide: by } : m));

  it("stage 5 without “Executive sponsor meeting” and “Proposal delivered” done is pushed, naming both", () => {
    const ms = markDone(templatePlan(START), ["t1", "t2", "t3"]);
    expect(ms.find((m) => m.id === "t4")).toMatchObject({ title: "Executive sponsor meeting", gatesStage: 4 });
    expect(ms.find((m) => m.id === "t5")).toMatchObject({ title: "Proposal delivered", gatesStage: 4 });
    const s = run({ milestones: ms, deal: { stage: 5 } });
    expect(s.stagePush).toEqual({
      pushed: true,
      missingMilestoneIds: ["t4", "t5"],
      reasons: ["At stage 5 without “Executive sponsor meeting” done (gates stage 4)", "At stage 5 without “Proposal delivered” done (gates stage 4)"],
    });
  });

  it("a gate at the deal's own stage (or above) does not push", () => {
    // Stage 4: the stage-4 gates are open, only the stage-3 gate counts.
    const s4 = run({ milestones: markDone(templatePlan(START), ["t1"]), deal: { stage: 4 } });
    expect(s4.stagePush).toEqual({ pushed: false, missingMilestoneIds: [], reasons: [] });
    const s5 = run({ milestones: markDone(templatePlan(START), ["t1", "t2", "t3", "t4", "t5"]), deal: { stage: 5 } });
    expect(s5.stagePush.pushed).toBe(false); // procurement and legal gate stage 5: not yet
  });

  it("a buyer gate marked done by the seller only still pushes; the buyer's confirmation clears it", () => {
    const ms = markDone(markDone(templatePlan(START), ["t1", "t2", "t4", "t5"]), ["t3"], "SELLER");
    const s = run({ milestones: ms, deal: { stage: 5 } });
    expect(s.stagePush.missingMilestoneIds).toEqual(["t3"]);
    expect(s.stagePush.reasons).toEqual(["At stage 5 without “Security review submitted” done (gates stage 4)"]);
    const confirmed = run({ milestones: ms.map((m) => (m.id === "t3" ? { ...m, buyerConfirmed: true } : m)), deal: { stage: 5 } });
    expect(confirmed.stagePush.pushed).toBe(false);
  });

  it("a seller gate marked done by the seller does not push", () => {
    const s = run({ milestones: markDone(markDone(templatePlan(START), ["t1", "t2", "t3", "t4"]), ["t5"], "SELLER"), deal: { stage: 5 } });
    expect(s.stagePush.pushed).toBe(false);
  });

  it("stage 1 is never pushed; stage 6 is pushed by every open gate below 6", () => {
    expect(run({ milestones: templatePlan(START), deal: { stage: 1 } }).stagePush.pushed).toBe(false);
    expect(run({ milestones: templatePlan(START), deal: { stage: 6 } }).stagePush.missingMilestoneIds).toEqual(["t1", "t2", "t3", "t4", "t5", "t6", "t7"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Plan size.
// ---------------------------------------------------------------------------------------------

describe("plan size warning", () => {
  const steps = (n: number) => Array.from({ length: n }, (_, i) => milestone({ id: `s${i}`, targetDate: ahead(1 + i), internalOnly: i === 0 }));
  it.each([
    [0, "TOO_FEW"],
    [5, "TOO_FEW"],
    [6, null],
    [15, null],
    [20, null],
    [21, "TOO_MANY"],
  ] as const)("%i milestones (one internal-only, counted): %s", (n, warning) => {
    expect(run({ milestones: steps(n) }).planSizeWarning).toBe(warning);
  });

  it("a draft plan is checked too; no plan has no warning", () => {
    expect(run({ plan: draft(), milestones: steps(5) }).planSizeWarning).toBe("TOO_FEW");
    expect(run({ plan: null, milestones: [] }).planSizeWarning).toBeNull();
    expect(run({ plan: null, milestones: steps(3) }).planSizeWarning).toBeNull();
  });

  it("the default template (8 steps) is in the sweet spot", () => {
    expect(run({ milestones: templatePlan("2026-11-01") }).planSizeWarning).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Dates at the edges: calendar dates, so nothing shifts.
// ---------------------------------------------------------------------------------------------

describe("dates at the edges", () => {
  const ORIGINAL_TZ = process.env.TZ;
  afterEach(() => {
    process.env.TZ = ORIGINAL_TZ;
  });
  const SERVER_ZONES = ["UTC", "Pacific/Auckland", "America/New_York", "Europe/Berlin", "Pacific/Honolulu"];

  /** One open seller step, a plan shared that day, a buyer active today. */
  const single = (today: string, m: Partial<Milestone>, deal: Partial<DealSnapshot["deal"]> = {}) =>
    deriveDealSignals(
      snapshot({
        milestones: [milestone({ id: "e", ...m })],
        plan: accepted(today),
        lastBuyerActivityOn: today,
        deal: { targetCloseDate: addDays(today, 40), ...deal },
      }),
      today,
    );

  it.each([
    // target, today, days overdue, status
    ["2027-01-31", "2027-02-01", 1, "AT_RISK"],
    ["2026-02-28", "2026-03-01", 1, "AT_RISK"],
    ["2026-04-30", "2026-05-07", 7, "STALLED"],
    ["2026-12-31", "2027-01-01", 1, "AT_RISK"],
    ["2028-02-28", "2028-03-01", 2, "AT_RISK"], // leap year
    ["2028-02-29", "2028-03-01", 1, "AT_RISK"],
    ["2028-02-22", "2028-02-29", 7, "STALLED"],
    // DST weekends: US 8 Mar 2026, EU 29 Mar 2026, US 1 Nov 2026, EU 25 Oct 2026
    ["2026-03-07", "2026-03-09", 2, "AT_RISK"],
    ["2026-03-28", "2026-03-30", 2, "AT_RISK"],
    ["2026-10-31", "2026-11-02", 2, "AT_RISK"],
    ["2026-10-24", "2026-10-31", 7, "STALLED"],
  ] as const)("due %s, read on %s: %i days overdue (%s), under every server timezone", (targetDate, today, overdue, status) => {
    for (const zone of SERVER_ZONES) {
      process.env.TZ = zone;
      const s = single(today, { targetDate });
      expect(s.milestones[0].daysOverdue).toBe(overdue);
      expect(s.planStatus).toBe(status);
      expect(s.projectedCloseDate).toBe(today);
    }
  });

  it.each([
    // original, current, days slipped
    ["2028-02-27", "2028-03-01", 3],
    ["2027-02-27", "2027-03-01", 2],
    ["2026-03-06", "2026-03-09", 3], // across the US DST change
    ["2026-10-23", "2026-10-26", 3], // across the EU DST change
    ["2026-01-31", "2026-02-28", 28],
  ])("re-dated %s → %s: %i days slipped, under every server timezone", (originalTargetDate, targetDate, slipped) => {
    for (const zone of SERVER_ZONES) {
      process.env.TZ = zone;
      expect(single("2026-01-01", { originalTargetDate, targetDate }).milestones[0].daysSlipped).toBe(slipped);
    }
  });

  it("carries lateness forward across a DST weekend and a leap day without losing or gaining a day", () => {
    for (const zone of SERVER_ZONES) {
      process.env.TZ = zone;
      // 3 days behind on Mar 9 2026; a later step due Mar 27 → projected Mar 30 (EU change on Mar 29).
      const dst = deriveDealSignals(
        snapshot({
          milestones: [milestone({ id: "a", targetDate: "2026-03-06" }), milestone({ id: "b", targetDate: "2026-03-27" })],
          plan: accepted("2026-03-01"),
          lastBuyerActivityOn: "2026-03-09",
        }),
        "2026-03-09",
      );
      expect(dst.projectedCloseDate).toBe("2026-03-30");
      // 2 days behind on Feb 27 2028; a later step due Feb 28 → projected Mar 1 (via Feb 29).
      const leap = deriveDealSignals(
        snapshot({
          milestones: [milestone({ id: "a", targetDate: "2028-02-25" }), milestone({ id: "b", targetDate: "2028-02-28" })],
          plan: accepted("2028-02-01"),
          lastBuyerActivityOn: "2028-02-27",
        }),
        "2028-02-27",
      );
      expect(leap.projectedCloseDate).toBe("2028-03-01");
    }
  });

  it("silence counts calendar days across a month end: shared Jan 18, read Feb 1, is 14 days", () => {
    const s = deriveDealSignals(snapshot({ plan: shared("2027-01-18"), lastBuyerActivityOn: null, milestones: [] }), "2027-02-01");
    expect(s.daysWithoutBuyerActivity).toBe(14);
    expect(s.planStatus).toBe("STALLED");
  });

  it("the organization's today decides: at the same instant Tonga (UTC+13) is a day ahead of Honolulu (UTC−10)", () => {
    const instant = new Date("2026-11-22T11:30:00Z"); // 00:30 on Nov 23 in Tonga, 01:30 on Nov 22 in Honolulu
    const milestones = [
      milestone({ id: "sec", title: "Security review", ownerSide: "BUYER", targetDate: "2026-11-16" }),
      milestone({ id: "legal", title: "Legal redlines", ownerSide: "JOINT", targetDate: "2026-11-22" }),
      milestone({ id: "sign", title: "Countersignature", ownerSide: "BUYER", targetDate: "2026-12-10" }),
    ];
    const at = (timezone: string) => {
      const snap = snapshot({ org: { timezone }, milestones, plan: accepted("2026-11-02"), lastBuyerActivityOn: "2026-11-09" });
      const today = organizationToday(snap.org, instant);
      return { today, s: deriveDealSignals(snap, today) };
    };
    const tonga = at("Pacific/Tongatapu");
    const honolulu = at("Pacific/Honolulu");
    expect(tonga.today).toBe("2026-11-23");
    expect(honolulu.today).toBe("2026-11-22");
    expect(daysBetween(honolulu.today, tonga.today)).toBe(1);

    expect(tonga.s.milestones.map((m) => m.daysOverdue)).toEqual([7, 1, 0]);
    expect(honolulu.s.milestones.map((m) => m.daysOverdue)).toEqual([6, 0, 0]);
    expect(tonga.s.daysWithoutBuyerActivity).toBe(14);
    expect(honolulu.s.daysWithoutBuyerActivity).toBe(13);
    expect(tonga.s.planStatus).toBe("STALLED");
    expect(honolulu.s.planStatus).toBe("AT_RISK");
    expect(tonga.s.projectedCloseDate).toBe("2026-12-17");
    expect(honolulu.s.projectedCloseDate).toBe("2026-12-16");
    expect(tonga.s.health.reasons).toContain("“Security review” is 7 days overdue (buyer)");
    expect(tonga.s.health.reasons).toContain("“Legal redlines” is 1 day overdue (joint)");
    expect(honolulu.s.health.reasons).toContain("“Security review” is 6 days overdue (buyer)");
    expect(honolulu.s.health.reasons.join()).not.toContain("Legal redlines");
    // Health (docs/signals.md, example 3): Tonga 100 − 30 (0 of 2 due on time) − 8 (5 + 3 overdue) − 15 (silence 14) − 5 (projected Dec 17) = 42;
    // Honolulu 100 − 30 (0 of 1: the joint step due today is not due yet) − 5 (6 days overdue) − 7 (silence 13) − 5 (projected Dec 16) = 53.
    expect([tonga.s.health.score, tonga.s.health.label]).toEqual([42, "STALLED"]);
    expect([honolulu.s.health.score, honolulu.s.health.label]).toEqual([53, "AT_RISK"]);
    expect(tonga.s.forecast.derived).toBe("PIPELINE"); // 14 days of silence
    expect(honolulu.s.forecast.derived).toBe("BEST_CASE");
    expect(honolulu.s.forecast.reasons).toContain("Not Commit: 1 buyer or joint milestone due so far not done and confirmed by the buyer");
    expect(tonga.s.forecast.reasons).toContain("Not Best Case: no buyer activity for 14 days");
  });
});
