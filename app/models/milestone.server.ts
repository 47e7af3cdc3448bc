import { Prisma, type Milestone } from "~/generated/prisma/client";
import { columnsNamed, readInOneStatement } from "~/utils/combined-read.server";
import { prisma, type Tx } from "~/utils/db.server";
import { FieldError, NotFoundError, VersionConflictError } from "~/utils/http.server";
import type { EditMilestoneInput, NewMilestoneInput } from "~/forms/milestone";
import { actingUserId, actorToday, visibleDealsSql, type SellerActor } from "./actor.server";
import { changedFields, recordActivity, sellerActivityActor, type ActivityActor, type ActivityInput } from "./activity.server";
import { findPlanOfDeal } from "./plan.server";
import { notifyStepAssigned } from "./step-assigned.server";
import { appUrl } from "~/utils/env.server";

/** Every column of a stored milestone, as Prisma would read the row. */
const STORED_MILESTONE = {
  ...columnsNamed("text", "m", ["id", "organizationId", "planId", "title", "output", "ownerSide", "ownerParticipantId", "targetDate"]),
  ...columnsNamed("text", "m", ["originalTargetDate", "status", "completedOn", "markedDoneBySide", "markedDoneByUserId", "markedDoneByParticipantId"]),
  ...columnsNamed("text", "m", ["buyerConfirmedByParticipantId", "ownerRole"]),
  ...columnsNamed("int", "m", ["gatesStage", "position", "version"]),
  ...columnsNamed("time", "m", ["markedDoneAt", "buyerConfirmedAt", "createdAt", "updatedAt"]),
  ...columnsNamed("flag", "m", ["internalOnly"]),
};

/**
 * A milestone of this deal's plan, if the seller may see the deal; 404 otherwise. One lean
 * statement instead of an ORM include (two statements, each compiled): every save of a step runs
 * it while holding its transaction, which on SQLite is every other request's turn.
 */
async function findMilestoneForSeller(tx: Tx, actor: SellerActor, dealId: string, milestoneId: string) {
  const read = await readInOneStatement(
    {
      milestone: {
        columns: { ...STORED_MILESTONE, planStatus: ["text", `pl."status"`] },
        from: Prisma.sql`
          FROM "Milestone" m
          JOIN "Plan" pl ON pl."id" = m."planId" AND pl."organizationId" = m."organizationId"
          JOIN "Deal" d ON d."id" = pl."dealId"
          WHERE m."id" = ${milestoneId} AND m."organizationId" = ${actor.organizationId} AND pl."dealId" = ${dealId} AND ${visibleDealsSql(actor)}`,
      },
    },
    tx,
  );
  const [row] = read.milestone;
  if (!row) throw new NotFoundError();
  const { planStatus, ...stored } = row;
  const milestone = stored as unknown as Milestone;
  return { ...milestone, plan: { id: milestone.planId, dealId, status: planStatus as string } };
}

/** The owner person must be on this plan, still has access, and sit on the owning side. */
async function checkOwner(tx: Tx, planId: string, ownerSide: string, ownerParticipantId: string | null) {
  if (!ownerParticipantId) return;
  const owner = await tx.participant.findFirst({ where: { id: ownerParticipantId, planId } });
  if (!owner || owner.accessState === "REVOKED") {
    throw new FieldError("ownerParticipantId", "Choose an owner from the people on this plan");
  }
  if (ownerSide !== "JOINT" && owner.side !== ownerSide) {
    const side = ownerSide === "BUYER" ? "buyer" : "seller";
    throw new FieldError("ownerParticipantId", `A ${side}-owned step needs an owner from the ${side} side`);
  }
}

export async function addMilestone(actor: SellerActor, dealId: string, input: NewMilestoneInput, baseUrl = appUrl()) {
  return prisma.$transaction(async (tx) => {
    const plan = await findPlanOfDeal(tx, actor, dealId);
    const planId = plan.id;
    await checkOwner(tx, planId, input.ownerSide, input.ownerParticipantId);
    const last = await tx.milestone.aggregate({ where: { planId }, _max: { position: true } });
    const done = input.status === "DONE" ? sellerCompletion(actor) : {};
    const milestone = await tx.milestone.create({
      data: {
        ...input,
        ...done,
        organizationId: actor.organizationId,
        planId,
        originalTargetDate: input.targetDate,
        position: (last._max.position ?? 0) + 1,
      },
    });
    await recordActivity(tx, sellerActivityActor(actor), {
      organizationId: actor.organizationId,
      dealId: plan.dealId,
      planId,
      entityType: "MILESTONE",
      entityId: milestone.id,
      action: "milestone.created",
      after: { title: milestone.title, targetDate: milestone.targetDate, ownerSide: milestone.ownerSide },
      internalOnly: milestone.internalOnly,
    });
    if (milestone.ownerParticipantId) await notifyStepAssigned(tx, milestone.id, sellerActivityActor(actor), baseUrl);
    return milestone;
  });
}

/** Completion evidence when a seller marks a step done: the buyer has not confirmed it. */
function sellerCompletion(actor: SellerActor, now = new Date()) {
  return {
    completedOn: actorToday(actor, now),
    markedDoneAt: now,
    markedDoneBySide: "SELLER",
    markedDoneByUserId: actingUserId(actor),
    markedDoneByParticipantId: null,
    buyerConfirmedAt: null,
    buyerConfirmedByParticipantId: null,
  };
}

const NO_COMPLETION = {
  completedOn: null,
  markedDoneAt: null,
  markedDoneBySide: null,
  markedDoneByUserId: null,
  markedDoneByParticipantId: null,
  buyerConfirmedAt: null,
  buyerConfirmedByParticipantId: null,
};

