// The signals engine against docs/product.md ("The core rule", "Slippage", "Deal health", "Forecast
// category (derived)", "MEDDPICC", "Stages and exit criteria", "Default template"), table by table.
// The two worked examples of docs/signals.md are the first describe block: change a number there,
// change it here. Properties over generated plans are in signals.properties.test.ts.
import { afterEach, describe, expect, it } from "vitest";
import { addDays, daysBetween, organizationToday } from "./dates";
import { DEFAULT_TEMPLATE_STEPS } from "./default-template";
import { deriveDealSignals, FORECAST_RANK, type DealSignals, type DealSnapshot, type ForecastCategory } from "./signals";

// ---------------------------------------------------------------------------------------------
// Builders: a default snapshot is a healthy Commit deal; each case overrides what it is about.
// ---------------------------------------------------------------------------------------------

type Milestone = DealSnapshot["milestones"][number];
type Participant = DealSnapshot["participants"][number];
type BuyingRole = NonNullable<Participant["role"]>;
type Plan = NonNullable<DealSnapshot["plan"]>;

const TODAY = "2026-11-20"; // a Friday; the close quarter (calendar fiscal year) is Q4 FY2026, Oct 1 – Dec 31
const ago = (days: number, from = TODAY) => addDays(from, -days);
const ahead = (days: number, from = TODAY) => addDays(from, days);

let nextId = 0;
function milestone(o: Partial<Milestone> = {}): Milestone {
  const targetDate = o.targetDate ?? ahead(10);
  return {
    id: `x${++nextId}`,
    ownerSide: "SELLER",
    originalTargetDate: targetDate,
    targetDate,
    redateCount: 0,
    status: "NOT_STARTED",
    completedOn: null,
    buyerConfirmed: false,
    gatesStage: null,
    internalOnly: false,
    ...o,
  };
}

/** Marked done (by the seller unless markedDoneBySide says otherwise), completed on its target date by default. */
function done(o: Partial<Milestone> = {}): Milestone {
  const m = milestone(o);
  return { ...m, status: "DONE", completedOn: o.completedOn ?? m.targetDate };
}

function buyer(role: BuyingRole | null, status: Participant["status"] = "ACTIVE"): Participant {
  return { side: "BUYER", role, status, lastActiveOn: status === "ACTIVE" ? TODAY : null };
}
const rep = (): Participant => ({ side: "SELLER", role: null, status: "ACTIVE", lastActiveOn: TODAY });

/** Six active buyers (more than 5 is healthy), the economic buyer and the champion among them, and the rep. */
const sixBuyers = (): Participant[] => [
  buyer("ECONOMIC_BUYER"),
  buyer("CHAMPION"),
  buyer("TECHNICAL_EVALUATOR"),
  buyer("PROCUREMENT"),
  buyer("LEGAL"),
  buyer("EXECUTIVE_SPONSOR"),
  rep(),
];

const accepted = (sharedOn: string | null = "2026-10-01"): Plan => ({ status: "ACCEPTED", sharedOn });
const shared = (sharedOn: string | null = "2026-10-01"): Plan => ({ status: "SHARED", sharedOn });
const draft = (): Plan => ({ status: "DRAFT", sharedOn: null });

/** Six steps: two due so far and done on time (a buyer step marked by the buyer), four ahead. */
const baseMilestones = (): Milestone[] => [
  done({
    id: "m1",
    title: "Business case shared with finance",
    ownerSide: "BUYER",
    targetDate: "2026-11-02",
    completedOn: "2026-11-01",
    markedDoneBySide: "BUYER",
    gatesStage: 3,
  }),
  done({ id: "m2", title: "Discovery recap sent", ownerSide: "SELLER", targetDate: "2026-11-09", completedOn: "2026-11-09" }),
  milestone({ id: "m3", title: "Technical evaluation complete", ownerSide: "JOINT", targetDate: "2026-11-25" }),
  milestone({ id: "m4", title: "Security review submitted", ownerSide: "BUYER", targetDate: "2026-11-30" }),
  milestone({ id: "m5", title: "Proposal delivered", ownerSide: "SELLER", targetDate: "2026-12-04" }),
  milestone({ id: "m6", title: "Countersignature", ownerSide: "BUYER", targetDate: "2026-12-10" }),
];

interface Overrides {
  deal?: Partial<DealSnapshot["deal"]>;
  org?: Partial<DealSnapshot["org"]>;
  plan?: DealSnapshot["plan"];
  milestones?: Milestone[];
  participants?: Participant[];
  lastBuyerActivityOn?: string | null;
}

function snapshot(o: Overrides = {}): DealSnapshot {
  return {
    // 40,000 is not above the stakeholder map's high-risk amount: each table row below tests its own deduction.
    deal: { amount: 40_000, stage: 3, targetCloseDate: "2026-12-15", repForecastCategory: "COMMIT", outcome: "OPEN", meddpiccTotal: null, ...o.deal },
    org: { timezone: "UTC", fiscalYearStartMonth: 1, ...o.org },
    plan: o.plan === undefined ? accepted() : o.plan,
    milestones: o.milestones ?? baseMilestones(),
    participants: o.participants ?? sixBuyers(),
    lastBuyerActivityOn: o.lastBuyerActivityOn === undefined ? TODAY : o.lastBuyerActivityOn,
  };
}

/** The base milestones with one of them changed. */
function edit(id: string, o: Partial<Milestone>, ms: Milestone[] = baseMilestones()): Milestone[] {
  return ms.map((m) => (m.id === id ? { ...m, ...o } : m));
}

const run = (o: Overrides = {}, today = TODAY) => deriveDealSignals(snapshot(o), today);
const signalOf = (s: DealSignals, id: string) => {
  const m = s.milestones.find((x) => x.id === id);
  if (!m) throw new Error(`no milestone ${id}`);
  return m;
};

/** The template as a plan that started on `start`: ids t1..t8, every step on its original date. */
function templatePlan(start: string): Milestone[] {
  return DEFAULT_TEMPLATE_STEPS.map((step, i) =>
    milestone({ id: `t${i + 1}`, title: step.title, ownerSide: step.ownerSide, targetDate: addDays(start, step.dayOffset), gatesStage: step.gatesStage }),
  );
}

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
