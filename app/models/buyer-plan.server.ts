// Everything a buyer does on a plan (what they read is in buyer-plan-read.server.ts). Every query
// is scoped to the buyer's own plan; internal-only milestones are not found.
import { prisma, type Tx } from "~/utils/db.server";
import { FieldError, ForbiddenError, NotFoundError, VersionConflictError } from "~/utils/http.server";
import { organizationToday } from "~/domain/dates";
import type { z } from "zod";
import type {
  BuyerAddMilestoneSchema,
  BuyerAssignSchema,
  BuyerBlockedSchema,
  BuyerCommentSchema,
  BuyerInviteSchema,
  BuyerMilestoneActionSchema,
  BuyerRedateSchema,
} from "~/forms/buyer";
import type { BuyerActor } from "./actor.server";
import { recordActivity, type ActivityActor } from "./activity.server";
import type { ActivityAction } from "./activity.types";
import { domainAllowed, inviteNewBuyer } from "./buyer-access.server";
import { notifyPlanAccepted } from "./plan-accepted.server";
import { notifyStepAssigned } from "./step-assigned.server";
import type { StoredMilestone } from "./milestone-view.server";
import { appUrl } from "~/utils/env.server";

function buyerWho(buyer: BuyerActor): ActivityActor {
  return { side: "BUYER", participantId: buyer.participantId, name: buyer.name };
}

/** What a buyer may be shown of a stored milestone when their save meets someone else's (409). */
function conflictView(m: Pick<StoredMilestone, "id" | "title" | "output" | "ownerSide" | "ownerParticipantId" | "targetDate" | "status" | "version">) {
  const { id, title, output, ownerSide, ownerParticipantId, targetDate, status, version } = m;
  return { id, title, output, ownerSide, ownerParticipantId, targetDate, status, version };
}

/** A visible milestone of the buyer's own plan; internal-only or foreign ids are simply not found. */
async function findVisibleMilestone(tx: Tx, buyer: BuyerActor, milestoneId: string, version?: number) {
  const milestone = await tx.milestone.findFirst({
    where: { id: milestoneId, planId: buyer.planId, organizationId: buyer.organizationId, internalOnly: false },
  });
  if (!milestone) throw new NotFoundError();
  if (version !== undefined && milestone.version !== version) throw new VersionConflictError(conflictView(milestone));
  return milestone;
}

/** Buyers assign owners among their own colleagues on the plan (product.md, "Who uses it"). */
async function checkBuyerPlanOwner(tx: Tx, buyer: BuyerActor, ownerParticipantId: string | null) {
  if (!ownerParticipantId) return;
  const owner = await tx.participant.findFirst({
    where: { id: ownerParticipantId, planId: buyer.planId, side: "BUYER", accessState: { not: "REVOKED" } },
  });
  if (!owner) throw new FieldError("ownerParticipantId", "Choose an owner among your colleagues on this plan");
}

/** Writes a versioned change to a milestone and its history row in one go. */
async function changeMilestone(
  tx: Tx,
  buyer: BuyerActor,
  current: { id: string; version: number; planId: string },
  data: Record<string, unknown>,
  history: { action: ActivityAction; before?: Record<string, unknown>; after: Record<string, unknown> },
) {
  const result = await tx.milestone.updateMany({ where: { id: current.id, version: current.version }, data: { ...data, version: { increment: 1 } } });
  if (result.count === 0) throw new VersionConflictError(conflictView(await tx.milestone.findUniqueOrThrow({ where: { id: current.id } })));
  await recordActivity(tx, buyerWho(buyer), {
    organizationId: buyer.organizationId,
    dealId: buyer.dealId,
    planId: buyer.planId,
    entityType: "MILESTONE",
    entityId: current.id,
    ...history,
  });
}

