// Properties of the signals engine over generated, valid snapshots: the rules of docs/product.md
// ("Health must agree with the plan" first) must hold for every plan, not only the examples.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayNumber, formatCalendarDate } from "./dates";
import {
  deriveDealSignals,
  FORECAST_RANK,
  HEALTH_LABEL_RANK,
  THRESHOLDS,
  type DealSignals,
  type DealSnapshot,
  type ForecastCategory,
  type HealthLabel,
} from "./signals";
import { stakeholderMap, STAKEHOLDER_ROLES, STRENGTHS, STRENGTH_RANK } from "./stakeholders";

type Milestone = DealSnapshot["milestones"][number];
type Participant = DealSnapshot["participants"][number];

const signalOf = (s: DealSignals, id: string) => {
  const m = s.milestones.find((x) => x.id === id);
  if (!m) throw new Error(`no milestone ${id}`);
  return m;
};
const BASE = "2026-06-01";
const RUNS = { numRuns: 200 };
const STATUS_RANK = { ON_TRACK: 0, AT_RISK: 1, STALLED: 2 } as const;
const ROLES: Array<Participant["role"]> = [
  "ECONOMIC_BUYER",
  "CHAMPION",
  "TECHNICAL_EVALUATOR",
  "USER_CHAMPION",
  "PROCUREMENT",
  "EXECUTIVE_SPONSOR",
  "LEGAL",
  "OTHER",
  null,
];
const CATEGORIES: ForecastCategory[] = ["OMITTED", "PIPELINE", "BEST_CASE", "COMMIT", "CLOSED"];

/**
 * A milestone dated around `today` (day offset from BASE); done ones were completed on or before today.
 * `tidy` milestones are mostly on their original date, and mostly done and confirmed once due.
 */
const arbMilestone = (todayOff: number, tidy: boolean) =>
  fc
    .record({
      ownerSide: fc.constantFrom("BUYER", "SELLER", "JOINT"),
      originalOff: tidy ? fc.integer({ min: todayOff - 60, max: todayOff + 80 }) : fc.integer({ min: -60, max: 150 }),
      shift: tidy ? fc.constantFrom(0, 0, 0, 0, 0, 4, -3) : fc.integer({ min: -10, max: 40 }),
      status: fc.constantFrom("NOT_STARTED", "IN_PROGRESS", "DONE", "BLOCKED"),
      completedBack: fc.integer({ min: 0, max: 90 }),
      buyerConfirmed: fc.boolean(),
      markedDoneBySide: fc.constantFrom("BUYER", "SELLER", null, undefined),
      gatesStage: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
      internalOnly: fc.boolean(),
      titled: fc.boolean(),
      keptUp: fc.constantFrom(true, true, true, true, false),
    })
    .map((r): Omit<Milestone, "id"> => {
      const targetOff = r.originalOff + r.shift;
      const m: Omit<Milestone, "id"> = {
        ownerSide: r.ownerSide,
        originalTargetDate: addDays(BASE, r.originalOff),
        targetDate: addDays(BASE, targetOff),
        redateCount: r.shift === 0 ? 0 : 1,
        status: r.status,
        completedOn: r.status === "DONE" ? addDays(BASE, todayOff - r.completedBack) : null,
        buyerConfirmed: r.buyerConfirmed,
        gatesStage: r.gatesStage,
        internalOnly: r.internalOnly,
        ...(r.titled ? { title: "Step" } : {}),
        ...(r.markedDoneBySide === undefined ? {} : { markedDoneBySide: r.markedDoneBySide }),
      };
      if (tidy && r.keptUp && targetOff <= todayOff)
        return { ...m, status: "DONE", completedOn: addDays(BASE, targetOff - (r.completedBack % 3)), buyerConfirmed: true };
      return m;
    });

const withIds = (ms: Array<Omit<Milestone, "id">>): Milestone[] => ms.map((m, i) => ({ ...m, id: `g${i}` }) as Milestone);

