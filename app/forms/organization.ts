import { z } from "zod";
import { accentColourProblem } from "~/domain/contrast";
import { domainList, requiredText, version } from "./fields";

/** Every IANA zone this runtime knows, and UTC, which the list leaves out. */
export const TIMEZONES: readonly string[] = ["UTC", ...Intl.supportedValuesOf("timeZone")];
const KNOWN_ZONES: ReadonlySet<string> = new Set(TIMEZONES);

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const OrganizationSettingsSchema = z.object({
  name: requiredText("Organization name", 120),
  timezone: z
    .string({ error: "Choose a timezone" })
    .trim()
    .refine((v) => KNOWN_ZONES.has(v), { message: "Choose a timezone from the list" }),
  fiscalYearStartMonth: z.coerce
    .number({ error: "Choose a month" })
    .int("Choose a month")
    .min(1, "Choose a month from January to December")
    .max(12, "Choose a month from January to December"),
  allowedBuyerDomains: domainList,
  planDomainFromBuyer: checkbox,
  buyerInvitationDays: z.coerce
    .number({ error: "Enter a number of days" })
    .int("Enter a whole number of days")
    .min(1, "Invitations last at least 1 day")
    .max(30, "Invitations last at most 30 days"),
  ownDomains: domainList,
  joinByDomain: checkbox,
  version,
});

export type OrganizationSettingsInput = z.infer<typeof OrganizationSettingsSchema>;

/** The fields the settings form edits, in the order an audit row names them. */
export const SETTINGS_FIELDS = [
  "name",
  "timezone",
  "fiscalYearStartMonth",
  "allowedBuyerDomains",
  "planDomainFromBuyer",
  "buyerInvitationDays",
  "ownDomains",
  "joinByDomain",
] as const satisfies ReadonlyArray<keyof OrganizationSettingsInput>;

export const AccentColourSchema = z.object({
  accentColor: z
    .string({ error: "Enter a colour like #1d4ed8" })
    .trim()
    .toLowerCase()
    .superRefine((value, ctx) => {
      const problem = accentColourProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  version,
});

export const RemoveAccentSchema = z.object({ version });
export const RemoveLogoSchema = z.object({ version });
