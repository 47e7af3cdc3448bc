// The core rule (docs/product.md, docs/signals.md §2): a buyer-owned or joint step counts as done
// only when a buyer marked it done or confirmed the seller's mark; a seller-owned step counts when
// marked done. Written once here: the signals engine, the pages and the KPIs all use it.
import type { MilestoneStatus, OwnerSide, Side } from "./types";

export const COMPLETION_STATES = ["OPEN", "DONE", "AWAITING_BUYER_CONFIRMATION"] as const;
export type CompletionState = (typeof COMPLETION_STATES)[number];

export interface CompletionEvidence {
  ownerSide: OwnerSide;
  status: MilestoneStatus;
  /** Nobody recorded as the marker reads as the seller: the step then waits for a buyer. */
  markedDoneBySide?: Side | null;
  buyerConfirmed: boolean;
}

export function completionState(m: CompletionEvidence): CompletionState {
  if (m.status !== "DONE") return "OPEN";
  if (m.ownerSide === "SELLER") return "DONE";
  return m.markedDoneBySide === "BUYER" || m.buyerConfirmed ? "DONE" : "AWAITING_BUYER_CONFIRMATION";
}

export function countsAsDone(m: CompletionEvidence): boolean {
  return completionState(m) === "DONE";
}

/** A buyer said the step is done: they marked it done themselves or confirmed the seller's mark. */
export function confirmedByBuyer(m: { markedDoneBySide: string | null; buyerConfirmedAt: unknown }): boolean {
  return m.markedDoneBySide === "BUYER" || (m.buyerConfirmedAt !== null && m.buyerConfirmedAt !== undefined);
}

/** The same rule for a stored milestone row: a confirmation is recorded as a timestamp. */
export function completionOfRecord(m: { ownerSide: string; status: string; markedDoneBySide: string | null; buyerConfirmedAt: unknown }): CompletionState {
  return completionState({
    ownerSide: m.ownerSide as OwnerSide,
    status: m.status as MilestoneStatus,
    markedDoneBySide: m.markedDoneBySide as Side | null,
    buyerConfirmed: confirmedByBuyer(m),
  });
}