const arbParticipant = fc.record({
  side: fc.constantFrom("BUYER", "BUYER", "SELLER"),
  role: fc.constantFrom(...ROLES),
  status: fc.constantFrom("INVITED", "ACTIVE", "ACTIVE", "REVOKED"),
  lastBack: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
});

/**
 * A valid snapshot and its today. Anything goes when `tidy` is false; a tidy deal is open, shared or
 * accepted, recently active, with its economic buyer and champion usually active, so that Best Case
 * and Commit are generated often enough to check their conditions.
 */
const arbCaseOf = (tidy: boolean) =>
  fc.integer({ min: 0, max: 150 }).chain((todayOff) => {
    const day = (back: number) => addDays(BASE, todayOff - back);
    return fc
      .record({
        stage: fc.integer({ min: 1, max: 6 }),
        amount: fc.constantFrom(10_000, 40_000, 40_001, 120_000),
        stakeholders: fc
          .subarray([...STAKEHOLDER_ROLES])
          .chain((roles) => fc.tuple(...roles.map((role) => fc.constantFrom(...STRENGTHS).map((strength) => ({ role, strength }))))),
        closeOff: tidy ? fc.integer({ min: todayOff + 5, max: todayOff + 90 }) : fc.integer({ min: -40, max: 220 }),
        rep: fc.constantFrom(...CATEGORIES),
        outcome: tidy ? fc.constant("OPEN" as const) : fc.constantFrom("OPEN", "OPEN", "OPEN", "WON", "LOST"),
        meddpicc: fc.option(tidy ? fc.integer({ min: 11, max: 16 }) : fc.integer({ min: 0, max: 16 }), { nil: null }),
        fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
        plan: tidy
          ? fc.record({
              status: fc.constantFrom("SHARED", "ACCEPTED", "ACCEPTED"),
              sharedBack: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null, freq: 20 }),
            })
          : fc.option(
              fc.record({ status: fc.constantFrom("DRAFT", "SHARED", "ACCEPTED"), sharedBack: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }) }),
              { nil: null, freq: 6 },
            ),
        milestones: fc.array(arbMilestone(todayOff, tidy), { maxLength: 12 }),
        keyRoles: tidy
          ? fc.subarray(["ECONOMIC_BUYER", "CHAMPION"] as const, { minLength: 0, maxLength: 2 })
          : fc.constant([] as Array<"ECONOMIC_BUYER" | "CHAMPION">),
        participants: fc.array(arbParticipant, { maxLength: 8 }),
        lastBuyerBack: fc.option(fc.integer({ min: 0, max: tidy ? 20 : 60 }), { nil: null }),
      })
      .map((r) => {
        const snap: DealSnapshot = {
          deal: {
            amount: r.amount,
            stage: r.stage,
            targetCloseDate: addDays(BASE, r.closeOff),
            repForecastCategory: r.rep,
            outcome: r.outcome,
            meddpiccTotal: r.meddpicc,
          },
          org: { timezone: "UTC", fiscalYearStartMonth: r.fiscalYearStartMonth },
          plan:
            r.plan === null
              ? null
              : { status: r.plan.status, sharedOn: r.plan.status === "DRAFT" || r.plan.sharedBack === null ? null : day(r.plan.sharedBack) },
          milestones: withIds(r.milestones),
          participants: [
            ...r.keyRoles.map((role): Participant => ({ side: "BUYER", role, status: "ACTIVE", lastActiveOn: day(0) })),
            ...r.participants.map((p): Participant => ({
              side: p.side,
              role: p.side === "SELLER" ? null : p.role,
              status: p.status,
              lastActiveOn: p.lastBack === null ? null : day(p.lastBack),
            })),
          ],
          lastBuyerActivityOn: r.lastBuyerBack === null ? null : day(r.lastBuyerBack),
          stakeholders: r.stakeholders,
        };
        return { snap, today: day(0) };
      });
  });