export async function buyerAddMilestone(buyer: BuyerActor, input: z.infer<typeof BuyerAddMilestoneSchema>, baseUrl = appUrl()) {
  return prisma.$transaction(async (tx) => {
    await checkBuyerPlanOwner(tx, buyer, input.ownerParticipantId);
    const plan = await tx.plan.findUniqueOrThrow({ where: { id: buyer.planId }, select: { status: true } });
    const last = await tx.milestone.aggregate({ where: { planId: buyer.planId }, _max: { position: true } });
    const milestone = await tx.milestone.create({
      data: {
        ...input,
        organizationId: buyer.organizationId,
        planId: buyer.planId,
        originalTargetDate: input.targetDate,
        position: (last._max.position ?? 0) + 1,
      },
    });
    await recordActivity(tx, buyerWho(buyer), {
      organizationId: buyer.organizationId,
      dealId: buyer.dealId,
      planId: buyer.planId,
      entityType: "MILESTONE",
      entityId: milestone.id,
      action: "milestone.created",
      after: { title: milestone.title, targetDate: milestone.targetDate, ownerSide: milestone.ownerSide, planStatus: plan.status },
    });
    if (milestone.ownerParticipantId) await notifyStepAssigned(tx, milestone.id, buyerWho(buyer), baseUrl);
    return milestone;
  });
}

export async function buyerRedate(buyer: BuyerActor, input: z.infer<typeof BuyerRedateSchema>) {
  return prisma.$transaction(async (tx) => {
    const current = await findVisibleMilestone(tx, buyer, input.milestoneId, input.version);
    if (current.targetDate === input.targetDate) return current;
    await changeMilestone(
      tx,
      buyer,
      current,
      { targetDate: input.targetDate },
      {
        action: "milestone.redated",
        before: { targetDate: current.targetDate },
        after: { targetDate: input.targetDate, ...(input.reason ? { reason: input.reason } : {}) },
      },
    );
  });
}

export async function buyerAssignOwner(buyer: BuyerActor, input: z.infer<typeof BuyerAssignSchema>, baseUrl = appUrl()) {
  return prisma.$transaction(async (tx) => {
    const current = await findVisibleMilestone(tx, buyer, input.milestoneId, input.version);
    if (current.ownerSide === "SELLER") throw new ForbiddenError("Only the seller assigns their own steps.");
    await checkBuyerPlanOwner(tx, buyer, input.ownerParticipantId);
    if (current.ownerParticipantId === input.ownerParticipantId) return;
    await changeMilestone(
      tx,
      buyer,
      current,
      { ownerParticipantId: input.ownerParticipantId },
      {
        action: "milestone.updated",
        before: { ownerParticipantId: current.ownerParticipantId },
        after: { ownerParticipantId: input.ownerParticipantId },
      },
    );
    if (input.ownerParticipantId) await notifyStepAssigned(tx, current.id, buyerWho(buyer), baseUrl);
  });
}

/** A buyer marking their own (or a joint) step done: it counts at once, no confirmation needed. */
export async function buyerMarkDone(buyer: BuyerActor, input: z.infer<typeof BuyerMilestoneActionSchema>, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const current = await findVisibleMilestone(tx, buyer, input.milestoneId, input.version);
    if (current.ownerSide === "SELLER") throw new ForbiddenError("Only the seller marks their own steps done.");
    if (current.status === "DONE") return;
    await changeMilestone(
      tx,
      buyer,
      current,
      {
        status: "DONE",
        completedOn: organizationToday(buyer, now),
        markedDoneAt: now,
        markedDoneBySide: "BUYER",
        markedDoneByParticipantId: buyer.participantId,
        markedDoneByUserId: null,
        buyerConfirmedAt: null,
        buyerConfirmedByParticipantId: null,
      },
      { action: "milestone.completed", before: { status: current.status }, after: { status: "DONE" } },
    );
  });
}

/**
 * A buyer saying their step cannot move on (the check-in's "blocked" answer): the seller sees it
 * blocked, and the reason in the history. A done step stays done: reopening it is the seller's call.
 */
export async function buyerMarkBlocked(buyer: BuyerActor, input: z.infer<typeof BuyerBlockedSchema>) {
  return prisma.$transaction(async (tx) => {
    const current = await findVisibleMilestone(tx, buyer, input.milestoneId, input.version);
    if (current.ownerSide === "SELLER") throw new ForbiddenError("Only the seller changes the status of their own steps.");
    if (current.status === "DONE") throw new FieldError("milestoneId", "This step is done already.");
    if (current.status === "BLOCKED") return;
    await changeMilestone(
      tx,
      buyer,
      current,
      { status: "BLOCKED" },
      {
        action: "milestone.status_changed",
        before: { status: current.status },
        after: { status: "BLOCKED", ...(input.reason ? { reason: input.reason } : {}) },
      },
    );
  });
}

