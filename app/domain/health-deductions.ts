// The health score's deductions (docs/signals.md §7): each input of "Deal health" takes points off
// 100 and says why. Only facts that a later date cannot improve are read here, so moving a step
// that is not overdue to a later date never gives points back.
import { dayNumber, fromDayNumber } from "./dates";
import type { BuyerEngagement } from "./engagement";
import type { DealSnapshot, HealthDeduction, MilestoneSignal } from "./signal-types";
import { HEALTH_POINTS, THRESHOLDS } from "./thresholds";
import { dateWords, milestoneName, plural, SIDE_WORD } from "./signal-wording";
import { stakeholderMap } from "./stakeholders";
import type { dueSoFar, PlanSlippage } from "./slippage";

export interface HealthFacts {
  snapshot: DealSnapshot;
  signals: MilestoneSignal[];
  due: ReturnType<typeof dueSoFar>;
  slippage: PlanSlippage;
  engagement: BuyerEngagement;
  todayN: number;
}

/**
 * Keeps deductions within `cap` points in all: the one that crosses the cap is cut down and says
 * so; those after it cost nothing and become notes.
 */
export function withinCap(items: HealthDeduction[], cap: number, why: string): { kept: HealthDeduction[]; notes: string[] } {
  const kept: HealthDeduction[] = [];
  const notes: string[] = [];
  let left = cap;
  for (const d of items) {
    if (left === 0) notes.push(`${d.reason} — no points counted: ${why}`);
    else if (d.points > left) {
      kept.push({ points: left, reason: `${d.reason} — ${left} of its ${d.points} points counted: ${why}` });
      left = 0;
    } else {
      kept.push(d);
      left -= d.points;
    }
  }
  return { kept, notes };
}

function overdueBuyerSteps({ snapshot, signals, slippage }: HealthFacts) {
  if (slippage.behind === 0) return { kept: [], notes: [] };
  const steps = signals
    .map((s, i) => ({ s, m: snapshot.milestones[i], i }))
    .filter(({ s, m }) => m.ownerSide !== "SELLER" && s.daysOverdue > 0)
    .sort((a, b) => b.s.daysOverdue - a.s.daysOverdue);
  const items = steps.map(({ s, m, i }) => ({
    points: Math.min(HEALTH_POINTS.overdueStepMax, HEALTH_POINTS.overdueStepBase + Math.floor(s.daysOverdue / 3)),
    reason: `${milestoneName(m, i)} is ${plural(s.daysOverdue, "day")} overdue (${SIDE_WORD[m.ownerSide]})`,
  }));
  return withinCap(items, HEALTH_POINTS.overdueStepsMax, `overdue steps cost at most ${HEALTH_POINTS.overdueStepsMax} points in all`);
}

/** Seed threshold: a deal at stage 4 or later needs a MEDDPICC of 12, where a score is recorded. */
export function meddpiccBelowStageThreshold(deal: DealSnapshot["deal"]): boolean {
  return deal.meddpiccTotal !== null && deal.stage >= 4 && deal.meddpiccTotal < THRESHOLDS.stage4Meddpicc;
}

type Add = (points: number, reason: string) => void;

function planAndOnTime({ snapshot, due }: HealthFacts, add: Add) {
  if (snapshot.plan === null) add(HEALTH_POINTS.noPlan, "No mutual action plan yet");
  else if (snapshot.plan.status === "DRAFT") add(HEALTH_POINTS.draftPlan, "The plan has not been shared with the buyer");
  const points = due.onTimeRate === null ? 0 : Math.round((1 - due.onTimeRate) * HEALTH_POINTS.onTimeMax);
  if (due.onTimeRate !== null && points > 0) {
    const share = `${due.onTime} of ${due.due} milestones due so far were completed on time (${Math.round(due.onTimeRate * 100)}%)`;
    add(points, due.onTimeRate < THRESHOLDS.silentSlipOnTimeRate ? `Only ${share}: the deal is slipping silently` : share);
  }
}

function slipsAndSilence({ slippage, engagement }: HealthFacts, add: Add) {
  const { slippedCount, totalDaysSlipped } = slippage;
  if (slippedCount > 0) {
    const push = slippage.likelyToPush ? ": the deal will likely push to the next quarter" : "";
    add(
      Math.min(HEALTH_POINTS.slipsMax, HEALTH_POINTS.perSlip * slippedCount),
      `${plural(slippedCount, "milestone")} re-dated later, ${plural(totalDaysSlipped, "day")} slipped in all${push}`,
    );
  }
  const silence = engagement.daysWithoutBuyerActivity ?? 0;
  if (silence >= THRESHOLDS.stalledSilenceDays) add(HEALTH_POINTS.silenceStalled, `No buyer activity for ${plural(silence, "day")}`);
  else if (silence >= 7) add(HEALTH_POINTS.silenceWeek, `No buyer activity for ${plural(silence, "day")}`);
}

