// Plan templates as every seller meets them: the picker when creating a plan, the steps a plan is
// made from, and saving a plan as a new template. The admin pages' writes are in
// template-admin.server.ts.
import { prisma, type Tx } from "~/utils/db.server";
import { FieldError, NotFoundError } from "~/utils/http.server";
import { DEFAULT_TEMPLATE_STEPS, type TemplateStep } from "~/domain/default-template";
import { offsetsFromPlanDates, ownerLabelFor } from "~/domain/template-steps";
import { calendarDateIn } from "~/domain/dates";
import { BUYING_ROLES, type BuyingRole, type OwnerSide } from "~/domain/types";
import { recordAuditEvent } from "./audit.server";
import { visiblePlansWhere, type SellerActor } from "./actor.server";

/** A template's step as a plan copies it. */
export interface PlanTemplateStep extends TemplateStep {
  internalOnly: boolean;
}

/** Templates in the organization's order; the default first wherever a plan is created. */
export const TEMPLATE_ORDER = [{ position: "asc" as const }, { createdAt: "asc" as const }];

/** The templates a seller may create a plan from: not archived, the default first, then in order. */
export async function templateChoices(actor: SellerActor) {
  const templates = await prisma.template.findMany({
    where: { organizationId: actor.organizationId, archivedAt: null },
    orderBy: TEMPLATE_ORDER,
    select: { id: true, name: true, isDefault: true, _count: { select: { milestones: true } } },
  });
  const choices = templates.map((t) => ({ id: t.id, name: t.name, isDefault: t.isDefault, steps: t._count.milestones }));
  return [...choices.filter((t) => t.isDefault), ...choices.filter((t) => !t.isDefault)];
}

export type TemplateChoice = Awaited<ReturnType<typeof templateChoices>>[number];

/**
 * The steps of the template a plan is made from. No id means the organization's default (or the
 * product's built-in steps when it has none). Another organization's id or a made-up one is a 404;
 * an archived template is refused as a field error.
 */
export async function templateStepsForPlan(tx: Tx, organizationId: string, templateId?: string | null): Promise<readonly PlanTemplateStep[]> {
  const template = await tx.template.findFirst({
    where: templateId ? { id: templateId, organizationId } : { organizationId, isDefault: true },
    include: { milestones: { orderBy: { position: "asc" } } },
  });
  if (!template) {
    if (templateId) throw new NotFoundError();
    return DEFAULT_TEMPLATE_STEPS.map((step) => ({ ...step, internalOnly: false }));
  }
  if (template.archivedAt) throw new FieldError("templateId", "That template is archived. Pick another one.");
  return template.milestones.map((m) => ({
    title: m.title,
    output: m.output,
    ownerSide: m.ownerSide as OwnerSide,
    ownerRole: m.ownerRole as BuyingRole | null,
    ownerLabel: m.ownerLabel,
    dayOffset: m.dayOffset,
    gatesStage: m.gatesStage,
    internalOnly: m.internalOnly,
  }));
}

/** The next free place at the end of the organization's template list. */
export async function nextTemplatePosition(tx: Tx, organizationId: string) {
  const last = await tx.template.aggregate({ where: { organizationId }, _max: { position: true } });
  return (last._max.position ?? 0) + 1;
}

function buyingRoleOf(role: string | null | undefined): BuyingRole | null {
  return (BUYING_ROLES as readonly string[]).includes(role ?? "") ? (role as BuyingRole) : null;
}

/**
 * Any seller who can see the deal may keep its plan's steps as a new template. Day offsets count
 * from the plan's start date (a blank plan has none: then from the day it was created, in the
 * organization's timezone); a step's buying role comes from its buyer owner, when it has one.
 */
export async function savePlanAsTemplate(actor: SellerActor, dealId: string, input: { name: string }) {
  return prisma.$transaction(async (tx) => {
    const plan = await tx.plan.findFirst({
      where: { dealId, ...visiblePlansWhere(actor) },
      include: { milestones: { orderBy: { position: "asc" }, include: { ownerParticipant: { select: { role: true, side: true } } } } },
    });
    if (!plan) throw new NotFoundError();
    const start = plan.startDate ?? calendarDateIn(actor.timezone, plan.createdAt);
    const offsets = offsetsFromPlanDates(
      start,
      plan.milestones.map((m) => m.targetDate),
    );
    const template = await tx.template.create({
      data: {
        organizationId: actor.organizationId,
        name: input.name,
        description: `Saved from the plan "${plan.title}".`,
        position: await nextTemplatePosition(tx, actor.organizationId),
        milestones: {
          create: plan.milestones.map((m, index) => {
            const ownerRole = m.ownerParticipant?.side === "BUYER" ? buyingRoleOf(m.ownerParticipant.role) : null;
            return {
              position: index + 1,
              title: m.title,
              output: m.output,
              ownerSide: m.ownerSide,
              ownerRole,
              ownerLabel: ownerLabelFor(m.ownerSide as OwnerSide, ownerRole),
              dayOffset: offsets[index],
              gatesStage: m.gatesStage,
              internalOnly: m.internalOnly,
            };
          }),
        },
      },
    });
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      action: "template.created",
      actor: { email: actor.email, userId: actor.userId },
      subject: { type: "TEMPLATE", id: template.id },
      detail: { name: template.name, steps: plan.milestones.length, from: "plan" },
    });
    return template;
  });
}
