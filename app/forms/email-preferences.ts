// The email choices forms: the kinds a person gets (ticked boxes named "on"), their timezone for
// email, and an organization's defaults. Which kinds a form may list is checked here and again,
// for the address-based page, in app/models/email-preferences.server.ts.
import { z } from "zod";
import { isValidTimeZone } from "~/domain/dates";
import { EMAIL_KINDS, emailKindsFor } from "~/models/email-kinds";
import { version } from "./fields";

export const KINDS_ERROR = "Choose among the emails listed";

/** Ticked boxes, each a kind of email from `allowed`; none ticked posts nothing, which is an empty list. */
export function kindList(allowed: readonly string[]) {
  const known = new Set(allowed);
  return z.array(z.string()).refine((kinds) => kinds.every((kind) => known.has(kind)), KINDS_ERROR);
}

export const OwnEmailChoicesSchema = z.object({
  on: kindList(emailKindsFor("SELLER")),
  /** Empty: the organization's timezone. */
  timezone: z
    .string()
    .trim()
    .max(64, "Choose a timezone from the list")
    .default("")
    .refine((zone) => zone === "" || isValidTimeZone(zone), "Choose a timezone from the list"),
});

export const EmailDefaultsSchema = z.object({ on: kindList(Object.keys(EMAIL_KINDS)), version });

/** The address-based page: the kinds it may list depend on the address, so the model checks them. */
export const AddressEmailChoicesSchema = z.object({ on: z.array(z.string()) });

export type OwnEmailChoicesInput = z.output<typeof OwnEmailChoicesSchema>;
