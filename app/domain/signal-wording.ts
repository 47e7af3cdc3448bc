// The words the engine's reasons are made of: people read them, so dates are formatted
// ("18 Dec 2026") and milestones are named by title, or by position when untitled, never by id.
import { formatCalendarDate } from "./dates";
import type { CalendarDate } from "./types";

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** A milestone's name in a sentence; `index` is its place in the plan, from 0. */
export function milestoneName(m: { title?: string }, index: number): string {
  return m.title ? `“${m.title}”` : `Milestone ${index + 1}`;
}

export const SIDE_WORD = { BUYER: "buyer", SELLER: "seller", JOINT: "joint" } as const;

export function dateWords(date: CalendarDate): string {
  return formatCalendarDate(date);
}
