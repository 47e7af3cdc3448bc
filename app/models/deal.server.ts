import { prisma } from "~/utils/db.server";
import { FieldError, ForbiddenError, NotFoundError, VersionConflictError } from "~/utils/http.server";
import type { EditDealInput, NewDealInput } from "~/forms/deal";
import { actorToday, managedMembersWhere, visibleDealsWhere, type SellerActor } from "./actor.server";
import { changedFields, recordActivity, sellerActivityActor } from "./activity.server";
import { createPlanInTx } from "./plan.server";
import { refreshDealSignals } from "./signals.server";
import { forgetPlanEngagement } from "./buyer-engagement.server";
import { forgetPlanFeeds } from "./calendar-feed.server";
import { recordDealMoves, recordDealOpened } from "./deal-history.server";
import { isUniqueViolation } from "./audit.server";

/** The CRM's id of a deal, which only integrations set (the API); the forms leave it as it is. */
type ExternalId = { externalId?: string | null };

/** A second deal of the organization with the same external id is a field error, not a crash. */
function externalIdTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw new FieldError("externalId", "Another deal of your organization already has this external id");
  throw error;
}

/** Users a deal may be assigned to: a rep can only own their own deals. */
export async function assignableOwners(actor: SellerActor) {
  if (actor.role === "REP") return [{ id: actor.userId, name: actor.name }];
  return prisma.user.findMany({
    where: {
      organizationId: actor.organizationId,
      deactivatedAt: null,
      ...(actor.role === "MANAGER" ? { OR: [managedMembersWhere(actor), { id: actor.userId }] } : {}),
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

export async function createDeal(actor: SellerActor, input: NewDealInput & ExternalId) {
  const owners = await assignableOwners(actor);
  const ownerId = input.ownerId || actor.userId;
  if (!owners.some((o) => o.id === ownerId)) throw new FieldError("ownerId", "Choose an owner from your team");
  const who = sellerActivityActor(actor);

  const created = await prisma.$transaction(async (tx) => {
    const deal = await tx.deal
      .create({
        data: {
          organizationId: actor.organizationId,
          ownerId,
          accountName: input.accountName,
          name: input.name,
          amount: input.amount,
          currency: input.currency,
          stage: input.stage,
          targetCloseDate: input.targetCloseDate,
          repForecastCategory: input.repForecastCategory,
          externalId: input.externalId ?? null,
        },
      })
      .catch(externalIdTaken);
    await recordActivity(tx, who, {
      organizationId: actor.organizationId,
      dealId: deal.id,
      entityType: "DEAL",
      entityId: deal.id,
      action: "deal.created",
      after: { accountName: deal.accountName, name: deal.name, amount: deal.amount, stage: deal.stage },
    });
    await recordDealOpened(tx, actor, deal, actorToday(actor));
    if (input.planMode !== "none") {
      await createPlanInTx(tx, actor, deal, {
        planMode: input.planMode,
        planStartDate: input.planStartDate,
        templateId: input.templateId,
      });
    }
    return deal;
  });
  await refreshDealSignals(actor.organizationId, created.id);
  return created;
}

async function findVisibleDeal(actor: SellerActor, dealId: string) {
  const deal = await prisma.deal.findFirst({ where: { id: dealId, ...visibleDealsWhere(actor) } });
  if (!deal) throw new NotFoundError();
  return deal;
}

export async function updateDeal(actor: SellerActor, dealId: string, input: EditDealInput & ExternalId) {
  const current = await findVisibleDeal(actor, dealId);
  if (current.version !== input.version) throw new VersionConflictError(current);
  const { version, ...fields } = input;
  const closing = fields.outcome !== "OPEN" && current.outcome === "OPEN";
  const data = {
    ...fields,
    closedOn: fields.outcome === "OPEN" ? null : closing ? actorToday(actor) : current.closedOn,
  };
  const diff = changedFields(current, data);
  if (!diff) return current;

  const updated = await prisma.$transaction(async (tx) => {
    const result = await tx.deal.updateMany({ where: { id: dealId, version }, data: { ...data, version: { increment: 1 } } }).catch(externalIdTaken);
    if (result.count === 0) throw new VersionConflictError(await tx.deal.findUniqueOrThrow({ where: { id: dealId } }));
    await recordDealMoves(tx, actor, current, data, actorToday(actor));
    const plan = await tx.plan.findUnique({ where: { dealId }, select: { id: true } });
    await recordActivity(tx, sellerActivityActor(actor), {
      organizationId: actor.organizationId,
      dealId,
      planId: plan?.id,
      entityType: "DEAL",
      entityId: dealId,
      action: "deal.updated",
      ...diff,
      // Amounts, stages and forecast calls are the seller's business, not the buyer's.
      internalOnly: true,
    });
    return tx.deal.findUniqueOrThrow({ where: { id: dealId } });
  });
  await refreshDealSignals(actor.organizationId, dealId);
  return updated;
}

/** Archiving takes a deal out of the pipeline and every figure: its owner, a manager or an admin may. */
export function mayArchive(actor: SellerActor, deal: { ownerId: string }) {
  return actor.role !== "REP" || deal.ownerId === actor.userId;
}

/** Archives (or restores) a deal; it leaves (or rejoins) the pipeline, the dashboard and every KPI. */
export async function setDealArchived(actor: SellerActor, dealId: string, archived: boolean, version: number, now = new Date()) {
  const current = await findVisibleDeal(actor, dealId);
  if (!mayArchive(actor, current)) throw new ForbiddenError("Only the deal's owner or a manager can archive or restore it.");
  if (current.version !== version) throw new VersionConflictError(current);
  if ((current.archivedAt !== null) === archived) return current;

  const saved = await prisma.$transaction(async (tx) => {
    const result = await tx.deal.updateMany({ where: { id: dealId, version }, data: { archivedAt: archived ? now : null, version: { increment: 1 } } });
    if (result.count === 0) throw new VersionConflictError(await tx.deal.findUniqueOrThrow({ where: { id: dealId } }));
    await recordActivity(tx, sellerActivityActor(actor), {
      organizationId: actor.organizationId,
      dealId,
      entityType: "DEAL",
      entityId: dealId,
      action: archived ? "deal.archived" : "deal.restored",
      internalOnly: true,
    });
    return tx.deal.findUniqueOrThrow({ where: { id: dealId } });
  });
  await refreshDealSignals(actor.organizationId, dealId);
  return saved;
}

/**
 * Deletes a deal with its plan and history, for an admin who typed the account name to confirm.
 * Nothing of it stays: the cache row goes in the same transaction.
 */
export async function deleteDeal(actor: SellerActor, dealId: string, confirmName: string) {
  const current = await findVisibleDeal(actor, dealId);
  if (actor.role !== "ADMIN") throw new ForbiddenError("Only an admin can delete a deal.");
  if (confirmName.trim().toLowerCase() !== current.accountName.trim().toLowerCase()) {
    throw new FieldError("confirmName", `Type the account name, ${current.accountName}, to confirm`);
  }
  // Internal notes, buyer visits and calendar addresses keep the deal's or plan's id without a
  // foreign key: they go with it here.
  const plan = await prisma.plan.findUnique({ where: { dealId }, select: { id: true } });
  await prisma.$transaction([
    prisma.dealSignalCache.deleteMany({ where: { dealId } }),
    prisma.internalNote.deleteMany({ where: { dealId, organizationId: actor.organizationId } }),
    ...(plan ? [...forgetPlanEngagement(plan.id), forgetPlanFeeds(plan.id)] : []),
    prisma.deal.delete({ where: { id: dealId } }),
  ]);
}
