// Stage-push (docs/signals.md §9): a deal at stage N is pushed when a milestone that gates a stage
// below N does not count as done.
import type { DealSignals, DealSnapshot, MilestoneSignal } from "./signal-types";
import { milestoneName } from "./signal-wording";

export function stagePushOf(snapshot: DealSnapshot, signals: MilestoneSignal[]): DealSignals["stagePush"] {
  const { stage } = snapshot.deal;
  const missing = snapshot.milestones.map((m, i) => ({ m, i })).filter(({ m, i }) => m.gatesStage !== null && m.gatesStage < stage && !signals[i].countsAsDone);
  return {
    pushed: missing.length > 0,
    missingMilestoneIds: missing.map(({ m }) => m.id),
    reasons: missing.map(({ m, i }) => `At stage ${stage} without ${milestoneName(m, i)} done (gates stage ${m.gatesStage})`),
  };
}
