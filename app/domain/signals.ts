// The one engine behind every derived figure: slippage, plan status, health, the derived forecast
// category and stage-push, from a plain snapshot of one deal and "today" (the organization's
// calendar date). Pure: no I/O, no clock, no timezone. Rules: ../shared/docs/product.md; the
// choices it leaves open (weights, tie-breaks) are written down with examples in docs/signals.md.
import { dayNumber, fromDayNumber } from "./dates";
import { fiscalQuarterOf } from "./fiscal";
import { overdueDays, slippedDays } from "./slippage";

export type CalendarDate = string; // 'YYYY-MM-DD'
export type ForecastCategory = "OMITTED" | "PIPELINE" | "BEST_CASE" | "COMMIT" | "CLOSED";

export interface DealSnapshot {
  deal: {
    amount: number;
    stage: number; // 1..6
    targetCloseDate: CalendarDate;
    repForecastCategory: ForecastCategory;
    outcome: "OPEN" | "WON" | "LOST";
    meddpiccTotal: number | null; // 0..16
  };
  org: { timezone: string; fiscalYearStartMonth: number /* 1..12 */ };
  plan: null | { status: "DRAFT" | "SHARED" | "ACCEPTED"; sharedOn: CalendarDate | null };
  milestones: Array<{
    id: string;
    ownerSide: "BUYER" | "SELLER" | "JOINT";
    originalTargetDate: CalendarDate;
    targetDate: CalendarDate;
    redateCount: number;
    status: "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "BLOCKED";
    completedOn: CalendarDate | null;
    buyerConfirmed: boolean;
    gatesStage: number | null;
    internalOnly: boolean;
    /** Optional: names make reasons readable ("Security review is 9 days overdue"). */
    title?: string;
    /** Optional: who marked it done; a buyer's own mark needs no confirmation. Default: SELLER. */
    markedDoneBySide?: "BUYER" | "SELLER" | null;
  }>;
  participants: Array<{
    side: "BUYER" | "SELLER";
    role: "ECONOMIC_BUYER" | "CHAMPION" | "TECHNICAL_EVALUATOR" | "USER_CHAMPION" | "PROCUREMENT" | "EXECUTIVE_SPONSOR" | "LEGAL" | "OTHER" | null;
    status: "INVITED" | "ACTIVE" | "REVOKED";
    lastActiveOn: CalendarDate | null;
  }>;
  lastBuyerActivityOn: CalendarDate | null;
}

export type PlanStatus = "ON_TRACK" | "AT_RISK" | "STALLED";

export interface MilestoneSignal {
  id: string;
  originalTargetDate: CalendarDate;
  targetDate: CalendarDate;
  redateCount: number;
  /** Current minus original target date, when positive; else 0. */
  daysSlipped: number;
  /** Today minus target date while the step does not count as done; else 0. */
  daysOverdue: number;
  /** The core rule: buyer and joint steps count only when a buyer marked or confirmed them. */
  countsAsDone: boolean;
  buyerConfirmed: boolean;
  /** A seller marked a buyer or joint step done and no buyer has confirmed it yet. */
  awaitingBuyerConfirmation: boolean;
}

export interface DealSignals {
  milestones: MilestoneSignal[];
  /** null while there is no shared or accepted plan. */
  planStatus: PlanStatus | null;
  slippedCount: number;
  totalDaysSlipped: number;
  projectedCloseDate: CalendarDate | null;
  projectedAfterTarget: boolean;
  projectedOutsideQuarter: boolean;
  /** The fiscal quarter that contains the deal's target close date. */
  closeQuarter: { start: CalendarDate; end: CalendarDate; label: string };
  /** Seed rule: two or more slipped milestones means the deal will likely push to the next quarter. */
  likelyToPush: boolean;
  /** Days since the later of the last buyer action and the day the plan was shared; null without a shared plan. */
  daysWithoutBuyerActivity: number | null;
  activeBuyerCount: number;
  onTimeRate: number | null;
  health: { score: number; label: "HEALTHY" | "AT_RISK" | "STALLED"; reasons: string[] };
  forecast: { derived: ForecastCategory; rep: ForecastCategory; overCalled: boolean; underCalled: boolean; reasons: string[] };
  stagePush: { pushed: boolean; missingMilestoneIds: string[]; reasons: string[] };
  planSizeWarning: "TOO_FEW" | "TOO_MANY" | null;
  /** Seed threshold: a deal at stage 4 or later needs a MEDDPICC of 12 (only where a score is recorded). */
  meddpiccBelowStageThreshold: boolean;
}

