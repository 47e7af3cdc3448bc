// What the API reads of deals, plans, steps and participants, scoped like every seller read by
// visibleDealsWhere. Writes go through the same model functions as the pages (deal.server.ts,
// milestone.server.ts, participant.server.ts); this file only reads and shapes.
import { prisma } from "~/utils/db.server";
import { Prisma } from "~/generated/prisma/client";
import { NotFoundError } from "~/utils/http.server";
import { visibleDealsWhere, visiblePlansWhere, type SellerActor } from "./actor.server";
import { loadDealFigures } from "./signals.server";
import { completionOfRecord, confirmedByBuyer } from "~/domain/completion";

const withOwner = { owner: { select: { id: true, name: true, email: true } } } satisfies Prisma.DealInclude;
type DealRow = Prisma.DealGetPayload<{ include: typeof withOwner }>;

export function dealView(deal: DealRow) {
  return {
    id: deal.id,
    externalId: deal.externalId,
    accountName: deal.accountName,
    name: deal.name,
    amount: deal.amount,
    currency: deal.currency,
    stage: deal.stage,
    targetCloseDate: deal.targetCloseDate,
    repForecastCategory: deal.repForecastCategory as never,
    outcome: deal.outcome as never,
    closedOn: deal.closedOn,
    archived: deal.archivedAt !== null,
    owner: deal.owner,
    version: deal.version,
    createdAt: deal.createdAt.toISOString(),
    updatedAt: deal.updatedAt.toISOString(),
  };
}

export interface DealFilters {
  ownerId?: string;
  stage?: number;
  outcome?: string;
  archived: "true" | "false" | "any";
  updatedSince?: string;
  externalId?: string;
  cursor?: string;
  limit: number;
}

/**
 * One page of the deals the actor sees, in id order: ids never change, so walking the pages with
 * `nextCursor` (the last id) meets every deal once even while deals are edited.
 */
export async function listDealsPage(actor: SellerActor, filters: DealFilters) {
  const where: Prisma.DealWhereInput = {
    AND: [
      visibleDealsWhere(actor),
      {
        ownerId: filters.ownerId,
        stage: filters.stage,
        outcome: filters.outcome,
        externalId: filters.externalId,
        archivedAt: filters.archived === "any" ? undefined : filters.archived === "true" ? { not: null } : null,
        updatedAt: filters.updatedSince ? { gte: new Date(filters.updatedSince) } : undefined,
        id: filters.cursor ? { gt: filters.cursor } : undefined,
      },
    ],
  };
  const rows = await prisma.deal.findMany({ where, include: withOwner, orderBy: { id: "asc" }, take: filters.limit + 1 });
  const page = rows.slice(0, filters.limit);
  return { data: page.map(dealView), nextCursor: rows.length > filters.limit ? page[page.length - 1].id : null };
}

export async function getApiDeal(actor: SellerActor, dealId: string) {
  const deal = await prisma.deal.findFirst({ where: { id: dealId, ...visibleDealsWhere(actor) }, include: withOwner });
  if (!deal) throw new NotFoundError();
  return dealView(deal);
}

/** The id of the actor's deal with this CRM id, or null. */
export async function findDealIdByExternalId(actor: SellerActor, externalId: string) {
  const deal = await prisma.deal.findFirst({ where: { externalId, ...visibleDealsWhere(actor) }, select: { id: true } });
  return deal?.id ?? null;
}

type StepRow = Prisma.MilestoneGetPayload<object>;
type ParticipantRow = Prisma.ParticipantGetPayload<object>;

export function stepView(m: StepRow) {
  return {
    id: m.id,
    title: m.title,
    output: m.output,
    ownerSide: m.ownerSide as never,
    ownerParticipantId: m.ownerParticipantId,
    targetDate: m.targetDate,
    originalTargetDate: m.originalTargetDate,
    status: m.status as never,
    completedOn: m.completedOn,
    buyerConfirmed: confirmedByBuyer(m),
    completion: completionOfRecord(m),
    gatesStage: m.gatesStage,
    internalOnly: m.internalOnly,
    position: m.position,
    version: m.version,
  };
}

export function participantView(p: ParticipantRow) {
  return {
    id: p.id,
    side: p.side as never,
    name: p.name,
    email: p.email,
    title: p.title,
    role: p.role,
    accessState: p.accessState as never,
    lastSeenAt: p.lastSeenAt?.toISOString() ?? null,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
  };
}

const PARTICIPANT_ORDER = [{ side: "asc" as const }, { createdAt: "asc" as const }];

/** The deal's plan with its steps and people; a deal without a plan is a 404 like a missing one. */
export async function getApiPlan(actor: SellerActor, dealId: string) {
  const plan = await prisma.plan.findFirst({
    where: { dealId, ...visiblePlansWhere(actor) },
    include: { milestones: { orderBy: { position: "asc" } }, participants: { orderBy: PARTICIPANT_ORDER } },
  });
  if (!plan) throw new NotFoundError();
  return {
    id: plan.id,
    dealId: plan.dealId,
    title: plan.title,
    summary: plan.summary,
    status: plan.status as never,
    sharedOn: plan.sharedOn,
    version: plan.version,
    steps: plan.milestones.map(stepView),
    participants: plan.participants.map(participantView),
  };
}

/** A step of the deal's plan as stored, for merging a partial change into the full edit the model takes. */
export async function getApiStep(actor: SellerActor, dealId: string, stepId: string) {
  const step = await prisma.milestone.findFirst({ where: { id: stepId, organizationId: actor.organizationId, plan: { dealId, ...visiblePlansWhere(actor) } } });
  if (!step) throw new NotFoundError();
  return step;
}

export async function listApiParticipants(actor: SellerActor, dealId: string) {
  const plan = await prisma.plan.findFirst({
    where: { dealId, ...visiblePlansWhere(actor) },
    select: { participants: { orderBy: PARTICIPANT_ORDER } },
  });
  if (!plan) throw new NotFoundError();
  return { data: plan.participants.map(participantView) };
}

export async function getApiParticipant(actor: SellerActor, dealId: string, participantId: string) {
  const participant = await prisma.participant.findFirst({
    where: { id: participantId, organizationId: actor.organizationId, plan: { dealId, ...visiblePlansWhere(actor) } },
  });
  if (!participant) throw new NotFoundError();
  return participantView(participant);
}

/** The engine's figures for one deal, computed as the deal page computes them. */
export async function getApiSignals(actor: SellerActor, dealId: string) {
  const figures = (await loadDealFigures(actor, [dealId])).get(dealId);
  if (!figures) throw new NotFoundError();
  const s = figures.signals;
  if (!s) return { dealId, available: false, unreadableDate: figures.unreadableDate, health: null, forecast: null, slippage: null, planStatus: null };
  return {
    dealId,
    available: true,
    unreadableDate: null,
    health: s.health,
    forecast: s.forecast,
    slippage: {
      slippedCount: s.slippedCount,
      totalDaysSlipped: s.totalDaysSlipped,
      projectedCloseDate: s.projectedCloseDate,
      projectedAfterTarget: s.projectedAfterTarget,
      projectedOutsideQuarter: s.projectedOutsideQuarter,
      likelyToPush: s.likelyToPush,
      steps: s.milestones.map(({ id, originalTargetDate, targetDate, redateCount, daysSlipped, daysOverdue, countsAsDone }) => ({
        id,
        originalTargetDate,
        targetDate,
        redateCount,
        daysSlipped,
        daysOverdue,
        countsAsDone,
      })),
    },
    planStatus: s.planStatus,
  };
}
