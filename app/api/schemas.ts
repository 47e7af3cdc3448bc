// The API's requests and responses, as Zod schemas. The same schemas validate each request, shape
// each response, and become the OpenAPI document (app/api/openapi.ts), so the document cannot drift
// from what the server does. Request fields reuse the forms' field rules.
import { z } from "zod";
import { dealFields } from "~/forms/deal";
import { milestoneFields } from "~/forms/milestone";
import { participantFields } from "~/forms/participant";
import { ACCESS_STATES, FORECAST_CATEGORIES, MILESTONE_STATUSES, OUTCOMES, OWNER_SIDES, PLAN_STATUSES, SIDES } from "~/domain/types";
import { COMPLETION_STATES } from "~/domain/completion";
import { calendarDate, version as formVersion, withoutCoercion } from "~/forms/fields";

const id = z.string().meta({ description: "An opaque id." });
const day = z.string().meta({ description: "A calendar date, YYYY-MM-DD, in the organization's timezone.", examples: ["2026-12-31"] });
const moment = z.iso.datetime().meta({ description: "A moment, ISO 8601 in UTC." });
const externalId = z.string().trim().min(1, "External id is required").max(200, "External id is too long (200 characters at most)");

// ---------------------------------------------------------------------------------------------
// Responses

export const Deal = z
  .object({
    id,
    externalId: z.string().nullable().meta({ description: "The CRM's id of the deal, unique in the organization." }),
    accountName: z.string(),
    name: z.string(),
    amount: z.int().meta({ description: "Whole units of `currency`." }),
    currency: z.string(),
    stage: z.int().min(1).max(6),
    targetCloseDate: day,
    repForecastCategory: z.enum(FORECAST_CATEGORIES),
    outcome: z.enum(OUTCOMES),
    closedOn: day.nullable(),
    archived: z.boolean(),
    owner: z.object({ id, name: z.string(), email: z.string() }),
    version: z.int().min(1).meta({ description: "Send it back with a change; a stale one gets a 409." }),
    createdAt: moment,
    updatedAt: moment,
  })
  .meta({ id: "Deal" });

export const DealPage = z
  .object({
    data: z.array(Deal),
    nextCursor: z.string().nullable().meta({ description: "Pass it as `cursor` for the next page; null on the last page." }),
  })
  .meta({ id: "DealPage" });

export const Step = z
  .object({
    id,
    title: z.string(),
    output: z.string(),
    ownerSide: z.enum(OWNER_SIDES),
    ownerParticipantId: id.nullable(),
    targetDate: day,
    originalTargetDate: day,
    status: z.enum(MILESTONE_STATUSES),
    completedOn: day.nullable(),
    buyerConfirmed: z.boolean().meta({ description: "A buyer marked the step done or confirmed the seller's mark." }),
    completion: z.enum(COMPLETION_STATES).meta({
      description: "Whether the step counts as done: a buyer-owned or joint step marked done by the seller waits for a buyer's confirmation.",
    }),
    gatesStage: z.int().min(1).max(6).nullable(),
    internalOnly: z.boolean().meta({ description: "Hidden from buyers." }),
    position: z.int(),
    version: z.int().min(1),
  })
  .meta({ id: "Step" });

export const Participant = z
  .object({
    id,
    side: z.enum(SIDES),
    name: z.string(),
    email: z.string(),
    title: z.string(),
    role: z.string().nullable(),
    accessState: z.enum(ACCESS_STATES),
    lastSeenAt: moment.nullable(),
    version: z.int().min(1),
    createdAt: moment,
  })
  .meta({ id: "Participant" });

export const ParticipantList = z.object({ data: z.array(Participant) }).meta({ id: "ParticipantList" });

export const Plan = z
  .object({
    id,
    dealId: id,
    title: z.string(),
    summary: z.string(),
    status: z.enum(PLAN_STATUSES),
    sharedOn: day.nullable(),
    version: z.int().min(1),
    steps: z.array(Step),
    participants: z.array(Participant),
  })
  .meta({ id: "Plan" });

const reasons = z.array(z.string());

