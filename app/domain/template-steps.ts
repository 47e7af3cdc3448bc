// Pure rules of plan templates: a template's steps carry Day offsets (Day N is N days after the
// plan's start, docs/product.md "Default template"); a plan's steps carry calendar dates. These
// turn one into the other and keep the orders of steps and templates.
import { daysBetween } from "./dates";
import { BUYING_ROLE_LABELS, OWNER_SIDE_LABELS, type BuyingRole, type CalendarDate, type OwnerSide } from "./types";

export { templateDates as stepDatesFromOffsets } from "./default-template";

export const MAX_TEMPLATE_STEPS = 50;
export const MAX_DAY_OFFSET = 365;

/**
 * Each step's Day offset from a plan's start: whole calendar days from the start to its current
 * target date. A step dated before the start becomes Day 0, since a template cannot reach back.
 */
export function offsetsFromPlanDates(startDate: CalendarDate, targetDates: readonly CalendarDate[]): number[] {
  return targetDates.map((date) => Math.min(MAX_DAY_OFFSET, Math.max(0, daysBetween(startDate, date))));
}

export type MoveDirection = "up" | "down";

/** The list with the item at `index` swapped with its neighbour; unchanged at either end. */
export function moveItem<T>(items: readonly T[], index: number, direction: MoveDirection): T[] {
  const next = [...items];
  const target = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return next;
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** Positions 1..n in the given order, as the rows are rewritten. */
export function positionsInOrder<T extends { id: string }>(items: readonly T[]): { id: string; position: number }[] {
  return items.map((item, index) => ({ id: item.id, position: index + 1 }));
}

/** How a step's owner reads in a list: "Champion (buyer)", "Seller", "Joint". */
export function ownerLabelFor(side: OwnerSide, role: BuyingRole | null): string {
  if (!role) return OWNER_SIDE_LABELS[side];
  return `${BUYING_ROLE_LABELS[role]} (${OWNER_SIDE_LABELS[side].toLowerCase()})`;
}

/** A change the template editor posts besides saving: add a step, move the one at an index, or note a removal. */
export type TemplateOp = { kind: "save" } | { kind: "add" } | { kind: "removed" } | { kind: "up" | "down"; index: number };

export function parseTemplateOp(op: string): TemplateOp {
  const [kind, index] = op.split(":");
  if (kind === "up" || kind === "down") return { kind, index: Number(index) };
  // A removal was already applied to the posted list (app/forms/template.ts, withoutRemovedStep).
  if (kind === "add" || kind === "removed") return { kind };
  return { kind: "save" };
}

/** The steps after the op; a new step comes last, a day after the last one, within the year. */
export function applyTemplateOp<T extends { dayOffset: number }>(steps: readonly T[], op: TemplateOp, blank: (dayOffset: number) => T): T[] {
  switch (op.kind) {
    case "add":
      return [...steps, blank(Math.min(MAX_DAY_OFFSET, steps.length ? Math.max(...steps.map((s) => s.dayOffset)) + 1 : 0))];
    case "up":
    case "down":
      return moveItem(steps, op.index, op.kind);
    default:
      return [...steps];
  }
}
