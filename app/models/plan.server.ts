import { prisma, type Tx } from "~/utils/db.server";
import { FieldError, NotFoundError, VersionConflictError } from "~/utils/http.server";
import { domainsIn, domainOf } from "~/domain/email-domains";
import { planStartProblem, templateDates } from "~/domain/default-template";
import type { CreatePlanInput, EditPlanInput } from "~/forms/plan";
import { actorToday, visibleDealsWhere, visiblePlansWhere, type SellerActor } from "./actor.server";
import { changedFields, recordActivity, sellerActivityActor } from "./activity.server";
import { refreshDealSignals } from "./signals.server";
import { templateStepsForPlan } from "./template.server";

/**
 * The buyer domains a new plan starts with: the organization's defaults, or none yet when the
 * organization starts each plan with its first buyer's domain (startDomainsFromFirstBuyer).
 */
async function newPlanDomains(tx: Tx, organizationId: string) {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { allowedBuyerDomains: true, planDomainFromBuyer: true } });
  return org.planDomainFromBuyer ? "" : org.allowedBuyerDomains;
}

/**
 * When the organization starts plans with their first buyer's domain, the first buyer added to a
 * plan that allows no domain yet sets it, if the organization's own list (when it has one) allows it.
 */
export async function startDomainsFromFirstBuyer(tx: Tx, plan: { id: string; organizationId: string; allowedDomains: string }, email: string) {
  if (plan.allowedDomains) return null;
  const org = await tx.organization.findUniqueOrThrow({ where: { id: plan.organizationId }, select: { allowedBuyerDomains: true, planDomainFromBuyer: true } });
  const domain = domainOf(email);
  const listed = domainsIn(org.allowedBuyerDomains);
  if (!org.planDomainFromBuyer || !domain || (listed.length > 0 && !listed.includes(domain))) return null;
  const earlierBuyer = await tx.participant.findFirst({ where: { planId: plan.id, side: "BUYER" }, select: { id: true } });
  if (earlierBuyer) return null;
  await tx.plan.update({ where: { id: plan.id }, data: { allowedDomains: domain, version: { increment: 1 } } });
  return domain;
}

export async function createPlanInTx(
  tx: Tx,
  actor: SellerActor,
  deal: { id: string; accountName: string; ownerId: string; targetCloseDate: string },
  input: CreatePlanInput,
) {
  const startDate = input.planMode === "template" ? input.planStartDate! : null;
  const steps = startDate ? await templateStepsForPlan(tx, actor.organizationId, input.templateId) : [];
  const problem = startDate ? planStartProblem(startDate, deal.targetCloseDate, steps) : null;
  if (problem) throw new FieldError("planStartDate", problem);
  const dates = startDate ? templateDates(startDate, steps) : [];
  const owner = await tx.user.findUniqueOrThrow({ where: { id: deal.ownerId } });
  const plan = await tx.plan.create({
    data: {
      organizationId: actor.organizationId,
      dealId: deal.id,
      title: `${deal.accountName}: mutual action plan`,
      startDate,
      allowedDomains: await newPlanDomains(tx, actor.organizationId),
    },
  });
  const rep = await tx.participant.create({
    data: {
      organizationId: actor.organizationId,
      planId: plan.id,
      side: "SELLER",
      userId: owner.id,
      email: owner.email,
      name: owner.name,
      accessState: "ACTIVE",
    },
  });
  for (const [index, step] of steps.entries()) {
    const targetDate = dates[index];
    await tx.milestone.create({
      data: {
        organizationId: actor.organizationId,
        planId: plan.id,
        title: step.title,
        output: step.output,
        ownerSide: step.ownerSide,
        ownerParticipantId: step.ownerSide === "SELLER" ? rep.id : null,
        targetDate,
        originalTargetDate: targetDate,
        gatesStage: step.gatesStage,
        ownerRole: step.ownerSide === "SELLER" ? null : step.ownerRole,
        internalOnly: step.internalOnly,
        position: index + 1,
      },
    });
  }
  await recordActivity(tx, sellerActivityActor(actor), {
    organizationId: actor.organizationId,
    dealId: deal.id,
    planId: plan.id,
    entityType: "PLAN",
    entityId: plan.id,
    action: "plan.created",
    after: { title: plan.title, from: startDate ? "template" : "blank", milestones: steps.length, startDate },
  });
  return plan;
}

