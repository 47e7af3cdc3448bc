// The admins' template pages: list, create, edit steps, reorder, duplicate, archive and restore.
// Every act is one transaction with its audit row; edits carry Template.version.
import { prisma, type Tx } from "~/utils/db.server";
import { FieldError, ForbiddenError, NotFoundError, VersionConflictError } from "~/utils/http.server";
import { applyTemplateOp, MAX_TEMPLATE_STEPS, moveItem, ownerLabelFor, parseTemplateOp, positionsInOrder, type MoveDirection } from "~/domain/template-steps";
import type { AuditAction } from "./audit.types";
import type { EditTemplateInput, NewTemplateInput, TemplateStepInput } from "~/forms/template";
import { recordAuditEvent } from "./audit.server";
import { nextTemplatePosition, TEMPLATE_ORDER } from "./template.server";
import type { SellerActor } from "./actor.server";

function assertAdmin(actor: SellerActor) {
  if (actor.role !== "ADMIN") throw new ForbiddenError("Only an admin of your organization can change templates.");
}

function audit(tx: Tx, actor: SellerActor, action: AuditAction, templateId: string | null, detail: Record<string, string | number | boolean>) {
  return recordAuditEvent(tx, {
    organizationId: actor.organizationId,
    action,
    actor: { email: actor.email, userId: actor.userId },
    subject: templateId ? { type: "TEMPLATE", id: templateId } : null,
    detail,
  });
}

/** Every template of the organization in order, with its number of steps; archived ones apart. */
export async function listTemplates(actor: SellerActor) {
  assertAdmin(actor);
  const rows = await prisma.template.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: TEMPLATE_ORDER,
    include: { _count: { select: { milestones: true } } },
  });
  const view = rows.map(({ _count, ...t }) => ({ ...t, steps: _count.milestones }));
  return { active: view.filter((t) => !t.archivedAt), archived: view.filter((t) => t.archivedAt) };
}

async function findTemplate(tx: Tx, actor: SellerActor, templateId: string) {
  const template = await tx.template.findFirst({
    where: { id: templateId, organizationId: actor.organizationId },
    include: { milestones: { orderBy: { position: "asc" } } },
  });
  if (!template) throw new NotFoundError();
  return template;
}

/** One template with its steps; 404 for another organization's or a made-up id. */
export async function getTemplate(actor: SellerActor, templateId: string) {
  assertAdmin(actor);
  return findTemplate(prisma, actor, templateId);
}

export type TemplateWithSteps = Awaited<ReturnType<typeof getTemplate>>;

/** A template as a 409 shows it: what is stored now. */
function storedState(template: TemplateWithSteps) {
  const { id, name, description, version, archivedAt, milestones } = template;
  return { id, name, description, version, archived: Boolean(archivedAt), steps: milestones.map((m) => ({ title: m.title, dayOffset: m.dayOffset })) };
}

async function checkVersion(tx: Tx, actor: SellerActor, templateId: string, version: number) {
  const current = await findTemplate(tx, actor, templateId);
  if (current.version !== version) throw new VersionConflictError(storedState(current));
  return current;
}

