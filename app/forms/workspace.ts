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

/** What a sign-up verification carries until its address is proven: the form's values, checked again when read back. */
export const WorkspaceDetailsSchema = z.object(workspaceFields);
export type WorkspaceDetails = z.output<typeof WorkspaceDetailsSchema>;

export const ProfileSchema = z.object({
  name: requiredText("Name", 100),
  title: optionalText(100),
  version,
});