/** The buyer's one-click confirmation of a step the seller marked done for them. */
export async function buyerConfirm(buyer: BuyerActor, input: z.infer<typeof BuyerMilestoneActionSchema>, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const current = await findVisibleMilestone(tx, buyer, input.milestoneId, input.version);
    // Done but not by a buyer's own mark (the seller's, or nobody recorded): it waits for a buyer.
    const awaiting = current.status === "DONE" && current.ownerSide !== "SELLER" && current.markedDoneBySide !== "BUYER" && !current.buyerConfirmedAt;
    if (!awaiting) throw new FieldError("milestoneId", "This step is not waiting for your confirmation.");
    // A buyer step is complete when a buyer confirms it, so that is its completion date (product.md,
    // "buyer-confirmed, on-time completion").
    const confirmed = { buyerConfirmedAt: now, buyerConfirmedByParticipantId: buyer.participantId, completedOn: organizationToday(buyer, now) };
    await changeMilestone(tx, buyer, current, confirmed, {
      action: "milestone.confirmed",
      after: { buyerConfirmed: true },
    });
  });
}

export async function buyerComment(buyer: BuyerActor, input: z.infer<typeof BuyerCommentSchema>) {
  return prisma.$transaction(async (tx) => {
    if (input.milestoneId) await findVisibleMilestone(tx, buyer, input.milestoneId);
    const comment = await tx.comment.create({
      data: {
        organizationId: buyer.organizationId,
        planId: buyer.planId,
        milestoneId: input.milestoneId,
        side: "BUYER",
        authorParticipantId: buyer.participantId,
        body: input.body,
      },
    });
    await recordActivity(tx, buyerWho(buyer), {
      organizationId: buyer.organizationId,
      dealId: buyer.dealId,
      planId: buyer.planId,
      entityType: "COMMENT",
      entityId: input.milestoneId ?? comment.id,
      action: "comment.added",
      after: { body: input.body },
    });
  });
}

/** "We agree to this plan": the buyer's recorded act, with who and when. */
export async function buyerAcceptPlan(buyer: BuyerActor, version: number, now = new Date(), baseUrl = appUrl()) {
  return prisma.$transaction(async (tx) => {
    const plan = await tx.plan.findFirstOrThrow({ where: { id: buyer.planId } });
    if (plan.version !== version) throw new VersionConflictError({ status: plan.status, version: plan.version });
    if (plan.status === "ACCEPTED") return;
    const result = await tx.plan.updateMany({
      where: { id: plan.id, version },
      data: { status: "ACCEPTED", acceptedAt: now, acceptedByParticipantId: buyer.participantId, version: { increment: 1 } },
    });
    if (result.count === 0) {
      const now = await tx.plan.findUniqueOrThrow({ where: { id: plan.id } });
      throw new VersionConflictError({ status: now.status, version: now.version });
    }
    await recordActivity(tx, buyerWho(buyer), {
      organizationId: buyer.organizationId,
      dealId: buyer.dealId,
      planId: buyer.planId,
      entityType: "PLAN",
      entityId: plan.id,
      action: "plan.accepted",
      before: { status: plan.status },
      after: { status: "ACCEPTED" },
    });
    await notifyPlanAccepted(tx, plan.id, buyer.name, baseUrl, now);
  });
}

/** A buyer brings a colleague, but only from a domain the plan allows. */
export async function buyerInviteColleague(buyer: BuyerActor, input: z.infer<typeof BuyerInviteSchema>, baseUrl: string) {
  const plan = await prisma.plan.findUniqueOrThrow({ where: { id: buyer.planId }, select: { allowedDomains: true } });
  if (!domainAllowed(plan.allowedDomains, input.email)) {
    const allowed = plan.allowedDomains.split(/\s+/).filter(Boolean);
    throw new FieldError(
      "email",
      allowed.length
        ? `Only addresses at ${allowed.join(", ")} can be invited. Ask the seller to add another domain.`
        : "This plan does not allow buyers to invite colleagues yet. Ask the seller to add your company's domain.",
    );
  }
  return inviteNewBuyer(buyerWho(buyer), buyer.planId, input, baseUrl);
}
