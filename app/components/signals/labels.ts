import type { BadgeTone } from "~/components/ui/badge";
import type { DealSignals, PlanStatus } from "~/domain/signals";

export const HEALTH_LABELS: Record<DealSignals["health"]["label"], string> = { HEALTHY: "Healthy", AT_RISK: "At risk", STALLED: "Stalled" };
export const HEALTH_TONES: Record<DealSignals["health"]["label"], BadgeTone> = { HEALTHY: "green", AT_RISK: "amber", STALLED: "red" };
export const PLAN_STATUS_SIGNAL_LABELS: Record<PlanStatus, string> = { ON_TRACK: "On track", AT_RISK: "At risk", STALLED: "Stalled" };
export const PLAN_STATUS_TONES: Record<PlanStatus, BadgeTone> = { ON_TRACK: "green", AT_RISK: "amber", STALLED: "red" };