function buyerSide({ snapshot, engagement }: HealthFacts, add: Add) {
  const active = engagement.activeBuyerCount;
  if (active === 0) add(HEALTH_POINTS.noActiveBuyer, "No buyer stakeholder is active on the plan");
  else if (active < THRESHOLDS.minActiveBuyers) add(HEALTH_POINTS.fewActiveBuyers, `Only ${plural(active, "buyer stakeholder")} active`);
  else if (active < THRESHOLDS.healthyActiveBuyers) add(HEALTH_POINTS.someActiveBuyers, `${active} buyer stakeholders active (6 or more is healthy)`);
  if (engagement.economicBuyer === "ABSENT") add(HEALTH_POINTS.economicBuyer, "Economic buyer not on the plan");
  if (engagement.economicBuyer === "INVITED") add(HEALTH_POINTS.economicBuyer, "Economic buyer invited but not active");
  if (engagement.champion === "ABSENT") add(HEALTH_POINTS.champion, "No champion on the plan");
  if (engagement.champion === "INVITED") add(HEALTH_POINTS.champion, "Champion invited but not active");
  if (snapshot.plan?.status === "SHARED") add(HEALTH_POINTS.notAccepted, "The buyer has not accepted the plan");
}

function closeDate({ snapshot, slippage, todayN }: HealthFacts, add: Add) {
  const { deal } = snapshot;
  if (deal.outcome !== "OPEN") return;
  if (meddpiccBelowStageThreshold(deal)) {
    add(
      HEALTH_POINTS.meddpiccBelowStage,
      `MEDDPICC is ${deal.meddpiccTotal} of 16, below the ${THRESHOLDS.stage4Meddpicc} needed to be at stage ${deal.stage}`,
    );
  }
  const open = slippage.openCount;
  const daysLeft = dayNumber(deal.targetCloseDate) - todayN;
  if (open > 0 && daysLeft < 0) add(HEALTH_POINTS.closeDatePassed, `${plural(open, "milestone")} left and the target close date has passed`);
  else if (open > 0 && daysLeft < 2 * open)
    add(HEALTH_POINTS.closeDateTight, `${plural(open, "milestone")} left in ${plural(daysLeft, "day")} to the target close date`);

  const { projectedCloseDate, closeQuarter } = slippage;
  if (projectedCloseDate === null || !slippage.projectedAfterTarget) return;
  const late = `The projected close, ${dateWords(projectedCloseDate)}, is after the target close date, ${dateWords(deal.targetCloseDate)}`;
  if (slippage.projectedOutsideQuarter) {
    add(HEALTH_POINTS.projectedNextQuarter, `${late}, and after the end of ${closeQuarter.label} on ${dateWords(closeQuarter.end)}: health is at best at risk`);
  } else add(HEALTH_POINTS.projectedLate, late);
}

/** Seed rule: an open deal above 40,000 with three or more weak or unknown buying roles before stage 4. */
function stakeholderRisk({ snapshot, todayN }: HealthFacts, add: Add) {
  const map = stakeholderMap(snapshot, fromDayNumber(todayN));
  if (map.highRiskReason) add(HEALTH_POINTS.stakeholderHighRisk, map.highRiskReason);
}

/** Every deduction in order, before the score's floor at 0 is applied, and the notes that cost nothing. */
export function healthDeductions(facts: HealthFacts): { deductions: HealthDeduction[]; notes: string[] } {
  const deductions: HealthDeduction[] = [];
  const add = (points: number, reason: string) => {
    if (points > 0) deductions.push({ points, reason });
  };
  planAndOnTime(facts, add);
  const overdue = overdueBuyerSteps(facts);
  deductions.push(...overdue.kept);
  slipsAndSilence(facts, add);
  buyerSide(facts, add);
  closeDate(facts, add);
  stakeholderRisk(facts, add);

  const awaiting = facts.signals.flatMap((s, i) => (s.awaitingBuyerConfirmation ? [milestoneName(facts.snapshot.milestones[i], i)] : []));
  const notes = awaiting.length > 0 ? [`Marked done by the seller, not yet confirmed by the buyer: ${awaiting.join(", ")}`] : [];
  return { deductions, notes: [...notes, ...overdue.notes] };
}
