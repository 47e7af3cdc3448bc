// The plain shapes the seller's deal page receives from its loader. Built in
// app/routes/_seller.deals.$dealId/view.server.ts, read by the components beside this file.
import type { CompletionState } from "~/domain/completion";
import type { AccessState, BuyingRole, CalendarDate, ForecastCategory, MilestoneStatus, Outcome, OwnerSide, PlanStatus, Side } from "~/domain/types";

export interface DealView {
  id: string;
  accountName: string;
  name: string;
  amount: number;
  currency: string;
  stage: number;
  targetCloseDate: CalendarDate;
  repForecastCategory: ForecastCategory;
  outcome: Outcome;
  closedOn: CalendarDate | null;
  ownerName: string;
  version: number;
}

export interface MilestoneView {
  id: string;
  title: string;
  output: string;
  ownerSide: OwnerSide;
  ownerParticipantId: string | null;
  ownerName: string | null;
  targetDate: CalendarDate;
  originalTargetDate: CalendarDate;
  status: MilestoneStatus;
  completion: CompletionState;
  completedOn: CalendarDate | null;
  gatesStage: number | null;
  internalOnly: boolean;
  position: number;
  version: number;
}

export interface ParticipantView {
  id: string;
  side: Side;
  name: string;
  email: string;
  title: string;
  role: BuyingRole | null;
  accessState: AccessState;
  invitedAt: string | null;
  lastSeenAt: string | null;
  version: number;
}

export interface PlanView {
  id: string;
  title: string;
  summary: string;
  status: PlanStatus;
  sharedOn: CalendarDate | null;
  acceptedAt: string | null;
  acceptedByName: string | null;
  allowedDomains: string;
  startDate: CalendarDate | null;
  version: number;
  milestones: MilestoneView[];
  participants: ParticipantView[];
}

export interface AccessRequestView {
  id: string;
  email: string;
  createdAt: string;
}
