import { z } from "zod";
import { BUYING_ROLES } from "~/domain/types";
import { email, optionalText, requiredText, version } from "./fields";

export const participantFields = {
  name: requiredText("Name", 120),
  email,
  title: optionalText(120),
  role: z.enum(BUYING_ROLES, { error: "Choose a buying role" }),
};

export const NewParticipantSchema = z.object(participantFields);
export const EditParticipantSchema = z.object({ ...participantFields, participantId: z.string().min(1), version });
export const RevokeParticipantSchema = z.object({ participantId: z.string().min(1), version });

export type NewParticipantInput = z.infer<typeof NewParticipantSchema>;
export type EditParticipantInput = z.infer<typeof EditParticipantSchema>;

export const InviteBuyersSchema = z.object({
  participantIds: z.array(z.string().min(1), { error: "Choose at least one buyer to invite" }).min(1, "Choose at least one buyer to invite"),
});
export const DecideAccessSchema = z.object({
  requestId: z.string().min(1),
  decision: z.enum(["APPROVE", "DECLINE"]),
});