export async function updateMilestone(actor: SellerActor, dealId: string, input: EditMilestoneInput, baseUrl = appUrl()) {
  return prisma.$transaction(async (tx) => {
    const current = await findMilestoneForSeller(tx, actor, dealId, input.milestoneId);
    if (current.version !== input.version) throw new VersionConflictError(current);
    await checkOwner(tx, current.planId, input.ownerSide, input.ownerParticipantId);

    const { milestoneId, version, ...fields } = input;
    // A done step keeps its owner side: otherwise a step the seller marked done for the buyer
    // could be turned into a seller step and count as done without the buyer (product.md).
    if (current.status === "DONE" && fields.status === "DONE" && fields.ownerSide !== current.ownerSide) {
      throw new FieldError("ownerSide", "Reopen this step before changing who owns it: a done step keeps the side that finished it");
    }
    const becameDone = fields.status === "DONE" && current.status !== "DONE";
    const reopened = fields.status !== "DONE" && current.status === "DONE";
    const data = {
      ...fields,
      // Until the plan is first shared, the agreed date is whatever the plan says.
      ...(current.plan.status === "DRAFT" ? { originalTargetDate: fields.targetDate } : {}),
      ...(becameDone ? sellerCompletion(actor) : reopened ? NO_COMPLETION : {}),
    };
    const diff = changedFields(current, fields);
    if (!diff) return { activityIds: [] };

    const result = await tx.milestone.updateMany({
      where: { id: milestoneId, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (result.count === 0) throw new VersionConflictError(await tx.milestone.findUniqueOrThrow({ where: { id: milestoneId } }));
    const activityIds = await recordMilestoneChanges(tx, sellerActivityActor(actor), current, diff, fields.internalOnly);
    if (diff.after.ownerParticipantId) await notifyStepAssigned(tx, milestoneId, sellerActivityActor(actor), baseUrl);
    return { activityIds };
  });
}

/**
 * One history row per kind of change: a re-date and a completion each get their own row, because
 * slippage and confirmation are derived from exactly those rows.
 */
async function recordMilestoneChanges(
  tx: Tx,
  who: ActivityActor,
  current: { id: string; organizationId: string; planId: string; plan: { dealId: string } },
  diff: { before: Record<string, unknown>; after: Record<string, unknown> },
  internalOnly: boolean,
) {
  const base = {
    organizationId: current.organizationId,
    dealId: current.plan.dealId,
    planId: current.planId,
    entityType: "MILESTONE" as const,
    entityId: current.id,
    internalOnly,
  };
  const { targetDate: dateBefore, status: statusBefore, ...otherBefore } = diff.before;
  const { targetDate: dateAfter, status: statusAfter, ...otherAfter } = diff.after;
  const written: string[] = [];
  const record = async (action: ActivityInput["action"], before: Record<string, unknown>, after: Record<string, unknown>) => {
    written.push((await recordActivity(tx, who, { ...base, action, before, after })).id);
  };
  if (dateAfter !== undefined) await record("milestone.redated", { targetDate: dateBefore }, { targetDate: dateAfter });
  if (statusAfter !== undefined) {
    const action = statusAfter === "DONE" ? "milestone.completed" : statusBefore === "DONE" ? "milestone.reopened" : "milestone.status_changed";
    await record(action, { status: statusBefore }, { status: statusAfter });
  }
  if (Object.keys(otherAfter).length > 0) await record("milestone.updated", otherBefore, otherAfter);
  return written;
}

export async function moveMilestone(actor: SellerActor, dealId: string, milestoneId: string, direction: "up" | "down", version: number) {
  return prisma.$transaction(async (tx) => {
    const current = await findMilestoneForSeller(tx, actor, dealId, milestoneId);
    if (current.version !== version) throw new VersionConflictError(current);
    const neighbour = await tx.milestone.findFirst({
      where: {
        planId: current.planId,
        position: direction === "up" ? { lt: current.position } : { gt: current.position },
      },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
    });
    if (!neighbour) return current;
    const result = await tx.milestone.updateMany({
      where: { id: milestoneId, version },
      data: { position: neighbour.position, version: { increment: 1 } },
    });
    if (result.count === 0) throw new VersionConflictError(await tx.milestone.findUniqueOrThrow({ where: { id: milestoneId } }));
    // Only the moved row's version changes: a move must not make a colleague's open edit of
    // the neighbour look stale, since that edit never touches positions.
    await tx.milestone.update({ where: { id: neighbour.id }, data: { position: current.position } });
    await recordActivity(tx, sellerActivityActor(actor), {
      organizationId: actor.organizationId,
      dealId: current.plan.dealId,
      planId: current.planId,
      entityType: "MILESTONE",
      entityId: milestoneId,
      action: "milestone.moved",
      before: { position: current.position },
      after: { position: neighbour.position },
      internalOnly: current.internalOnly,
    });
    return tx.milestone.findUniqueOrThrow({ where: { id: milestoneId } });
  });
}

export async function deleteMilestone(actor: SellerActor, dealId: string, milestoneId: string, version: number) {
  return prisma.$transaction(async (tx) => {
    const current = await findMilestoneForSeller(tx, actor, dealId, milestoneId);
    if (current.version !== version) throw new VersionConflictError(current);
    const result = await tx.milestone.deleteMany({ where: { id: milestoneId, version } });
    if (result.count === 0) throw new VersionConflictError(await tx.milestone.findUniqueOrThrow({ where: { id: milestoneId } }));
    await recordActivity(tx, sellerActivityActor(actor), {
      organizationId: actor.organizationId,
      dealId: current.plan.dealId,
      planId: current.planId,
      entityType: "MILESTONE",
      entityId: milestoneId,
      action: "milestone.deleted",
      before: { title: current.title, targetDate: current.targetDate, status: current.status },
      internalOnly: current.internalOnly,
    });
  });
}
