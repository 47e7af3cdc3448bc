// People-facing words and colours for the engine's health labels and plan statuses. Forecast
// categories have theirs in ~/domain/types (FORECAST_LABELS), defined once with the categories.
import type { BadgeTone } from "~/components/ui/badge";
import type { HealthLabel, PlanStatus } from "~/domain/signals";

export const HEALTH_LABELS: Record<HealthLabel, string> = { HEALTHY: "Healthy", AT_RISK: "At risk", STALLED: "Stalled" };
export const HEALTH_TONES: Record<HealthLabel, BadgeTone> = { HEALTHY: "green", AT_RISK: "amber", STALLED: "red" };
export const PLAN_STATUS_SIGNAL_LABELS: Record<PlanStatus, string> = { ON_TRACK: "On track", AT_RISK: "At risk", STALLED: "Stalled" };
export const PLAN_STATUS_TONES: Record<PlanStatus, BadgeTone> = { ON_TRACK: "green", AT_RISK: "amber", STALLED: "red" };
