// Ordering and filtering the pipeline list by what the plans say.
import { HEALTH_LABEL_RANK } from "./health";
import type { DealSignals, ForecastCategory } from "./signals";

export interface PipelineRow {
  outcome: string;
  amount: number;
  targetCloseDate: string;
  signals: DealSignals;
}

/**
 * Riskiest first: open deals before closed ones, then stalled, at risk, healthy; within a label,
 * the lower health score first; then the larger amount, since it matters more.
 */
export function compareByRisk(a: PipelineRow, b: PipelineRow): number {
  const open = Number(a.outcome !== "OPEN") - Number(b.outcome !== "OPEN");
  if (open !== 0) return open;
  const label = HEALTH_LABEL_RANK[a.signals.health.label] - HEALTH_LABEL_RANK[b.signals.health.label];
  if (label !== 0) return label;
  return a.signals.health.score - b.signals.health.score || b.amount - a.amount;
}

export function compareByClose(a: PipelineRow, b: PipelineRow): number {
  return Number(a.outcome !== "OPEN") - Number(b.outcome !== "OPEN") || a.targetCloseDate.localeCompare(b.targetCloseDate);
}

export interface PipelineFilter {
  category: ForecastCategory | null;
  overCalled: boolean;
  stalled: boolean;
  stagePushed: boolean;
}

export function matchesFilter(row: PipelineRow, filter: PipelineFilter): boolean {
  const s = row.signals;
  if (filter.category && s.forecast.derived !== filter.category) return false;
  if (filter.overCalled && !s.forecast.overCalled) return false;
  if (filter.stalled && s.planStatus !== "STALLED") return false;
  if (filter.stagePushed && !s.stagePush.pushed) return false;
  return true;
}
