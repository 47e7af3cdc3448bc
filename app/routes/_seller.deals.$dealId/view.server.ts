import { milestoneView } from "~/models/milestone-view.server";
import type { BuyingRole, ForecastCategory, Outcome, PlanStatus, Side, AccessState } from "~/domain/types";
import type { DealWorkspace } from "~/models/deal-workspace.server";
import type { DealView, PlanView } from "~/components/plan-editor/types";
import type { ArchiveState } from "~/components/plan-editor/archive-panel";
import { calendarDateIn, formatCalendarDate } from "~/domain/dates";
import { engagementWords } from "~/domain/buyer-visits";
import type { DealEngagement } from "~/models/buyer-engagement.server";
import type { EngagementView } from "~/components/plan-editor/engagement";
import type { StakeholderPanelView } from "~/components/stakeholders/stakeholder-map";
import { stakeholderMapOfLoadedDeal } from "~/models/signals.server";
import { stakeholderRowsOf } from "~/models/stakeholders.server";

export function toDealView(deal: DealWorkspace): DealView {
  return {
    id: deal.id,
    accountName: deal.accountName,
    name: deal.name,
    amount: deal.amount,
    currency: deal.currency,
    stage: deal.stage,
    targetCloseDate: deal.targetCloseDate,
    repForecastCategory: deal.repForecastCategory as ForecastCategory,
    outcome: deal.outcome as Outcome,
    closedOn: deal.closedOn,
    ownerName: deal.owner.name,
    version: deal.version,
  };
}

export function toPlanView(plan: NonNullable<DealWorkspace["plan"]>): PlanView {
  const names = new Map(plan.participants.map((p) => [p.id, p.name]));
  return {
    id: plan.id,
    title: plan.title,
    summary: plan.summary,
    status: plan.status as PlanStatus,
    sharedOn: plan.sharedOn,
    acceptedAt: plan.acceptedAt?.toISOString() ?? null,
    acceptedByName: plan.acceptedBy?.name ?? null,
    allowedDomains: plan.allowedDomains,
    startDate: plan.startDate,
    version: plan.version,
    milestones: plan.milestones.map((m) => ({ ...milestoneView(m, names), internalOnly: m.internalOnly })),
    participants: plan.participants.map((p) => ({
      id: p.id,
      side: p.side as Side,
      name: p.name,
      email: p.email,
      title: p.title,
      role: p.role as BuyingRole | null,
      accessState: p.accessState as AccessState,
      invitedAt: p.invitedAt?.toISOString() ?? null,
      lastSeenAt: p.lastSeenAt?.toISOString() ?? null,
      version: p.version,
    })),
  };
}

export function toArchiveState(deal: DealWorkspace, canArchive: boolean, canDelete: boolean): ArchiveState {
  return {
    archivedOn: deal.archivedAt ? formatCalendarDate(calendarDateIn(deal.organization.timezone, deal.archivedAt)) : null,
    canArchive,
    canDelete,
    version: deal.version,
    accountName: deal.accountName,
  };
}

/** The plan's engagement and each buyer's figures, as the deal page shows them (moments as ISO strings). */
export function toEngagementView(engagement: DealEngagement | null): EngagementView | null {
  if (!engagement) return null;
  const stakeholders: EngagementView["stakeholders"] = {};
  for (const [id, person] of Object.entries(engagement.stakeholders)) {
    stakeholders[id] = { ...person, lastSeenAt: person.lastSeenAt?.toISOString() ?? null };
  }
  return { direction: engagement.trend.direction, ...engagementWords(engagement.trend), stakeholders };
}

/** The stakeholder map panel: each role's cell, the rep's stored reading to edit, and the buyers who may hold a role. */
export function toStakeholderView(deal: DealWorkspace, today: string): StakeholderPanelView {
  const map = stakeholderMapOfLoadedDeal(deal, today);
  const stored = stakeholderRowsOf(deal.stakeholders);
  return {
    cells: map.cells.map((cell) => ({ ...cell, stored: stored.get(cell.role) ?? { role: cell.role, strength: "", holderParticipantId: "", version: 0 } })),
    weakOrUnknown: map.weakOrUnknown,
    highRiskReason: map.highRiskReason,
    buyers: (deal.plan?.participants ?? [])
      .filter((p) => p.side === "BUYER" && p.accessState !== "REVOKED")
      .map((p) => ({ id: p.id, name: p.name || p.email })),
  };
}
