// The starter plan (docs/product.md, "Default template"). Day N is N days after the plan's
// start date. The stage gates follow the stages' exit criteria: a step gates the stage
// whose exit needs its artifact.
import { dayNumber, formatCalendarDate, fromDayNumber, isAcceptedDate, LAST_ACCEPTED_DATE, FIRST_ACCEPTED_DATE } from "./dates";
import type { BuyingRole, CalendarDate, OwnerSide } from "./types";

export interface TemplateStep {
  title: string;
  output: string;
  ownerSide: OwnerSide;
  ownerRole: BuyingRole | null;
  ownerLabel: string;
  dayOffset: number;
  gatesStage: number | null;
}

export const DEFAULT_TEMPLATE_NAME = "Standard B2B plan";

export const DEFAULT_TEMPLATE_STEPS: readonly TemplateStep[] = [
  {
    title: "Business case shared with finance",
    output: "One-page case sent to CFO",
    ownerSide: "BUYER",
    ownerRole: "CHAMPION",
    ownerLabel: "Champion (buyer)",
    dayOffset: 7,
    gatesStage: 3,
  },
  {
    title: "Technical evaluation complete",
    output: "Signed evaluation summary",
    ownerSide: "BUYER",
    ownerRole: "TECHNICAL_EVALUATOR",
    ownerLabel: "Technical evaluator (buyer)",
    dayOffset: 14,
    gatesStage: 4,
  },
  {
    title: "Security review submitted",
    output: "Vendor questionnaire returned",
    ownerSide: "BUYER",
    ownerRole: null,
    ownerLabel: "Buyer security team",
    dayOffset: 18,
    gatesStage: 4,
  },
  {
    title: "Executive sponsor meeting",
    output: "Executive sign-off email",
    ownerSide: "JOINT",
    ownerRole: "CHAMPION",
    ownerLabel: "Champion and rep (joint)",
    dayOffset: 21,
    gatesStage: 4,
  },
  {
    title: "Proposal delivered",
    output: "Signed proposal with pricing",
    ownerSide: "SELLER",
    ownerRole: null,
    ownerLabel: "Rep (seller)",
    dayOffset: 24,
    gatesStage: 4,
  },
  {
    title: "Procurement portal entry",
    output: "Vendor record created",
    ownerSide: "BUYER",
    ownerRole: "PROCUREMENT",
    ownerLabel: "Procurement (buyer)",
    dayOffset: 30,
    gatesStage: 5,
  },
  {
    title: "Legal redlines exchanged",
    output: "Final redlines reconciled",
    ownerSide: "JOINT",
    ownerRole: "LEGAL",
    ownerLabel: "Both (joint)",
    dayOffset: 42,
    gatesStage: 5,
  },
  {
    title: "Countersignature",
    output: "Executed agreement",
    ownerSide: "BUYER",
    ownerRole: "ECONOMIC_BUYER",
    ownerLabel: "Economic buyer",
    dayOffset: 49,
    gatesStage: 6,
  },
];

/**
 * Why a plan cannot start on this day, in a person's words, or null when it can: it must not start
 * after the deal's target close date, and no template step may fall outside the accepted range.
 */
export function planStartProblem(
  startDate: CalendarDate,
  targetCloseDate: CalendarDate,
  steps: readonly Pick<TemplateStep, "dayOffset">[] = [],
): string | null {
  if (!isAcceptedDate(startDate)) return null; // the date field itself says what is wrong
  const start = dayNumber(startDate);
  if (isAcceptedDate(targetCloseDate) && start > dayNumber(targetCloseDate)) {
    return `The plan cannot start after the target close date (${formatCalendarDate(targetCloseDate)}). Choose an earlier start.`;
  }
  const offsets = steps.map((s) => s.dayOffset);
  if (offsets.length && start + Math.max(...offsets) > dayNumber(LAST_ACCEPTED_DATE)) {
    return `The template's last step would fall after ${formatCalendarDate(LAST_ACCEPTED_DATE)}. Choose an earlier start.`;
  }
  if (offsets.length && start + Math.min(...offsets) < dayNumber(FIRST_ACCEPTED_DATE)) {
    return `The template's first step would fall before ${formatCalendarDate(FIRST_ACCEPTED_DATE)}. Choose a later start.`;
  }
  return null;
}

/** Each step's target date from the plan's start; call planStartProblem first. */
export function templateDates(startDate: CalendarDate, steps: readonly Pick<TemplateStep, "dayOffset">[]): CalendarDate[] {
  const start = dayNumber(startDate);
  return steps.map((step) => fromDayNumber(start + step.dayOffset));
}
