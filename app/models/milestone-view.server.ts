// The milestone fields both sides' pages show, built one way. Each side adds its own: the seller
// view its internal flag, nothing else reaches a buyer.
import { completionOfRecord, confirmedByBuyer } from "~/domain/completion";
import type { MilestoneStatus, OwnerSide } from "~/domain/types";

export interface StoredMilestone {
  id: string;
  title: string;
  output: string;
  ownerSide: string;
  ownerParticipantId: string | null;
  targetDate: string;
  originalTargetDate: string;
  status: string;
  completedOn: string | null;
  markedDoneBySide: string | null;
  buyerConfirmedAt: Date | null;
  gatesStage: number | null;
  position: number;
  version: number;
}

/** `names` maps participant ids to names, to show who owns each step. */
export function milestoneView(m: StoredMilestone, names: Map<string, string>) {
  return {
    id: m.id,
    title: m.title,
    output: m.output,
    ownerSide: m.ownerSide as OwnerSide,
    ownerParticipantId: m.ownerParticipantId,
    ownerName: m.ownerParticipantId ? (names.get(m.ownerParticipantId) ?? null) : null,
    targetDate: m.targetDate,
    originalTargetDate: m.originalTargetDate,
    status: m.status as MilestoneStatus,
    completion: completionOfRecord(m),
    completedOn: m.completedOn,
    buyerConfirmed: confirmedByBuyer(m),
    gatesStage: m.gatesStage,
    position: m.position,
    version: m.version,
  };
}
