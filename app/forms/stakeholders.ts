import { z } from "zod";
import { STAKEHOLDER_ROLES, STRENGTHS } from "~/domain/stakeholders";
import { requiredText } from "./fields";

/** One buying role on the stakeholder map. An empty strength hands the role back to the suggestion from engagement. */
export const StakeholderRoleSchema = z.object({
  role: z.enum(STAKEHOLDER_ROLES, { error: "Choose a buying role" }),
  strength: z
    .enum(STRENGTHS, { error: "Choose a relationship strength" })
    .optional()
    .transform((v) => v ?? ""),
  holderParticipantId: z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined), z.string().max(100).optional()),
  /** 0 when the rep has not read this role yet. */
  version: z.coerce.number({ error: "Missing version" }).int().min(0),
});

export type StakeholderRoleInput = z.infer<typeof StakeholderRoleSchema>;

export const REVIEW_NOTE_MAX = 2000;

export const ReviewNoteSchema = z.object({
  dealId: z.string().min(1).max(100),
  body: requiredText("Note", REVIEW_NOTE_MAX),
});

export type ReviewNoteInput = z.infer<typeof ReviewNoteSchema>;