const arbCase = fc.oneof(arbCaseOf(false), arbCaseOf(true));

/** A buyer or joint step, due so far, marked done by the seller and not confirmed. */
const arbSellerMarkedDueBuyerStep = (today: string) =>
  fc
    .record({
      ownerSide: fc.constantFrom("BUYER", "JOINT"),
      dueBack: fc.integer({ min: 0, max: 60 }),
      slip: fc.integer({ min: 0, max: 20 }),
      completedBack: fc.integer({ min: 0, max: 70 }),
      by: fc.constantFrom("SELLER", null, undefined),
      gatesStage: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    })
    .map((r): Milestone => ({
      id: "subject",
      title: "Subject",
      ownerSide: r.ownerSide,
      originalTargetDate: addDays(today, -r.dueBack - r.slip),
      targetDate: addDays(today, -r.dueBack),
      redateCount: r.slip > 0 ? 1 : 0,
      status: "DONE",
      completedOn: addDays(today, -r.completedBack),
      buyerConfirmed: false,
      gatesStage: r.gatesStage,
      internalOnly: false,
      ...(r.by === undefined ? {} : { markedDoneBySide: r.by }),
    }));

const arbConfirmCase = arbCase.chain(({ snap, today }) =>
  fc.record({ subject: arbSellerMarkedDueBuyerStep(today), at: fc.nat({ max: snap.milestones.length }) }).map(({ subject, at }) => {
    const milestones = [...snap.milestones];
    milestones.splice(at, 0, subject);
    return { snap: { ...snap, milestones }, today };
  }),
);

const confirm = (snap: DealSnapshot): DealSnapshot => ({
  ...snap,
  milestones: snap.milestones.map((m) => (m.id === "subject" ? { ...m, buyerConfirmed: true } : m)),
});

function expectNoWorse(before: DealSignals, after: DealSignals) {
  expect(after.health.score).toBeGreaterThanOrEqual(before.health.score);
  if (before.planStatus === null) expect(after.planStatus).toBeNull();
  else expect(STATUS_RANK[after.planStatus!]).toBeLessThanOrEqual(STATUS_RANK[before.planStatus]);
  expect(FORECAST_RANK[after.forecast.derived]).toBeGreaterThanOrEqual(FORECAST_RANK[before.forecast.derived]);
}

