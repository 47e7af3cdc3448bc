import { completionOfRecord } from "~/domain/completion";
import type { BuyingRole, ForecastCategory, MilestoneStatus, Outcome, OwnerSide, PlanStatus, Side, AccessState } from "~/domain/types";
import type { getDealWorkspace } from "~/models/deal.server";
import type { DealView, PlanView } from "~/components/plan-editor/types";

type Workspace = Awaited<ReturnType<typeof getDealWorkspace>>;

export function toDealView(deal: Workspace): DealView {
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

export function toPlanView(plan: NonNullable<Workspace["plan"]>): PlanView {
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
    milestones: plan.milestones.map((m) => ({
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
      markedDoneBy: m.markedDoneByParticipantId
        ? (names.get(m.markedDoneByParticipantId) ?? "a buyer")
        : m.markedDoneBySide === "SELLER"
          ? "seller"
          : null,
      gatesStage: m.gatesStage,
      internalOnly: m.internalOnly,
      position: m.position,
      version: m.version,
    })),
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
