// One deal's figures, or why they are withheld: a stored date the engine cannot read marks only
// its own deal, and every other deal's figures stay as they are.
import { isAcceptedDate } from "./dates";
import { deriveDealSignals, type DealSignals, type DealSnapshot } from "./signals";

/**
 * What the engine says about one deal, or, when a stored date cannot be read, which date (in a
 * person's words): that deal's figures are withheld and every other deal's stay as they are.
 */
export type DealFigures = { signals: DealSignals; unreadableDate: null } | { signals: null; unreadableDate: string };

/** The first stored date of the deal the engine cannot read, named as a person would; null when all are readable. */
export function unreadableDateOf(snapshot: DealSnapshot): string | null {
  const { deal, plan, milestones } = snapshot;
  if (!isAcceptedDate(deal.targetCloseDate)) return "the target close date";
  if (plan?.sharedOn && !isAcceptedDate(plan.sharedOn)) return "the day the plan was shared";
  for (const m of milestones) {
    const step = `“${m.title ?? "a step"}”`;
    if (!isAcceptedDate(m.targetDate)) return `the target date of ${step}`;
    if (!isAcceptedDate(m.originalTargetDate)) return `the original date of ${step}`;
    if (m.completedOn && !isAcceptedDate(m.completedOn)) return `the day ${step} was done`;
  }
  return null;
}

export function figuresOf(snapshot: DealSnapshot, today: string): DealFigures {
  const unreadable = unreadableDateOf(snapshot);
  if (unreadable) return { signals: null, unreadableDate: unreadable };
  try {
    return { signals: deriveDealSignals(snapshot, today), unreadableDate: null };
  } catch (error) {
    // A date the checks above let through but the engine cannot use breaks only this deal.
    if (error instanceof RangeError) return { signals: null, unreadableDate: "one of its dates" };
    throw error;
  }
}
