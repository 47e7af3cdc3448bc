// The one engine behind every derived figure: slippage, plan status, health, the derived forecast
// category and stage-push, from a plain snapshot of one deal and "today" (the organization's
// calendar date). Pure: no I/O, no clock, no timezone. The rules, their weights and worked
// examples are in docs/signals.md; the product rules they implement are in docs/product.md.
import { dayNumber } from "./dates";
import { buyerEngagement } from "./engagement";
import { deriveForecast } from "./forecast";
import { deriveHealth } from "./health";
import { meddpiccBelowStageThreshold } from "./health-deductions";
import { planSizeWarning, planStatusOf } from "./plan-status";
import type { CalendarDate, DealSignals, DealSnapshot } from "./signal-types";
import { dueSoFar, milestoneSignals, planSlippage } from "./slippage";
import { stagePushOf } from "./stage-push";

export { FORECAST_RANK } from "./forecast";
export { HEALTH_LABEL_RANK } from "./health";
export { HEALTH_POINTS, THRESHOLDS } from "./thresholds";
export type { CalendarDate, DealSignals, DealSnapshot, ForecastCategory, HealthDeduction, HealthLabel, MilestoneSignal, PlanStatus } from "./signal-types";

export function deriveDealSignals(snapshot: DealSnapshot, today: CalendarDate): DealSignals {
  const todayN = dayNumber(today);
  const signals = milestoneSignals(snapshot.milestones, todayN);
  const slippage = planSlippage(snapshot, signals, todayN);
  const due = dueSoFar(snapshot.milestones, signals, todayN);
  const engagement = buyerEngagement(snapshot, todayN);
  const planStatus = planStatusOf(snapshot.plan, slippage.behind, engagement.daysWithoutBuyerActivity);
  const forecast = deriveForecast({ snapshot, slippage, engagement, buyerStepsDueNotDone: due.buyerStepsNotDone });
  const health = deriveHealth({ snapshot, signals, due, slippage, engagement, todayN }, planStatus, forecast.derived);

  return {
    milestones: signals,
    planStatus,
    slippedCount: slippage.slippedCount,
    totalDaysSlipped: slippage.totalDaysSlipped,
    projectedCloseDate: slippage.projectedCloseDate,
    projectedAfterTarget: slippage.projectedAfterTarget,
    projectedOutsideQuarter: slippage.projectedOutsideQuarter,
    closeQuarter: slippage.closeQuarter,
    likelyToPush: slippage.likelyToPush,
    daysWithoutBuyerActivity: engagement.daysWithoutBuyerActivity,
    activeBuyerCount: engagement.activeBuyerCount,
    onTimeRate: due.onTimeRate,
    health,
    forecast,
    stagePush: stagePushOf(snapshot, signals),
    planSizeWarning: planSizeWarning(snapshot),
    meddpiccBelowStageThreshold: meddpiccBelowStageThreshold(snapshot.deal),
  };
}
