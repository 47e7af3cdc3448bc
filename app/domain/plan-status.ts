// Plan status (docs/signals.md §6) and plan size (§10). A shared or accepted plan is on track, at
// risk or stalled; the same overdue thresholds also bound the health label of a plan not yet shared.
import { isShared } from "./engagement";
import type { DealSnapshot, PlanStatus } from "./signal-types";
import { THRESHOLDS } from "./thresholds";

/** The status that the most overdue open step (`behind` days) and the buyer's silence give. */
export function statusFrom(behind: number, daysWithoutBuyerActivity: number): PlanStatus {
  if (behind >= THRESHOLDS.stalledOverdueDays || daysWithoutBuyerActivity >= THRESHOLDS.stalledSilenceDays) return "STALLED";
  return behind >= THRESHOLDS.atRiskOverdueDays ? "AT_RISK" : "ON_TRACK";
}

/** Only a shared or accepted plan has a status; unknown silence counts as none. */
export function planStatusOf(plan: DealSnapshot["plan"], behind: number, daysWithoutBuyerActivity: number | null): PlanStatus | null {
  return isShared(plan) ? statusFrom(behind, daysWithoutBuyerActivity ?? 0) : null;
}

export function planSizeWarning(snapshot: DealSnapshot): "TOO_FEW" | "TOO_MANY" | null {
  if (snapshot.plan === null) return null;
  const size = snapshot.milestones.length;
  if (size < THRESHOLDS.planTooFew) return "TOO_FEW";
  return size > THRESHOLDS.planTooMany ? "TOO_MANY" : null;
}
