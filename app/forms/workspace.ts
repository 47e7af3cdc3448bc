// A new workspace (the sign-up form) and a person's own profile.
import { z } from "zod";
import { isValidTimeZone } from "~/domain/dates";
import { domainList, email, optionalText, requiredText, version } from "./fields";

export const personName = requiredText("Your name", 100);

const workspaceFields = {
  name: personName,
  organizationName: requiredText("Organization name", 100),
  timezone: z
    .string({ error: "Choose a timezone" })
    .trim()
    .refine((zone) => isValidTimeZone(zone), "Choose a timezone from the list"),
  fiscalYearStartMonth: z.coerce
    .number({ error: "Choose the month your fiscal year starts" })
    .int("Choose the month your fiscal year starts")
    .min(1, "Choose the month your fiscal year starts")
    .max(12, "Choose the month your fiscal year starts"),
  allowedBuyerDomains: domainList,
};

export const SignUpSchema = z.object({ email, ...workspaceFields });

/** The join path: only the person's name; the organization follows from their address's domain. */
export const JoinSchema = z.object({ email, name: personName });

export type WorkspaceDetails = z.output<z.ZodObject<typeof workspaceFields>>;

/** What a sign-up verification carries until its address is proven, checked again when read back. */
export const SignUpPayloadSchema = z.union([
  z.object({ workspace: z.object(workspaceFields) }),
  z.object({ join: z.object({ organizationId: z.string().min(1), name: personName }) }),
]);
export type SignUpPayload = z.output<typeof SignUpPayloadSchema>;

export const ProfileSchema = z.object({
  name: requiredText("Name", 100),
  title: optionalText(100),
  version,
});
