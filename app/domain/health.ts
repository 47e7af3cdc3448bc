// Deal health (docs/signals.md §7): a score of 100 minus listed deductions, a label, and the reasons.
// The label agrees with the rest of the page: it is never better than the plan status (or, before
// the plan is shared, the same overdue thresholds), the score, the projection or the category.
import { isShared } from "./engagement";
import { FORECAST_RANK } from "./forecast";
import { healthDeductions, withinCap, type HealthFacts } from "./health-deductions";
import { statusFrom } from "./plan-status";
import type { DealSignals, HealthLabel, PlanStatus } from "./signal-types";
import { THRESHOLDS } from "./thresholds";
import { plural } from "./signal-wording";
import { FORECAST_LABELS, type ForecastCategory } from "./types";

/** Stalled < at risk < healthy. */
export const HEALTH_LABEL_RANK: Record<HealthLabel, number> = { STALLED: 0, AT_RISK: 1, HEALTHY: 2 };
const LABEL_OF_STATUS: Record<PlanStatus, HealthLabel> = { STALLED: "STALLED", AT_RISK: "AT_RISK", ON_TRACK: "HEALTHY" };

function worse(a: HealthLabel, b: HealthLabel): HealthLabel {
  return HEALTH_LABEL_RANK[a] <= HEALTH_LABEL_RANK[b] ? a : b;
}

/**
 * The label and the notes that explain a limit on it. A plan not yet shared has no status, but its
 * overdue steps weigh on the label as they would once shared: sharing must never make it worse.
 */
function labelOf(facts: HealthFacts, score: number, planStatus: PlanStatus | null, derived: ForecastCategory): { label: HealthLabel; notes: string[] } {
  const { snapshot, slippage } = facts;
  const notes: string[] = [];
  const status = planStatus ?? statusFrom(slippage.behind, 0);
  let label = LABEL_OF_STATUS[status];
  if (planStatus === null && status !== "ON_TRACK") {
    const cap = status === "STALLED" ? "health is stalled" : "health is at best at risk";
    notes.push(`A milestone is ${plural(slippage.behind, "day")} overdue: ${cap}, even before the plan is shared`);
  }
  if (score < THRESHOLDS.atRiskScore) label = worse(label, "AT_RISK");
  if (snapshot.deal.outcome !== "OPEN") return { label, notes };

  // The projection outside the quarter says so in its deduction's reason.
  if (slippage.projectedOutsideQuarter) label = worse(label, "AT_RISK");
  if (slippage.projectedCloseDate === null && label === "HEALTHY") {
    notes.push("No milestones to project a close date from: health is at best at risk");
    label = "AT_RISK";
  }
  if (isShared(snapshot.plan) && FORECAST_RANK[derived] < FORECAST_RANK.BEST_CASE && label === "HEALTHY") {
    notes.push(`The plan supports only ${FORECAST_LABELS[derived]}: Healthy needs at least Best Case`);
    label = "AT_RISK";
  }
  return { label, notes };
}

export function deriveHealth(facts: HealthFacts, planStatus: PlanStatus | null, derived: ForecastCategory): DealSignals["health"] {
  const raw = healthDeductions(facts);
  // The score stops at 0: the deductions are cut to match, so they always add up to 100 − score.
  const { kept: deductions, notes: uncounted } = withinCap(raw.deductions, 100, "the score stops at 0");
  const score = 100 - deductions.reduce((sum, d) => sum + d.points, 0);
  const { label, notes: labelNotes } = labelOf(facts, score, planStatus, derived);
  const notes = [...raw.notes, ...uncounted, ...labelNotes];
  if (deductions.length === 0 && notes.length === 0) notes.push("Every milestone due so far is done on time, and the buyer is engaged");
  return { score, label, reasons: [...deductions.map((d) => d.reason), ...notes], deductions, notes };
}
