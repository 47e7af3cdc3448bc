import { z } from "zod";
import { MILESTONE_STATUSES, OWNER_SIDES } from "~/domain/types";
import { calendarDate, optionalText, requiredText, version } from "./fields";

const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

export const milestoneFields = {
  title: requiredText("Title", 160),
  output: optionalText(300),
  ownerSide: z.enum(OWNER_SIDES, { error: "Choose who owns this step" }),
  ownerParticipantId: z.preprocess(emptyToNull, z.string().nullable()),
  targetDate: calendarDate("Target date"),
  status: z.enum(MILESTONE_STATUSES, { error: "Choose a status" }),
  gatesStage: z.preprocess(emptyToNull, z.coerce.number().int().min(1).max(6).nullable()),
  // A checkbox posts "on" when ticked and nothing when not.
  internalOnly: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
};

export const NewMilestoneSchema = z.object(milestoneFields);
export const EditMilestoneSchema = z.object({ ...milestoneFields, milestoneId: z.string().min(1), version });
export const MoveMilestoneSchema = z.object({
  milestoneId: z.string().min(1),
  direction: z.enum(["up", "down"]),
  version,
});
export const DeleteMilestoneSchema = z.object({ milestoneId: z.string().min(1), version });

export type NewMilestoneInput = z.infer<typeof NewMilestoneSchema>;
export type EditMilestoneInput = z.infer<typeof EditMilestoneSchema>;
