// The forms of the people and teams pages, and of accepting an invitation.
import { z } from "zod";
import { ROLES } from "~/domain/types";
import { email, optionalText, requiredText, version } from "./fields";

const id = z.string().trim().min(1);
const role = z.enum(ROLES, { error: "Choose a role" });
/** A team, or none: the form's empty choice. */
const optionalTeam = z.preprocess((v) => (v === "" ? undefined : v), id.optional());
const optionalPerson = z.preprocess((v) => (v === "" ? undefined : v), id.optional());

export const ROLE_WORDS: Record<(typeof ROLES)[number], string> = { REP: "Rep", MANAGER: "Manager", ADMIN: "Admin" };

export const InviteSellerSchema = z.object({ email, role, teamId: optionalTeam });
export const RevokeInvitationSchema = z.object({ invitationId: id });
export const ChangeSellerSchema = z.object({ userId: id, version, role, teamId: optionalTeam });
/** Deactivating may hand the person's open deals to someone else in the same step. */
export const DeactivateSellerSchema = z.object({ userId: id, version, reassignTo: optionalPerson });
export const ReactivateSellerSchema = z.object({ userId: id, version });
export const ReassignDealsSchema = z.object({
  userId: id,
  reassignTo: z.string({ error: "Choose who takes the deals" }).trim().min(1, "Choose who takes the deals"),
});

export const TeamNameSchema = z.object({ name: requiredText("Team name", 80) });
export const RenameTeamSchema = z.object({ teamId: id, version, name: requiredText("Team name", 80) });
export const TeamManagersSchema = z.object({
  teamId: id,
  version,
  managerIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(id)),
});

export const AcceptInvitationSchema = z.object({ token: id, name: requiredText("Your name", 120), title: optionalText(120) });

export type InviteSellerInput = z.output<typeof InviteSellerSchema>;
export type ChangeSellerInput = z.output<typeof ChangeSellerSchema>;
