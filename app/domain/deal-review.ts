// The weekly deal review (docs/stakeholders.md, "Weekly deal review"): each of a rep's open deals
// with what to talk about, in the order to discuss them. Pure: the engine's signals and the
// stakeholder map come in, the review's items go out.
import { addDays, isCalendarDate } from "./dates";
import { weekStart } from "./kpis";
import type { DealSignals, HealthLabel } from "./signal-types";
import type { StakeholderMap } from "./stakeholders";
import { STAKEHOLDER_ROLE_INFO } from "./stakeholders";
import type { CalendarDate } from "./types";

export interface ReviewDealInput {
  id: string;
  name: string;
  accountName: string;
  amount: number;
  currency: string;
  stage: number;
  /** null when a stored date cannot be read: the figures are withheld and the deal is discussed first. */
  signals: DealSignals | null;
  unreadableDate: string | null;
  stakeholders: StakeholderMap;
  /** The plan's steps in plan order, matching `signals.milestones`. */
  milestones: Array<{ id: string; title: string; targetDate: CalendarDate }>;
}

/** Discuss first: high-risk multi-threading, stalled, or figures withheld; then at risk; then healthy. */
export type ReviewGroup = "FIRST" | "AT_RISK" | "HEALTHY";
export const REVIEW_GROUP_LABELS: Record<ReviewGroup, string> = { FIRST: "Discuss first", AT_RISK: "At risk", HEALTHY: "Healthy" };
const GROUP_RANK: Record<ReviewGroup, number> = { FIRST: 0, AT_RISK: 1, HEALTHY: 2 };

export interface ReviewStep {
  id: string;
  title: string;
  days: number;
}

export interface ReviewItem {
  id: string;
  name: string;
  accountName: string;
  amount: number;
  currency: string;
  stage: number;
  group: ReviewGroup;
  /** Why the deal is in its group, in a person's words. */
  why: string[];
  health: { label: HealthLabel; score: number; deductions: Array<{ points: number; reason: string }>; notes: string[] } | null;
  unreadableDate: string | null;
  highRiskReason: string | null;
  /** Each missing role with its risk, then the roles only weakly held. */
  gaps: string[];
  overdue: ReviewStep[];
  slipped: ReviewStep[];
  stagePush: { pushed: boolean; steps: string[]; reasons: string[] };
  /** The earliest open step dated today or later. */
  nextStep: { title: string; targetDate: CalendarDate } | null;
}

function groupOf(deal: ReviewDealInput): { group: ReviewGroup; why: string[] } {
  const why: string[] = [];
  if (deal.stakeholders.highRisk) why.push("High-risk multi-threading");
  if (deal.signals === null) why.push("Figures withheld: a stored date cannot be read");
  const label = deal.signals?.health.label;
  if (label === "STALLED") why.push("Stalled");
  if (why.length > 0) return { group: "FIRST", why };
  if (label === "AT_RISK") return { group: "AT_RISK", why: ["At risk"] };
  return { group: "HEALTHY", why: ["Healthy"] };
}

export function reviewItem(deal: ReviewDealInput, today: CalendarDate): ReviewItem {
  const { signals, milestones } = deal;
  const steps = (signals?.milestones ?? []).map((s, i) => ({ s, title: milestones[i]?.title ?? `Milestone ${i + 1}` }));
  const nextStep =
    steps
      .filter(({ s }) => !s.countsAsDone && s.targetDate >= today)
      .sort((a, b) => a.s.targetDate.localeCompare(b.s.targetDate))
      .map(({ s, title }) => ({ title, targetDate: s.targetDate }))[0] ?? null;
  const titleOf = new Map(steps.map(({ s, title }) => [s.id, title]));
  const { group, why } = groupOf(deal);
  const weak = deal.stakeholders.cells.filter((c) => c.strength === "WEAK").map((c) => `${STAKEHOLDER_ROLE_INFO[c.role].label} is only weakly held`);
  return {
    id: deal.id,
    name: deal.name,
    accountName: deal.accountName,
    amount: deal.amount,
    currency: deal.currency,
    stage: deal.stage,
    group,
    why,
    health: signals ? { label: signals.health.label, score: signals.health.score, deductions: signals.health.deductions, notes: signals.health.notes } : null,
    unreadableDate: deal.unreadableDate,
    highRiskReason: deal.stakeholders.highRiskReason,
    gaps: [...deal.stakeholders.cells.flatMap((c) => (c.risk ? [c.risk] : [])), ...weak],
    overdue: steps.filter(({ s }) => s.daysOverdue > 0).map(({ s, title }) => ({ id: s.id, title, days: s.daysOverdue })),
    slipped: steps.filter(({ s }) => s.daysSlipped > 0).map(({ s, title }) => ({ id: s.id, title, days: s.daysSlipped })),
    stagePush: signals
      ? {
          pushed: signals.stagePush.pushed,
          steps: signals.stagePush.missingMilestoneIds.map((id) => titleOf.get(id) ?? "a step"),
          reasons: signals.stagePush.reasons,
        }
      : { pushed: false, steps: [], reasons: [] },
    nextStep,
  };
}

/** The order to discuss: by group, then the larger amount first, then by account and deal name. */
export function compareReviewItems(a: ReviewItem, b: ReviewItem): number {
  return GROUP_RANK[a.group] - GROUP_RANK[b.group] || b.amount - a.amount || a.accountName.localeCompare(b.accountName) || a.name.localeCompare(b.name);
}

export function reviewAgenda(deals: ReviewDealInput[], today: CalendarDate): ReviewItem[] {
  return deals.map((d) => reviewItem(d, today)).sort(compareReviewItems);
}

/**
 * The review's week from the URL: any day picks its week's Monday; no day means this week. A week
 * that has not started yet, or a day that is not a date, falls back to this week with a notice.
 */
export function resolveReviewWeek(requested: string | null, today: CalendarDate): { week: CalendarDate; thisWeek: CalendarDate; notice: string | null } {
  const thisWeek = weekStart(today);
  if (!requested) return { week: thisWeek, thisWeek, notice: null };
  if (!isCalendarDate(requested)) return { week: thisWeek, thisWeek, notice: "That week is not a date: showing this week." };
  const week = weekStart(requested);
  if (week > thisWeek) return { week: thisWeek, thisWeek, notice: "That week has not started yet: showing this week." };
  return { week, thisWeek, notice: null };
}

export function previousWeek(week: CalendarDate): CalendarDate {
  return addDays(week, -7);
}