describe("properties", () => {
  it("confirming a due buyer step the seller marked done never lowers the score, nor worsens the plan status or the derived category", () => {
    fc.assert(
      fc.property(arbConfirmCase, ({ snap, today }) => {
        const before = deriveDealSignals(snap, today);
        const after = deriveDealSignals(confirm(snap), today);
        expect(signalOf(before, "subject").countsAsDone).toBe(false);
        expect(signalOf(after, "subject").countsAsDone).toBe(true);
        expectNoWorse(before, after);
        // The confirmation is itself buyer activity today: still no worse.
        expectNoWorse(before, deriveDealSignals({ ...confirm(snap), lastBuyerActivityOn: today }, today));
      }),
      RUNS,
    );
  });

  it("re-dating a milestone later never reduces its days slipped nor the plan's total", () => {
    fc.assert(
      fc.property(
        arbCase.filter(({ snap }) => snap.milestones.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 60 }),
        ({ snap, today }, pick, later) => {
          const i = pick % snap.milestones.length;
          const moved = {
            ...snap,
            milestones: snap.milestones.map((m, j) => (j === i ? { ...m, targetDate: addDays(m.targetDate, later), redateCount: m.redateCount + 1 } : m)),
          };
          const before = deriveDealSignals(snap, today);
          const after = deriveDealSignals(moved, today);
          expect(after.milestones[i].daysSlipped).toBeGreaterThanOrEqual(before.milestones[i].daysSlipped);
          expect(after.totalDaysSlipped).toBeGreaterThanOrEqual(before.totalDaysSlipped);
          expect(after.slippedCount).toBeGreaterThanOrEqual(before.slippedCount);
        },
      ),
      RUNS,
    );
  });

  it("a won deal is always Closed, a lost deal always Omitted", () => {
    fc.assert(
      fc.property(arbCase, ({ snap, today }) => {
        expect(deriveDealSignals({ ...snap, deal: { ...snap.deal, outcome: "WON" } }, today).forecast.derived).toBe("CLOSED");
        expect(deriveDealSignals({ ...snap, deal: { ...snap.deal, outcome: "LOST" } }, today).forecast.derived).toBe("OMITTED");
      }),
      RUNS,
    );
  });

  it("Commit only on an accepted plan; Best Case or Commit only on a shared or accepted plan; each with its spec conditions", () => {
    fc.assert(
      fc.property(arbCase, ({ snap, today }) => {
        const s = deriveDealSignals(snap, today);
        const { derived } = s.forecast;
        if (derived === "COMMIT") {
          expect(snap.plan?.status).toBe("ACCEPTED");
          // product.md's Commit list, checked from the snapshot
          const buyerDueNotDone = snap.milestones.filter((m, i) => m.ownerSide !== "SELLER" && m.targetDate < today && !s.milestones[i].countsAsDone);
          expect(buyerDueNotDone).toEqual([]);
          expect(s.slippedCount).toBeLessThanOrEqual(1);
          expect(snap.participants.some((p) => p.side === "BUYER" && p.role === "ECONOMIC_BUYER" && p.status === "ACTIVE")).toBe(true);
          if (snap.deal.meddpiccTotal !== null) expect(snap.deal.meddpiccTotal).toBeGreaterThanOrEqual(14);
        }
        if (derived === "COMMIT" || derived === "BEST_CASE") {
          expect(["SHARED", "ACCEPTED"]).toContain(snap.plan?.status);
          expect(snap.deal.outcome).toBe("OPEN");
          expect(s.daysWithoutBuyerActivity ?? 0).toBeLessThan(14);
          expect(s.projectedOutsideQuarter).toBe(false);
        }
        if (snap.deal.outcome === "OPEN" && derived === "OMITTED") expect(s.daysWithoutBuyerActivity).toBeGreaterThanOrEqual(30);
      }),
      RUNS,
    );
  });

  it("no step that counts as done is overdue; with any step open, the projected close is never before today and carries the lateness forward", () => {
    fc.assert(
      fc.property(arbCase, ({ snap, today }) => {
        const s = deriveDealSignals(snap, today);
        for (const m of s.milestones) if (m.countsAsDone) expect(m.daysOverdue).toBe(0);
        const open = s.milestones.filter((m) => !m.countsAsDone);
        if (open.length > 0) {
          expect(s.projectedCloseDate).not.toBeNull();
          expect(dayNumber(s.projectedCloseDate!)).toBeGreaterThanOrEqual(dayNumber(today));
          const behind = Math.max(...open.map((m) => m.daysOverdue));
          for (const m of open) expect(dayNumber(s.projectedCloseDate!)).toBeGreaterThanOrEqual(dayNumber(m.targetDate) + behind);
        }
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// docs/product.md, "Health must agree with the plan": one property per rule.
// ---------------------------------------------------------------------------------------------

const MANY = { numRuns: 500 };
const LABEL_RANK = HEALTH_LABEL_RANK;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const isShared = (snap: DealSnapshot) => snap.plan !== null && snap.plan.status !== "DRAFT";

/** A case with an open milestone that is not overdue (due today or later), and how far to move it. */
const arbMoveCase = arbCase
  .filter(({ snap, today }) => {
    const s = deriveDealSignals(snap, today);
    return s.milestones.some((m) => !m.countsAsDone && m.daysOverdue === 0);
  })
  .chain(({ snap, today }) => {
    const s = deriveDealSignals(snap, today);
    const movable = s.milestones.flatMap((m, i) => (!m.countsAsDone && m.daysOverdue === 0 ? [i] : []));
    return fc.record({ at: fc.constantFrom(...movable), later: fc.integer({ min: 1, max: 120 }) }).map(({ at, later }) => ({ snap, today, at, later }));
  });

function moved(snap: DealSnapshot, at: number, later: number, originalToo: boolean): DealSnapshot {
  const milestones = snap.milestones.map((m, i) =>
    i === at
      ? {
          ...m,
          targetDate: addDays(m.targetDate, later),
          originalTargetDate: originalToo ? addDays(m.originalTargetDate, later) : m.originalTargetDate,
          redateCount: m.redateCount + 1,
        }
      : m,
  );
  return { ...snap, milestones };
}

function expectNotBetter(before: DealSignals, after: DealSignals) {
  expect(after.health.score).toBeLessThanOrEqual(before.health.score);
  expect(LABEL_RANK[after.health.label]).toBeLessThanOrEqual(LABEL_RANK[before.health.label]);
  expect(FORECAST_RANK[after.forecast.derived]).toBeLessThanOrEqual(FORECAST_RANK[before.forecast.derived]);
}

describe("health agrees with the plan", () => {
  it("the deductions add up to 100 minus the score; reasons are the deductions' reasons, then the notes", () => {
    fc.assert(
      fc.property(arbCase, ({ snap, today }) => {
        const { health } = deriveDealSignals(snap, today);
        expect(Number.isInteger(health.score)).toBe(true);
        expect(health.score).toBeGreaterThanOrEqual(0);
        expect(health.score).toBeLessThanOrEqual(100);
        for (const d of health.deductions) expect(Number.isInteger(d.points) && d.points > 0).toBe(true);
        expect(health.deductions.reduce((sum, d) => sum + d.points, 0)).toBe(100 - health.score);
        expect(health.reasons).toEqual([...health.deductions.map((d) => d.reason), ...health.notes]);
        expect(health.reasons.length).toBeGreaterThan(0);
      }),
      MANY,
    );
  });

  it("setting a buying role stronger on the stakeholder map never lowers the score nor worsens the label", () => {
    fc.assert(
      fc.property(arbCase, fc.constantFrom(...STAKEHOLDER_ROLES), fc.constantFrom(...STRENGTHS), ({ snap, today }, role, stronger) => {
        const before = deriveDealSignals(snap, today);
        // The role's strength as the map reads it now: the rep's, or the suggestion from engagement.
        const current = stakeholderMap(snap, today).cells.find((c) => c.role === role)!.strength;
        if (STRENGTH_RANK[stronger] < STRENGTH_RANK[current]) return;
        const stakeholders = [...(snap.stakeholders ?? []).filter((r) => r.role !== role), { role, strength: stronger }];
        const after = deriveDealSignals({ ...snap, stakeholders }, today);
        expect(after.health.score).toBeGreaterThanOrEqual(before.health.score);
        expect(HEALTH_LABEL_RANK[after.health.label]).toBeGreaterThanOrEqual(HEALTH_LABEL_RANK[before.health.label]);
      }),
      MANY,
    );
  });

  it("moving an open milestone that is not overdue to a later date never raises the score, the label or the derived category", () => {
    fc.assert(
      fc.property(arbMoveCase, ({ snap, today, at, later }) => {
        const before = deriveDealSignals(snap, today);
        expectNotBetter(before, deriveDealSignals(moved(snap, at, later, false), today));
        // While a plan is a draft its original dates follow the current ones.
        expectNotBetter(before, deriveDealSignals(moved(snap, at, later, true), today));
      }),
      MANY,
    );
  });

  it("a projected close after the target close date costs points, with a reason naming both dates; after the quarter end the label is at best at risk", () => {
    fc.assert(
      fc.property(arbCase, ({ snap, today }) => {
        const s = deriveDealSignals(snap, today);
        if (snap.deal.outcome !== "OPEN" || !s.projectedAfterTarget) return;
        const projected = formatCalendarDate(s.projectedCloseDate!);
        const target = formatCalendarDate(snap.deal.targetCloseDate);
        const late = s.health.reasons.filter((r) => r.includes(projected) && r.includes(target));
        expect(late).toHaveLength(1);
        // Only a score already at 0 leaves it as a note, at no cost.
        if (s.health.score > 0) expect(s.health.deductions.map((d) => d.reason)).toContain(late[0]);
        if (s.projectedOutsideQuarter) {
          expect(s.health.label).not.toBe("HEALTHY");
          expect(late[0]).toContain(`after the end of ${s.closeQuarter.label} on ${formatCalendarDate(s.closeQuarter.end)}`);
        }
      }),
      MANY,
    );
  });

  it("on an open deal with a shared or accepted plan, Healthy means the plan supports at least Best Case", () => {
    fc.assert(
      fc.property(arbCase, ({ snap, today }) => {
        const s = deriveDealSignals(snap, today);
        if (snap.deal.outcome === "OPEN" && isShared(snap) && s.health.label === "HEALTHY") {
          expect(FORECAST_RANK[s.forecast.derived]).toBeGreaterThanOrEqual(FORECAST_RANK.BEST_CASE);
        }
      }),
      MANY,
    );
  });

  it("for the same deal and facts: no plan ≤ draft ≤ shared (on the day it is shared) ≤ accepted, in score and label", () => {
    fc.assert(
      fc.property(arbCase, ({ snap, today }) => {
        const ladder = [null, { status: "DRAFT", sharedOn: null }, { status: "SHARED", sharedOn: today }, { status: "ACCEPTED", sharedOn: today }] as const;
        const health = ladder.map((plan) => deriveDealSignals({ ...snap, plan }, today).health);
        for (let i = 1; i < health.length; i++) {
          expect(health[i].score).toBeGreaterThanOrEqual(health[i - 1].score);
          expect(LABEL_RANK[health[i].label]).toBeGreaterThanOrEqual(LABEL_RANK[health[i - 1].label]);
        }
      }),
      MANY,
    );
  });

  it("the label is the worst of its limits: the plan status (or the same overdue thresholds before sharing), the score, the projection, the category", () => {
    fc.assert(
      fc.property(arbCase, ({ snap, today }) => {
        const s = deriveDealSignals(snap, today);
        if (!isShared(snap)) expect(s.planStatus).toBeNull();
        const behind = Math.max(0, ...s.milestones.map((m) => m.daysOverdue));
        const status = s.planStatus ?? (behind >= THRESHOLDS.stalledOverdueDays ? "STALLED" : behind >= THRESHOLDS.atRiskOverdueDays ? "AT_RISK" : "ON_TRACK");
        const limits: HealthLabel[] = [status === "ON_TRACK" ? "HEALTHY" : status];
        if (s.health.score < THRESHOLDS.atRiskScore) limits.push("AT_RISK");
        if (snap.deal.outcome === "OPEN") {
          if (s.projectedOutsideQuarter || s.projectedCloseDate === null) limits.push("AT_RISK");
          if (isShared(snap) && FORECAST_RANK[s.forecast.derived] < FORECAST_RANK.BEST_CASE) limits.push("AT_RISK");
        }
        expect(s.health.label).toBe(limits.reduce((a, b) => (LABEL_RANK[a] <= LABEL_RANK[b] ? a : b)));
      }),
      MANY,
    );
  });

  it("no reason shows a raw calendar date", () => {
    fc.assert(
      fc.property(arbCase, ({ snap, today }) => {
        const s = deriveDealSignals(snap, today);
        for (const r of [...s.health.reasons, ...s.forecast.reasons, ...s.stagePush.reasons]) expect(r).not.toMatch(ISO_DATE);
      }),
      RUNS,
    );
  });
});
