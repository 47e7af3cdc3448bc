import { Badge, type BadgeTone } from "./ui/badge";
import { MILESTONE_STATUS_LABELS, PLAN_STATUS_LABELS, type MilestoneStatus, type PlanStatus } from "~/domain/types";
import type { CompletionState } from "~/domain/completion";

const PLAN_TONES: Record<PlanStatus, BadgeTone> = { DRAFT: "gray", SHARED: "blue", ACCEPTED: "green" };

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  return <Badge tone={PLAN_TONES[status]}>Plan {PLAN_STATUS_LABELS[status].toLowerCase()}</Badge>;
}

const STATUS_TONES: Record<MilestoneStatus, BadgeTone> = { NOT_STARTED: "gray", IN_PROGRESS: "blue", DONE: "green", BLOCKED: "red" };

export function MilestoneStatusBadge({ status, completion }: { status: MilestoneStatus; completion: CompletionState }) {
  if (completion === "AWAITING_BUYER_CONFIRMATION") return <Badge tone="amber">Done, awaiting buyer confirmation</Badge>;
  if (completion === "DONE") return <Badge tone="green">Done</Badge>;
  return <Badge tone={STATUS_TONES[status]}>{MILESTONE_STATUS_LABELS[status]}</Badge>;
}
