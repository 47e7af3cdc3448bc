import { prisma, type Tx } from "~/utils/db.server";
import { FieldError, NotFoundError, VersionConflictError } from "~/utils/http.server";
import type { EditParticipantInput, NewParticipantInput } from "~/forms/participant";
import { visiblePlansWhere, type SellerActor } from "./actor.server";
import { changedFields, recordActivity, sellerActivityActor } from "./activity.server";
import { findPlanOfDeal, startDomainsFromFirstBuyer } from "./plan.server";
import { notifyStepAssigned } from "./step-assigned.server";
import { appUrl } from "~/utils/env.server";
import { isUniqueViolation } from "./audit.server";

/** A participant of this deal's plan, if the seller may see the deal; 404 otherwise. */
async function findParticipantForSeller(tx: Tx, actor: SellerActor, dealId: string, participantId: string) {
  const participant = await tx.participant.findFirst({
    where: { id: participantId, organizationId: actor.organizationId, plan: { dealId, ...visiblePlansWhere(actor) } },
    include: { plan: { select: { dealId: true } } },
  });
  if (!participant) throw new NotFoundError();
  return participant;
}

const EMAIL_TAKEN = "Someone with this email is already on the plan";

export async function checkEmailFree(tx: Tx, planId: string, email: string, exceptId?: string) {
  const taken = await tx.participant.findFirst({ where: { planId, email, NOT: exceptId ? { id: exceptId } : undefined } });
  if (taken) throw new FieldError("email", EMAIL_TAKEN);
}

/** Adds a buyer contact. Inviting them by email is a separate, explicit step. */
export async function addBuyerParticipant(actor: SellerActor, dealId: string, input: NewParticipantInput, baseUrl = appUrl()) {
  return addBuyerInTransaction(actor, dealId, input, baseUrl).catch((error: unknown) => {
    // Two adds of the same email at once both pass the check; the database's unique key refuses the second.
    if (isUniqueViolation(error)) throw new FieldError("email", EMAIL_TAKEN);
    throw error;
  });
}

async function addBuyerInTransaction(actor: SellerActor, dealId: string, input: NewParticipantInput, baseUrl: string) {
  return prisma.$transaction(async (tx) => {
    const plan = await findPlanOfDeal(tx, actor, dealId);
    const planId = plan.id;
    await checkEmailFree(tx, planId, input.email);
    const domain = await startDomainsFromFirstBuyer(tx, plan, input.email);
    const participant = await tx.participant.create({
      data: { ...input, organizationId: actor.organizationId, planId, side: "BUYER", accessState: "INVITED" },
    });
    if (domain) {
      await recordActivity(tx, sellerActivityActor(actor), {
        organizationId: actor.organizationId,
        dealId: plan.dealId,
        planId,
        entityType: "PLAN",
        entityId: planId,
        action: "plan.updated",
        before: { allowedDomains: "" },
        after: { allowedDomains: domain },
      });
    }
    await recordActivity(tx, sellerActivityActor(actor), {
      organizationId: actor.organizationId,
      dealId: plan.dealId,
      planId,
      entityType: "PARTICIPANT",
      entityId: participant.id,
      action: "participant.added",
      after: { name: participant.name, email: participant.email, role: participant.role },
    });
    await giveStepsOfRole(tx, actor, { id: planId, dealId: plan.dealId }, participant, baseUrl);
    return participant;
  });
}

/**
 * A template names the buying role that usually owns a step (a champion, procurement): the first
 * buyer contact added with that role becomes the owner of each open step of the plan that waits
 * for one, each recorded on the step's history like any owner change.
 */
async function giveStepsOfRole(
  tx: Tx,
  actor: SellerActor,
  plan: { id: string; dealId: string },
  participant: { id: string; role: string | null },
  baseUrl: string,
) {
  if (!participant.role) return;
  const steps = await tx.milestone.findMany({
    where: { planId: plan.id, ownerRole: participant.role, ownerParticipantId: null, ownerSide: { in: ["BUYER", "JOINT"] }, status: { not: "DONE" } },
    select: { id: true, internalOnly: true },
  });
  for (const step of steps) {
    await tx.milestone.update({ where: { id: step.id }, data: { ownerParticipantId: participant.id, version: { increment: 1 } } });
    await recordActivity(tx, sellerActivityActor(actor), {
      organizationId: actor.organizationId,
      dealId: plan.dealId,
      planId: plan.id,
      entityType: "MILESTONE",
      entityId: step.id,
      action: "milestone.updated",
      before: { ownerParticipantId: null },
      after: { ownerParticipantId: participant.id },
      internalOnly: step.internalOnly,
    });
    // A contact just added has not come in yet, so this sends nothing today; it keeps the one rule for every new owner.
    await notifyStepAssigned(tx, step.id, sellerActivityActor(actor), baseUrl);
  }
}

export async function updateBuyerParticipant(actor: SellerActor, dealId: string, input: EditParticipantInput) {
  return prisma.$transaction(async (tx) => {
    const current = await findParticipantForSeller(tx, actor, dealId, input.participantId);
    if (current.side !== "BUYER") throw new NotFoundError();
    if (current.version !== input.version) throw new VersionConflictError(current);
    const { participantId, version, ...fields } = input;
    if (fields.email !== current.email) await checkEmailFree(tx, current.planId, fields.email, participantId);
    const diff = changedFields(current, fields);
    if (!diff) return current;
    // A new address has proved nothing yet: it must come in through its own link or code.
    const reverify = fields.email !== current.email && current.accessState === "ACTIVE" ? { accessState: "INVITED", lastSeenAt: null } : {};
    const result = await tx.participant.updateMany({
      where: { id: participantId, version },
      data: { ...fields, ...reverify, version: { increment: 1 } },
    });
    if (result.count === 0) throw new VersionConflictError(await tx.participant.findUniqueOrThrow({ where: { id: participantId } }));
    await recordActivity(tx, sellerActivityActor(actor), {
      organizationId: actor.organizationId,
      dealId: current.plan.dealId,
      planId: current.planId,
      entityType: "PARTICIPANT",
      entityId: participantId,
      action: "participant.updated",
      ...diff,
    });
    return tx.participant.findUniqueOrThrow({ where: { id: participantId } });
  });
}

/** Removes a buyer's access: their sessions stop reaching this plan on the next request. */
export async function revokeBuyerParticipant(actor: SellerActor, dealId: string, participantId: string, version: number, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const current = await findParticipantForSeller(tx, actor, dealId, participantId);
    if (current.side !== "BUYER") throw new NotFoundError();
    if (current.version !== version) throw new VersionConflictError(current);
    if (current.accessState === "REVOKED") return current;
    const result = await tx.participant.updateMany({
      where: { id: participantId, version },
      data: { accessState: "REVOKED", revokedAt: now, version: { increment: 1 } },
    });
    if (result.count === 0) throw new VersionConflictError(await tx.participant.findUniqueOrThrow({ where: { id: participantId } }));
    await tx.milestone.updateMany({ where: { ownerParticipantId: participantId }, data: { ownerParticipantId: null } });
    await recordActivity(tx, sellerActivityActor(actor), {
      organizationId: actor.organizationId,
      dealId: current.plan.dealId,
      planId: current.planId,
      entityType: "PARTICIPANT",
      entityId: participantId,
      action: "participant.revoked",
      before: { accessState: current.accessState },
      after: { accessState: "REVOKED" },
    });
    return tx.participant.findUniqueOrThrow({ where: { id: participantId } });
  });
}
