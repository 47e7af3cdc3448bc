// How engaged the buyer side is (docs/signals.md §5 and §7): active buyer stakeholders, the two key
// roles, and the days without buyer activity once the plan is shared.
import { dayNumber } from "./dates";
import type { DealSnapshot } from "./signal-types";

/** A key role is active, on the plan but only invited, or absent (none, or only revoked). */
export type KeyRoleState = "ACTIVE" | "INVITED" | "ABSENT";

export interface BuyerEngagement {
  activeBuyerCount: number;
  economicBuyer: KeyRoleState;
  champion: KeyRoleState;
  /** null without a shared or accepted plan, or when neither the sharing day nor a buyer action is known. */
  daysWithoutBuyerActivity: number | null;
}

export function isShared(plan: DealSnapshot["plan"]): boolean {
  return plan !== null && plan.status !== "DRAFT";
}

function keyRole(participants: DealSnapshot["participants"], role: "ECONOMIC_BUYER" | "CHAMPION"): KeyRoleState {
  const holders = participants.filter((p) => p.side === "BUYER" && p.role === role);
  if (holders.some((p) => p.status === "ACTIVE")) return "ACTIVE";
  return holders.some((p) => p.status === "INVITED") ? "INVITED" : "ABSENT";
}

export function buyerEngagement(snapshot: DealSnapshot, todayN: number): BuyerEngagement {
  const { participants, plan } = snapshot;
  let daysWithoutBuyerActivity: number | null = null;
  if (plan !== null && isShared(plan)) {
    // Counted from the later of the last buyer action and the day the plan was shared.
    const from = Math.max(
      snapshot.lastBuyerActivityOn ? dayNumber(snapshot.lastBuyerActivityOn) : -Infinity,
      plan.sharedOn ? dayNumber(plan.sharedOn) : -Infinity,
    );
    daysWithoutBuyerActivity = from === -Infinity ? null : Math.max(0, todayN - from);
  }
  return {
    activeBuyerCount: participants.filter((p) => p.side === "BUYER" && p.status === "ACTIVE").length,
    economicBuyer: keyRole(participants, "ECONOMIC_BUYER"),
    champion: keyRole(participants, "CHAMPION"),
    daysWithoutBuyerActivity,
  };
}