export const Signals = z
  .object({
    dealId: id,
    available: z.boolean().meta({ description: "False when a stored date of the deal cannot be read; the figures are then null." }),
    unreadableDate: z.string().nullable(),
    health: z
      .object({
        score: z.int().min(0).max(100),
        label: z.enum(["HEALTHY", "AT_RISK", "STALLED"]),
        reasons,
        deductions: z.array(z.object({ points: z.number(), reason: z.string() })).meta({ description: "Every point taken off 100." }),
        notes: reasons,
      })
      .nullable(),
    forecast: z
      .object({ derived: z.enum(FORECAST_CATEGORIES), rep: z.enum(FORECAST_CATEGORIES), overCalled: z.boolean(), underCalled: z.boolean(), reasons })
      .nullable(),
    slippage: z
      .object({
        slippedCount: z.int(),
        totalDaysSlipped: z.int(),
        projectedCloseDate: day.nullable(),
        projectedAfterTarget: z.boolean(),
        projectedOutsideQuarter: z.boolean(),
        likelyToPush: z.boolean(),
        steps: z.array(
          z.object({
            id,
            originalTargetDate: day,
            targetDate: day,
            redateCount: z.int(),
            daysSlipped: z.int(),
            daysOverdue: z.int(),
            countsAsDone: z.boolean(),
          }),
        ),
      })
      .nullable(),
    planStatus: z.enum(["ON_TRACK", "AT_RISK", "STALLED"]).nullable(),
  })
  .meta({ id: "Signals" });

export const ERROR_CODES = ["bad_request", "unauthorized", "forbidden", "not_found", "conflict", "method_not_allowed", "rate_limited", "internal"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Per field, what is wrong with it (400 only)." }),
      current: z
        .record(z.string(), z.unknown())
        .optional()
        .meta({ description: "The row as stored (409 only): re-read it, re-apply your change and send its version." }),
    }),
  })
  .meta({ id: "Error" });

// ---------------------------------------------------------------------------------------------
// Requests

/** The forms' deal fields, their numbers read strictly: JSON has types, so nothing is coerced. */
const dealBody = {
  ...dealFields,
  amount: withoutCoercion(dealFields.amount),
  stage: withoutCoercion(dealFields.stage),
};

/** The forms' version, read strictly. */
const version = withoutCoercion(formVersion);

export const DealListQuery = z.object({
  ownerId: z.string().optional().meta({ description: "Only deals of this owner." }),
  stage: z.coerce.number().int().min(1).max(6).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  archived: z.enum(["true", "false", "any"]).default("false").meta({ description: "Archived deals are left out unless asked for." }),
  updatedSince: z.iso.datetime({ offset: true, error: "Give a moment like 2026-11-30T12:00:00Z or 2026-11-30T13:00:00+01:00" }).optional().meta({
    description:
      "Only deals whose own fields changed at or after this moment (their `updatedAt`). Changes to the plan, its steps or people, and moves of the signals, do not count: read those per deal.",
  }),
  externalId: z.string().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1, "At least 1").max(200, "At most 200").default(50),
});

export const DealCreate = z
  .strictObject({
    ...dealBody,
    ownerId: z.string().min(1, "Choose an owner").meta({ description: "A person of the organization." }),
    externalId: externalId.optional(),
    plan: z
      .enum(["none", "blank", "template"])
      .default("none")
      .meta({ description: "Start the deal with no plan, a blank one, or one from the organization's default template (needs planStartDate)." }),
    planStartDate: calendarDate("Plan start date").optional(),
  })
  .meta({ id: "DealCreate" });

export const DealUpdate = z
  .strictObject({
    ...Object.fromEntries(Object.entries(dealBody).map(([key, field]) => [key, field.optional()])),
    outcome: z.enum(OUTCOMES, { error: "Choose an outcome" }).optional(),
    externalId: externalId.nullable().optional(),
    version,
  })
  .meta({
    id: "DealUpdate",
    description: "Only the fields sent change; `version` is the one you read. The owner is changed in the app.",
  }) as z.ZodType<DealUpdateInput>;

export type DealUpdateInput = {
  [K in keyof typeof dealFields]?: z.output<(typeof dealFields)[K]>;
} & { outcome?: (typeof OUTCOMES)[number]; externalId?: string | null; version: number };

export const DealUpsert = DealCreate.extend({
  version: version.optional().meta({ description: "When given, a stale version of an existing deal gets a 409." }),
})
  .omit({ externalId: true })
  .meta({ id: "DealUpsert" });

export const DealArchive = z
  .strictObject({ archived: z.boolean({ error: "Say whether the deal is archived" }), version })
  .meta({ id: "DealArchive", description: "archived: false restores the deal." });

export const StepUpdate = z
  .strictObject({
    status: milestoneFields.status.optional(),
    targetDate: milestoneFields.targetDate.optional(),
    ownerSide: milestoneFields.ownerSide.optional(),
    // As in the form, an empty owner is no owner.
    ownerParticipantId: z
      .string()
      .nullable()
      .optional()
      .transform((v) => (v === "" ? null : v)),
    title: milestoneFields.title.optional(),
    version,
  })
  .meta({ id: "StepUpdate", description: "Only the fields sent change; `version` is the one you read." });

export const ParticipantCreate = z
  .strictObject(participantFields)
  .meta({ id: "ParticipantCreate", description: "Adds a buyer contact; it is not invited by email." });
