// Field schemas shared by several forms. The same schema validates in the browser (Conform)
// and on the server, so the rules live in one place.
import { z } from "zod";
import { ACCEPTED_RANGE_MESSAGE, isAcceptedDate, isCalendarDate } from "~/domain/dates";

/** A calendar date inside the accepted range (app/domain/dates.ts): the one date field of every form. */
export const calendarDate = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    // One message per mistake, and no abort: an aborted field would hide the form's other errors.
    .refine((v) => v === "" || isCalendarDate(v), { message: `${label} is not a real date. ${ACCEPTED_RANGE_MESSAGE}.` })
    .refine((v) => !isCalendarDate(v) || isAcceptedDate(v), { message: `${ACCEPTED_RANGE_MESSAGE}.` });

/** The day a template plan starts: empty when the plan is not from the template. */
export const planStartDate = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), calendarDate("Plan start date").optional());

/** The template a new plan is made from; none means the organization's default. */
export const templateId = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(100).optional());

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} is too long (${max} characters at most)`);

export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `Too long (${max} characters at most)`)
    .optional()
    .transform((v) => v ?? "");

export const version = z.coerce.number({ error: "Missing version" }).int().min(1);

/**
 * A form's number field as a JSON body reads it: the same rules and messages, without the coercion
 * that turns a form's text into a number ("3", true or "" are not numbers in JSON).
 */
export function withoutCoercion(field: z.ZodCoercedNumber): z.ZodNumber {
  return field.clone({ ...field._zod.def, coerce: false }) as unknown as z.ZodNumber;
}

export const email = z.string({ error: "Email is required" }).trim().toLowerCase().pipe(z.email("Enter a valid email address"));

/** "acme.com, acme.co.uk" → "acme.com acme.co.uk"; rejects anything that is not a domain. */
export const domainList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .toLowerCase()
      .split(/[\s,;]+/)
      .map((d) => d.replace(/^@/, ""))
      .filter(Boolean),
  )
  .refine((domains) => domains.every((d) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)), {
    message: "Enter domains like acme.com, separated by commas",
  })
  .transform((domains) => [...new Set(domains)].join(" "));