/** Omitted < Pipeline < Best Case < Commit < Closed. */
export const FORECAST_RANK: Record<ForecastCategory, number> = { OMITTED: 0, PIPELINE: 1, BEST_CASE: 2, COMMIT: 3, CLOSED: 4 };

const LABEL: Record<ForecastCategory, string> = { OMITTED: "Omitted", PIPELINE: "Pipeline", BEST_CASE: "Best Case", COMMIT: "Commit", CLOSED: "Closed" };

export const THRESHOLDS = {
  atRiskOverdueDays: 1,
  stalledOverdueDays: 7,
  stalledSilenceDays: 14,
  omittedSilenceDays: 30,
  commitMeddpicc: 14,
  stage4Meddpicc: 12,
  maxSlippedForCommit: 1,
  minActiveBuyers: 3,
  healthyActiveBuyers: 6,
  silentSlipOnTimeRate: 0.7,
  atRiskScore: 60,
  planTooFew: 6,
  planTooMany: 20,
} as const;

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function nameOf(m: { title?: string; id: string }) {
  return m.title ? `“${m.title}”` : `Milestone ${m.id}`;
}

const SIDE_WORD = { BUYER: "buyer", SELLER: "seller", JOINT: "joint" } as const;

export function deriveDealSignals(snapshot: DealSnapshot, today: CalendarDate): DealSignals {
  const todayN = dayNumber(today);
  const { deal, plan } = snapshot;
  const shared = plan !== null && plan.status !== "DRAFT";

  // Per milestone.
  const milestones: MilestoneSignal[] = [];
  let slippedCount = 0;
  let totalDaysSlipped = 0;
  let behind = 0;
  let openCount = 0;
  let latestOpenTarget = -Infinity;
  let latestCompletion = -Infinity;
  let dueCount = 0;
  let dueOnTime = 0;
  const overdueBuyerSteps: Array<{ m: DealSnapshot["milestones"][number]; days: number }> = [];
  const awaiting: string[] = [];
  let buyerDueNotDone = 0;

  for (const m of snapshot.milestones) {
    const target = dayNumber(m.targetDate);
    const daysSlipped = slippedDays(dayNumber(m.originalTargetDate), target);
    const markedDone = m.status === "DONE";
    const buyerStep = m.ownerSide !== "SELLER";
    const confirmed = m.buyerConfirmed || (m.markedDoneBySide ?? "SELLER") === "BUYER";
    const countsAsDone = markedDone && (!buyerStep || confirmed);
    const awaitingBuyerConfirmation = markedDone && buyerStep && !confirmed;
    const daysOverdue = overdueDays(target, todayN, countsAsDone);

    milestones.push({
      id: m.id,
      originalTargetDate: m.originalTargetDate,
      targetDate: m.targetDate,
      redateCount: m.redateCount,
      daysSlipped,
      daysOverdue,
      countsAsDone,
      buyerConfirmed: m.buyerConfirmed,
      awaitingBuyerConfirmation,
    });

    if (daysSlipped > 0) {
      slippedCount++;
      totalDaysSlipped += daysSlipped;
    }
    if (countsAsDone) {
      if (m.completedOn) latestCompletion = Math.max(latestCompletion, dayNumber(m.completedOn));
    } else {
      openCount++;
      behind = Math.max(behind, daysOverdue);
      latestOpenTarget = Math.max(latestOpenTarget, target);
    }
    if (awaitingBuyerConfirmation) awaiting.push(nameOf(m));
    // "Due so far": target date on or before today.
    if (target <= todayN) {
      dueCount++;
      if (countsAsDone && m.completedOn && dayNumber(m.completedOn) <= target) dueOnTime++;
      if (buyerStep && !countsAsDone) buyerDueNotDone++;
    }
    if (buyerStep && daysOverdue > 0) overdueBuyerSteps.push({ m, days: daysOverdue });
  }

  // Projected close: observed lateness carried forward, never before today.
  let projectedCloseDate: CalendarDate | null = null;
  if (openCount > 0) projectedCloseDate = fromDayNumber(Math.max(latestOpenTarget + behind, todayN));
  else if (latestCompletion > -Infinity) projectedCloseDate = fromDayNumber(latestCompletion);
  const closeQuarter = fiscalQuarterOf(deal.targetCloseDate, snapshot.org.fiscalYearStartMonth);
  const projectedAfterTarget = projectedCloseDate !== null && projectedCloseDate > deal.targetCloseDate;
  const projectedOutsideQuarter = projectedCloseDate !== null && projectedCloseDate > closeQuarter.end;

  // Silence: from the later of the last buyer action and the day the plan was shared.
  let daysWithoutBuyerActivity: number | null = null;
  if (shared) {
    const from = Math.max(
      snapshot.lastBuyerActivityOn ? dayNumber(snapshot.lastBuyerActivityOn) : -Infinity,
      plan.sharedOn ? dayNumber(plan.sharedOn) : -Infinity,
    );
    daysWithoutBuyerActivity = from === -Infinity ? null : Math.max(0, todayN - from);
  }

  // The most overdue open milestone: the same figure as `behind`.
  const maxOverdue = behind;
  let planStatus: PlanStatus | null = null;
  if (shared) {
    if (maxOverdue >= THRESHOLDS.stalledOverdueDays || (daysWithoutBuyerActivity ?? 0) >= THRESHOLDS.stalledSilenceDays) planStatus = "STALLED";
    else if (maxOverdue >= THRESHOLDS.atRiskOverdueDays) planStatus = "AT_RISK";
    else planStatus = "ON_TRACK";
  }

  const activeBuyers = snapshot.participants.filter((p) => p.side === "BUYER" && p.status === "ACTIVE");
  const activeBuyerCount = activeBuyers.length;
  const economicBuyerActive = activeBuyers.some((p) => p.role === "ECONOMIC_BUYER");
  const championActive = activeBuyers.some((p) => p.role === "CHAMPION");
  const economicBuyerOnPlan = snapshot.participants.some((p) => p.side === "BUYER" && p.role === "ECONOMIC_BUYER" && p.status !== "REVOKED");
  const championOnPlan = snapshot.participants.some((p) => p.side === "BUYER" && p.role === "CHAMPION" && p.status !== "REVOKED");
  const onTimeRate = dueCount > 0 ? dueOnTime / dueCount : null;
  const likelyToPush = slippedCount >= 2;

  // Health: 100 minus named deductions; every deduction carries its reason (docs/signals.md).
  const reasons: string[] = [];
  let score = 100;
  const deduct = (points: number, reason: string) => {
    if (points <= 0) return;
    score -= points;
    reasons.push(reason);
  };

  if (plan === null) deduct(30, "No mutual action plan yet");
  else if (plan.status === "DRAFT") deduct(20, "The plan has not been shared with the buyer");

  if (onTimeRate !== null) {
    const pct = Math.round(onTimeRate * 100);
    const lost = Math.round((1 - onTimeRate) * 30);
    if (onTimeRate < THRESHOLDS.silentSlipOnTimeRate) deduct(lost, `Only ${dueOnTime} of ${dueCount} milestones due so far were completed on time (${pct}%): the deal is slipping silently`);
    else deduct(lost, `${dueOnTime} of ${dueCount} milestones due so far were completed on time (${pct}%)`);
  }

  let overduePoints = 0;
  for (const { m, days } of overdueBuyerSteps.sort((a, b) => b.days - a.days)) {
    overduePoints += Math.min(10, 3 + Math.floor(days / 3));
    reasons.push(`${nameOf(m)} is ${plural(days, "day")} overdue (${SIDE_WORD[m.ownerSide]})`);
  }
  score -= Math.min(25, overduePoints);
  if (awaiting.length > 0) reasons.push(`Marked done by the seller, not yet confirmed by the buyer: ${awaiting.join(", ")}`);

  if (slippedCount > 0) {
    deduct(Math.min(12, 4 * slippedCount), `${plural(slippedCount, "milestone")} re-dated later, ${plural(totalDaysSlipped, "day")} slipped in all${likelyToPush ? ": the deal will likely push to the next quarter" : ""}`);
  }

  if (daysWithoutBuyerActivity !== null) {
    if (daysWithoutBuyerActivity >= THRESHOLDS.stalledSilenceDays) deduct(15, `No buyer activity for ${plural(daysWithoutBuyerActivity, "day")}`);
    else if (daysWithoutBuyerActivity >= 7) deduct(7, `No buyer activity for ${plural(daysWithoutBuyerActivity, "day")}`);
  }

  if (plan !== null) {
    if (activeBuyerCount === 0) deduct(15, "No buyer stakeholder is active on the plan");
    else if (activeBuyerCount < THRESHOLDS.minActiveBuyers) deduct(10, `Only ${plural(activeBuyerCount, "buyer stakeholder")} active`);
    else if (activeBuyerCount < THRESHOLDS.healthyActiveBuyers) deduct(3, `${activeBuyerCount} buyer stakeholders active (6 or more is healthy)`);

    if (!economicBuyerOnPlan) deduct(8, "Economic buyer not on the plan");
    else if (!economicBuyerActive) deduct(8, "Economic buyer invited but not active");
    if (!championOnPlan) deduct(7, "No champion on the plan");
    else if (!championActive) deduct(7, "Champion invited but not active");
    if (plan.status === "SHARED") deduct(5, "The buyer has not accepted the plan");
  }

  const meddpiccBelowStageThreshold = deal.meddpiccTotal !== null && deal.stage >= 4 && deal.meddpiccTotal < THRESHOLDS.stage4Meddpicc;
  if (meddpiccBelowStageThreshold && deal.outcome === "OPEN") {
    deduct(5, `MEDDPICC is ${deal.meddpiccTotal} of 16, below the ${THRESHOLDS.stage4Meddpicc} needed to be at stage ${deal.stage}`);
  }

  if (openCount > 0 && deal.outcome === "OPEN") {
    const daysLeft = dayNumber(deal.targetCloseDate) - todayN;
    if (daysLeft < 0) deduct(10, `${plural(openCount, "milestone")} left and the target close date has passed`);
    else if (daysLeft < 2 * openCount) deduct(5, `${plural(openCount, "milestone")} left in ${plural(daysLeft, "day")} to the target close date`);
  }

  score = Math.max(0, Math.min(100, Math.round(score)));
  const healthLabel = planStatus === "STALLED" ? "STALLED" : planStatus === "AT_RISK" || score < THRESHOLDS.atRiskScore ? "AT_RISK" : "HEALTHY";
  if (reasons.length === 0) reasons.push("Every milestone due so far is done on time, and the buyer is engaged");

  // Derived forecast category.
  const forecastReasons: string[] = [];
  let derived: ForecastCategory;
  if (deal.outcome === "WON") {
    derived = "CLOSED";
    forecastReasons.push("The deal is won");
  } else if (deal.outcome === "LOST") {
    derived = "OMITTED";
    forecastReasons.push("The deal is lost");
  } else if (shared && (daysWithoutBuyerActivity ?? 0) >= THRESHOLDS.omittedSilenceDays) {
    derived = "OMITTED";
    forecastReasons.push(`No buyer activity for ${plural(daysWithoutBuyerActivity ?? 0, "day")} on a shared plan (30 or more omits the deal)`);
  } else {
    const bestCaseFails: string[] = [];
    if (!shared) bestCaseFails.push(plan === null ? "there is no plan" : "the plan is not shared with the buyer");
    if (shared && (daysWithoutBuyerActivity ?? 0) >= THRESHOLDS.stalledSilenceDays) bestCaseFails.push(`no buyer activity for ${plural(daysWithoutBuyerActivity ?? 0, "day")}`);
    if (projectedOutsideQuarter) bestCaseFails.push(`the projected close (${projectedCloseDate}) is after the end of ${closeQuarter.label} (${closeQuarter.end})`);
    // "The projected close is inside the quarter": without a projection nothing is inside it.
    if (shared && projectedCloseDate === null) bestCaseFails.push("the plan has no milestones to project a close date from");

    const commitFails: string[] = [];
    if (plan?.status !== "ACCEPTED") commitFails.push("the buyer has not accepted the plan");
    if (buyerDueNotDone > 0) commitFails.push(`${plural(buyerDueNotDone, "buyer or joint milestone")} due so far not done and confirmed by the buyer`);
    if (slippedCount > THRESHOLDS.maxSlippedForCommit) commitFails.push(`${plural(slippedCount, "milestone")} slipped (at most 1 for Commit)`);
    if (!economicBuyerActive) commitFails.push("the economic buyer is not an active participant");
    if (deal.meddpiccTotal !== null && deal.meddpiccTotal < THRESHOLDS.commitMeddpicc) commitFails.push(`MEDDPICC is ${deal.meddpiccTotal} of 16 (14 needed)`);

    if (bestCaseFails.length > 0) {
      derived = "PIPELINE";
      forecastReasons.push(...bestCaseFails.map((r) => `Not Best Case: ${r}`));
    } else if (commitFails.length > 0) {
      derived = "BEST_CASE";
      forecastReasons.push(...commitFails.map((r) => `Not Commit: ${r}`));
    } else {
      derived = "COMMIT";
      forecastReasons.push("Accepted plan, every buyer step due so far confirmed, at most one slip, close inside the quarter, economic buyer active");
    }
  }
  const rep = deal.repForecastCategory;
  const overCalled = FORECAST_RANK[rep] > FORECAST_RANK[derived];
  const underCalled = FORECAST_RANK[rep] < FORECAST_RANK[derived];
  if (overCalled) forecastReasons.unshift(`Over-called: the rep says ${LABEL[rep]}, the plan says ${LABEL[derived]}`);
  if (underCalled) forecastReasons.unshift(`Under-called: the rep says ${LABEL[rep]}, the plan says ${LABEL[derived]}`);

  // Stage-push: a deal at stage N with a gate of a lower stage not done.
  const missing = snapshot.milestones.filter((m, i) => m.gatesStage !== null && m.gatesStage < deal.stage && !milestones[i].countsAsDone);
  const stagePushReasons = missing.map((m) => `At stage ${deal.stage} without ${nameOf(m)} done (gates stage ${m.gatesStage})`);

  let planSizeWarning: DealSignals["planSizeWarning"] = null;
  if (plan !== null) {
    const size = snapshot.milestones.length;
    if (size < THRESHOLDS.planTooFew) planSizeWarning = "TOO_FEW";
    else if (size > THRESHOLDS.planTooMany) planSizeWarning = "TOO_MANY";
  }

  return {
    milestones,
    planStatus,
    slippedCount,
    totalDaysSlipped,
    projectedCloseDate,
    projectedAfterTarget,
    projectedOutsideQuarter,
    closeQuarter: { start: closeQuarter.start, end: closeQuarter.end, label: closeQuarter.label },
    likelyToPush,
    daysWithoutBuyerActivity,
    activeBuyerCount,
    onTimeRate,
    health: { score, label: healthLabel, reasons },
    forecast: { derived, rep, overCalled, underCalled, reasons: forecastReasons },
    stagePush: { pushed: missing.length > 0, missingMilestoneIds: missing.map((m) => m.id), reasons: stagePushReasons },
    planSizeWarning,
    meddpiccBelowStageThreshold,
  };
}
