import { z } from "zod";
import { isAcceptedDate } from "~/domain/dates";
import { AUDIT_ACTIONS } from "~/models/audit.types";

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const day = (label: string) =>
  z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .refine(isAcceptedDate, { message: `${label} is not a real date` })
      .optional(),
  );

/** The audit page's filters, from its query string: each optional, so an empty form lists everything. */
export const AuditFilterSchema = z
  .object({
    person: z.preprocess(emptyAsUndefined, z.string().trim().toLowerCase().max(254, "Too long").optional()),
    kind: z.preprocess(emptyAsUndefined, z.enum(AUDIT_ACTIONS, { error: "Choose a kind from the list" }).optional()),
    from: day("From"),
    to: day("To"),
    /** Where the page starts: the last row of the page before it. */
    after: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,64}$/, "Not a page of this log")
        .optional(),
    ),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "The last day comes before the first" });

export type AuditFilters = z.infer<typeof AuditFilterSchema>;

/** The filters as a query string, for links that keep them (the next page, the CSV). */
export function auditQuery(filters: Partial<Record<keyof AuditFilters, string | undefined>>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of ["person", "kind", "from", "to", "after"] as const) if (filters[key]) params.set(key, String(filters[key]));
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}
