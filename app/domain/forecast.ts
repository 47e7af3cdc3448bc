// The derived forecast category (docs/signals.md §8): what the plan supports, beside the rep's call.
// Categories, their order and their people-facing labels are defined once, in ./types.
import type { BuyerEngagement } from "./engagement";
import { isShared } from "./engagement";
import type { DealSignals, DealSnapshot } from "./signal-types";
import { THRESHOLDS } from "./thresholds";
import { dateWords, plural } from "./signal-wording";
import type { PlanSlippage } from "./slippage";
import { FORECAST_CATEGORIES, FORECAST_LABELS, type ForecastCategory } from "./types";

/** Omitted < Pipeline < Best Case < Commit < Closed: the order FORECAST_CATEGORIES lists them in. */
export const FORECAST_RANK = Object.fromEntries(FORECAST_CATEGORIES.map((c, i) => [c, i])) as Record<ForecastCategory, number>;

export interface ForecastFacts {
  snapshot: DealSnapshot;
  slippage: PlanSlippage;
  engagement: BuyerEngagement;
  /** Buyer or joint steps due so far (before today) that do not count as done. */
  buyerStepsDueNotDone: number;
}

function bestCaseFailures({ snapshot, slippage, engagement }: ForecastFacts): string[] {
  const fails: string[] = [];
  const shared = isShared(snapshot.plan);
  const silence = engagement.daysWithoutBuyerActivity ?? 0;
  if (!shared) fails.push(snapshot.plan === null ? "there is no plan" : "the plan is not shared with the buyer");
  if (shared && silence >= THRESHOLDS.stalledSilenceDays) fails.push(`no buyer activity for ${plural(silence, "day")}`);
  const { projectedCloseDate, closeQuarter } = slippage;
  if (projectedCloseDate !== null && slippage.projectedOutsideQuarter) {
    fails.push(`the projected close (${dateWords(projectedCloseDate)}) is after the end of ${closeQuarter.label} (${dateWords(closeQuarter.end)})`);
  }
  // "The projected close is inside the quarter": without a projection nothing is inside it.
  if (shared && projectedCloseDate === null) fails.push("the plan has no milestones to project a close date from");
  return fails;
}

function commitFailures({ snapshot, slippage, engagement, buyerStepsDueNotDone }: ForecastFacts): string[] {
  const fails: string[] = [];
  const { meddpiccTotal } = snapshot.deal;
  if (snapshot.plan?.status !== "ACCEPTED") fails.push("the buyer has not accepted the plan");
  if (buyerStepsDueNotDone > 0) fails.push(`${plural(buyerStepsDueNotDone, "buyer or joint milestone")} due so far not done and confirmed by the buyer`);
  if (slippage.slippedCount > THRESHOLDS.maxSlippedForCommit) fails.push(`${plural(slippage.slippedCount, "milestone")} slipped (at most 1 for Commit)`);
  if (engagement.economicBuyer !== "ACTIVE") fails.push("the economic buyer is not an active participant");
  if (meddpiccTotal !== null && meddpiccTotal < THRESHOLDS.commitMeddpicc) fails.push(`MEDDPICC is ${meddpiccTotal} of 16 (14 needed)`);
  return fails;
}

function derivedCategory(facts: ForecastFacts): { derived: ForecastCategory; reasons: string[] } {
  const { outcome } = facts.snapshot.deal;
  const silence = facts.engagement.daysWithoutBuyerActivity ?? 0;
  if (outcome === "WON") return { derived: "CLOSED", reasons: ["The deal is won"] };
  if (outcome === "LOST") return { derived: "OMITTED", reasons: ["The deal is lost"] };
  if (isShared(facts.snapshot.plan) && silence >= THRESHOLDS.omittedSilenceDays) {
    return { derived: "OMITTED", reasons: [`No buyer activity for ${plural(silence, "day")} on a shared plan (30 or more omits the deal)`] };
  }
  const notBestCase = bestCaseFailures(facts);
  if (notBestCase.length > 0) return { derived: "PIPELINE", reasons: notBestCase.map((r) => `Not Best Case: ${r}`) };
  const notCommit = commitFailures(facts);
  if (notCommit.length > 0) return { derived: "BEST_CASE", reasons: notCommit.map((r) => `Not Commit: ${r}`) };
  return {
    derived: "COMMIT",
    reasons: ["Accepted plan, every buyer step due so far confirmed, at most one slip, close inside the quarter, economic buyer active"],
  };
}

export function deriveForecast(facts: ForecastFacts): DealSignals["forecast"] {
  const { derived, reasons } = derivedCategory(facts);
  const rep = facts.snapshot.deal.repForecastCategory;
  const overCalled = FORECAST_RANK[rep] > FORECAST_RANK[derived];
  const underCalled = FORECAST_RANK[rep] < FORECAST_RANK[derived];
  const says = `the rep says ${FORECAST_LABELS[rep]}, the plan says ${FORECAST_LABELS[derived]}`;
  if (overCalled) reasons.unshift(`Over-called: ${says}`);
  if (underCalled) reasons.unshift(`Under-called: ${says}`);
  return { derived, rep, overCalled, underCalled, reasons };
}