/** Bumps the version only if no one else did in between. */
async function bumpVersion(tx: Tx, actor: SellerActor, templateId: string, version: number, data: Record<string, unknown> = {}) {
  const result = await tx.template.updateMany({
    where: { id: templateId, organizationId: actor.organizationId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (result.count === 0) throw new VersionConflictError(storedState(await findTemplate(tx, actor, templateId)));
}

function stepRow(step: TemplateStepInput, index: number) {
  return { ...step, position: index + 1, ownerLabel: ownerLabelFor(step.ownerSide, step.ownerRole) };
}

export async function createTemplate(actor: SellerActor, input: NewTemplateInput) {
  assertAdmin(actor);
  return prisma.$transaction(async (tx) => {
    const position = await nextTemplatePosition(tx, actor.organizationId);
    const template = await tx.template.create({ data: { organizationId: actor.organizationId, ...input, position } });
    await audit(tx, actor, "template.created", template.id, { name: template.name, steps: 0 });
    return template;
  });
}

const NEW_STEP = (dayOffset: number): TemplateStepInput => ({
  title: "New step",
  output: "",
  ownerSide: "SELLER",
  ownerRole: null,
  dayOffset,
  gatesStage: null,
  internalOnly: false,
});

/** Saves the name, description and every step as posted, after the editor's change (add, remove, move). */
export async function saveTemplate(actor: SellerActor, templateId: string, input: EditTemplateInput) {
  assertAdmin(actor);
  const op = parseTemplateOp(input.op);
  const steps = applyTemplateOp(input.steps, op, NEW_STEP);
  if (steps.length > MAX_TEMPLATE_STEPS) throw new FieldError("steps", `A template holds ${MAX_TEMPLATE_STEPS} steps at most`);
  return prisma.$transaction(async (tx) => {
    await checkVersion(tx, actor, templateId, input.version);
    await bumpVersion(tx, actor, templateId, input.version, { name: input.name, description: input.description });
    // The rows are rewritten in order, so positions stay 1..n with no gaps.
    await tx.templateMilestone.deleteMany({ where: { templateId } });
    await tx.templateMilestone.createMany({ data: steps.map((step, index) => ({ ...stepRow(step, index), templateId })) });
    await audit(tx, actor, "template.updated", templateId, { name: input.name, steps: steps.length, change: op.kind });
    return { op, steps: steps.length };
  });
}

export async function duplicateTemplate(actor: SellerActor, templateId: string) {
  assertAdmin(actor);
  return prisma.$transaction(async (tx) => {
    const source = await findTemplate(tx, actor, templateId);
    const copy = await tx.template.create({
      data: {
        organizationId: actor.organizationId,
        name: `Copy of ${source.name}`.slice(0, 120),
        description: source.description,
        position: await nextTemplatePosition(tx, actor.organizationId),
        milestones: { create: source.milestones.map(({ id: _id, templateId: _t, ...step }) => step) },
      },
    });
    await audit(tx, actor, "template.duplicated", copy.id, { name: copy.name, from: source.id, steps: source.milestones.length });
    return copy;
  });
}

/** Archived templates leave the new-plan picker; plans made from them keep their own steps. */
export async function setTemplateArchived(actor: SellerActor, templateId: string, version: number, archived: boolean) {
  assertAdmin(actor);
  return prisma.$transaction(async (tx) => {
    const current = await checkVersion(tx, actor, templateId, version);
    if (archived && current.isDefault) throw new FieldError("version", "The default template cannot be archived: new plans start from it.");
    if (Boolean(current.archivedAt) === archived) return current;
    // A restored template comes back at the end of the list.
    const place = archived ? {} : { position: await nextTemplatePosition(tx, actor.organizationId) };
    await bumpVersion(tx, actor, templateId, version, { archivedAt: archived ? new Date() : null, ...place });
    await audit(tx, actor, archived ? "template.archived" : "template.restored", templateId, { name: current.name });
    return current;
  });
}

/** Moves a template one place among the templates in use; every position is rewritten at once. */
export async function moveTemplate(actor: SellerActor, templateId: string, direction: MoveDirection) {
  assertAdmin(actor);
  return prisma.$transaction(async (tx) => {
    await findTemplate(tx, actor, templateId);
    const active = await tx.template.findMany({
      where: { organizationId: actor.organizationId, archivedAt: null },
      orderBy: TEMPLATE_ORDER,
      select: { id: true },
    });
    const index = active.findIndex((t) => t.id === templateId);
    if (index < 0) throw new FieldError("templateId", "Restore the template before moving it.");
    const order = positionsInOrder(moveItem(active, index, direction));
    for (const { id, position } of order) await tx.template.updateMany({ where: { id, organizationId: actor.organizationId }, data: { position } });
    await audit(tx, actor, "templates.reordered", templateId, { direction, order: order.map((o) => o.id).join(" ") });
  });
}
