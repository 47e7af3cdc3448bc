// The API's writes: a partial change from a client is merged into the full edit the pages send, and
// handed to the same model function, so permissions, versions, history and signals work as they
// do for a person. Nothing here writes to the database itself.
import type { z } from "zod";
import type { DealCreate, DealUpsert, StepUpdate } from "~/api/schemas";
import type { DealUpdateInput } from "~/api/schemas";
import type { NewParticipantInput } from "~/forms/participant";
import { FieldError } from "~/utils/http.server";
import type { SellerActor } from "./actor.server";
import { createDeal, setDealArchived, updateDeal } from "./deal.server";
import { findDealIdByExternalId, getApiDeal, getApiParticipant, getApiStep, stepView } from "./deal-api.server";
import { updateMilestone } from "./milestone.server";
import { addBuyerParticipant } from "./participant.server";

type NewDeal = z.output<typeof DealCreate>;

export async function createApiDeal(actor: SellerActor, input: NewDeal) {
  const { plan, ...fields } = input;
  // The form asks for the day in its schema; the API's schema serves create and upsert alike, so the rule sits here.
  if (plan === "template" && !fields.planStartDate) throw new FieldError("planStartDate", "Pick the day the plan starts");
  const deal = await createDeal(actor, { ...fields, planMode: plan, templateId: undefined });
  return getApiDeal(actor, deal.id);
}

export async function updateApiDeal(actor: SellerActor, dealId: string, change: DealUpdateInput) {
  const current = await getApiDeal(actor, dealId);
  await updateDeal(actor, dealId, {
    accountName: change.accountName ?? current.accountName,
    name: change.name ?? current.name,
    amount: change.amount ?? current.amount,
    currency: change.currency ?? (current.currency as NonNullable<DealUpdateInput["currency"]>),
    stage: change.stage ?? current.stage,
    targetCloseDate: change.targetCloseDate ?? current.targetCloseDate,
    repForecastCategory: change.repForecastCategory ?? current.repForecastCategory,
    outcome: change.outcome ?? current.outcome,
    externalId: change.externalId,
    version: change.version,
  });
  return getApiDeal(actor, dealId);
}

export async function archiveApiDeal(actor: SellerActor, dealId: string, input: { archived: boolean; version: number }) {
  await setDealArchived(actor, dealId, input.archived, input.version);
  return getApiDeal(actor, dealId);
}

/**
 * Creates the deal with this CRM id, or updates the one that has it: a CRM can sync without
 * keeping our ids. An update without a version applies over whatever is stored.
 */
export async function upsertApiDeal(actor: SellerActor, externalId: string, input: z.output<typeof DealUpsert>) {
  const existingId = await findDealIdByExternalId(actor, externalId);
  if (existingId) return { created: false, deal: await updateByExternalId(actor, existingId, input) };
  try {
    return { created: true, deal: await createApiDeal(actor, { ...input, externalId }) };
  } catch (error) {
    // Another request created it meanwhile: this one becomes an update of that deal.
    const createdMeanwhile = error instanceof FieldError && error.field === "externalId" && (await findDealIdByExternalId(actor, externalId));
    if (!createdMeanwhile) throw error;
    return { created: false, deal: await updateByExternalId(actor, createdMeanwhile, input) };
  }
}

async function updateByExternalId(actor: SellerActor, existingId: string, input: z.output<typeof DealUpsert>) {
  const { plan: _plan, planStartDate: _start, ownerId: _owner, version, ...fields } = input;
  const current = await getApiDeal(actor, existingId);
  return updateApiDeal(actor, existingId, { ...fields, version: version ?? current.version });
}

export async function updateApiStep(actor: SellerActor, dealId: string, stepId: string, change: z.output<typeof StepUpdate>) {
  const current = await getApiStep(actor, dealId, stepId);
  await updateMilestone(actor, dealId, {
    milestoneId: stepId,
    version: change.version,
    title: change.title ?? current.title,
    output: current.output,
    ownerSide: change.ownerSide ?? (current.ownerSide as NonNullable<typeof change.ownerSide>),
    ownerParticipantId: change.ownerParticipantId === undefined ? current.ownerParticipantId : change.ownerParticipantId,
    targetDate: change.targetDate ?? current.targetDate,
    status: change.status ?? (current.status as NonNullable<typeof change.status>),
    gatesStage: current.gatesStage,
    internalOnly: current.internalOnly,
  });
  return stepView(await getApiStep(actor, dealId, stepId));
}

export async function addApiParticipant(actor: SellerActor, dealId: string, input: NewParticipantInput) {
  const participant = await addBuyerParticipant(actor, dealId, input);
  return getApiParticipant(actor, dealId, participant.id);
}