export async function createPlan(actor: SellerActor, dealId: string, input: CreatePlanInput) {
  const plan = await prisma.$transaction(async (tx) => {
    const deal = await tx.deal.findFirst({ where: { id: dealId, ...visibleDealsWhere(actor) }, include: { plan: true } });
    if (!deal) throw new NotFoundError();
    if (deal.plan) return deal.plan;
    return createPlanInTx(tx, actor, deal, input);
  });
  await refreshDealSignals(actor.organizationId, dealId);
  return plan;
}

/** The plan of a deal the seller may see, inside a transaction; 404 otherwise. */
export async function findPlanOfDeal(tx: Tx, actor: SellerActor, dealId: string) {
  const plan = await tx.plan.findFirst({ where: { dealId, ...visiblePlansWhere(actor) } });
  if (!plan) throw new NotFoundError();
  return plan;
}

export async function updatePlan(actor: SellerActor, dealId: string, input: EditPlanInput) {
  return prisma.$transaction(async (tx) => {
    const current = await findPlanOfDeal(tx, actor, dealId);
    const planId = current.id;
    await checkAllowedDomains(tx, actor.organizationId, input.allowedDomains);
    if (current.version !== input.version) throw new VersionConflictError(current);
    const { version, ...fields } = input;
    const diff = changedFields(current, fields);
    if (!diff) return current;
    const result = await tx.plan.updateMany({ where: { id: planId, version }, data: { ...fields, version: { increment: 1 } } });
    if (result.count === 0) throw new VersionConflictError(await tx.plan.findUniqueOrThrow({ where: { id: planId } }));
    await recordActivity(tx, sellerActivityActor(actor), {
      organizationId: actor.organizationId,
      dealId: current.dealId,
      planId,
      entityType: "PLAN",
      entityId: planId,
      action: "plan.updated",
      ...diff,
    });
    return tx.plan.findUniqueOrThrow({ where: { id: planId } });
  });
}

/**
 * Admins decide which email domains buyers may share plans with (product.md, "Admins"). Once the
 * organization has a list, a plan may allow only domains from it; an empty list sets no limit yet.
 */
async function checkAllowedDomains(tx: Tx, organizationId: string, domains: string) {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { allowedBuyerDomains: true } });
  const allowed = new Set(org.allowedBuyerDomains.split(/\s+/).filter(Boolean));
  if (allowed.size === 0) return;
  const outside = domains.split(/\s+/).filter((d) => d && !allowed.has(d));
  if (outside.length) {
    throw new FieldError("allowedDomains", `Not allowed by your organization: ${outside.join(", ")}. Allowed: ${[...allowed].join(", ")}.`);
  }
}

/**
 * Marks a draft plan as shared with the buyer. From this day on, milestones keep their
 * original target dates, and every later change of date counts as a re-date.
 */
export async function sharePlan(actor: SellerActor, dealId: string, version: number, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const current = await findPlanOfDeal(tx, actor, dealId);
    const planId = current.id;
    if (current.version !== version) throw new VersionConflictError(current);
    if (current.status !== "DRAFT") return current;
    const sharedOn = actorToday(actor, now);
    const result = await tx.plan.updateMany({
      where: { id: planId, version },
      data: { status: "SHARED", sharedOn, sharedAt: now, version: { increment: 1 } },
    });
    if (result.count === 0) throw new VersionConflictError(await tx.plan.findUniqueOrThrow({ where: { id: planId } }));
    await recordActivity(tx, sellerActivityActor(actor), {
      organizationId: actor.organizationId,
      dealId: current.dealId,
      planId,
      entityType: "PLAN",
      entityId: planId,
      action: "plan.shared",
      before: { status: "DRAFT" },
      after: { status: "SHARED", sharedOn },
    });
    return tx.plan.findUniqueOrThrow({ where: { id: planId } });
  });
}
