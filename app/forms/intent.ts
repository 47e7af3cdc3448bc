import type { SubmissionResult } from "@conform-to/react";
import { fieldLabel, fieldValue, isDomainList, isTickBox, type FieldSubject } from "~/components/field-words";

/** What every intent-handling action returns; see app/utils/intent.server.ts. */
export interface IntentResult {
  formId: string;
  result: SubmissionResult<string[]>;
  /** Set on a 409: what is stored now, and what this user tried to save. */
  conflict?: { current: unknown; yours: Record<string, unknown> };
  ok?: boolean;
  /** A save that answered with what it changed: the "Saved" notice to show, and the page's new parts. */
  notice?: { id: string; formId: string; anchor: string; message: string };
  changes?: unknown;
}

/** The answer to this form, if the last one was for it (a page holds one form per row). */
export function answerFor(answer: IntentResult | undefined, formId: string): IntentResult | undefined {
  return answer?.formId === formId ? answer : undefined;
}

/** Field errors of this form's last answer, by field name. */
export function errorsOf(result: IntentResult | undefined, field: string): string[] | undefined {
  return result?.result.error?.[field] ?? undefined;
}

// `answer` and `pageTag` ask a hydrated page's save to answer with what changed (app/components/plan-editor/saved-changes.tsx).
const HIDDEN_FIELDS = new Set(["intent", "version", "planId", "milestoneId", "participantId", "answer", "pageTag"]);

/** One changed field of a conflict as a person reads it: "Target date: 25 Jan 2027 (yours) / 22 Jan 2027 (saved)". */
export interface ConflictRow {
  field: string;
  label: string;
  yours: string;
  saved: string;
}

/**
 * What a conflict notice shows: the fields the user changed that differ from what is stored now,
 * in people's words (`rows`; `people` names participants by id), and the hidden fields and version
 * with which "Keep mine instead" re-posts them. `differing` holds the raw pairs, for re-posting only.
 */
export function conflictDetails(result: IntentResult | undefined, people?: ReadonlyMap<string, string>) {
  if (!result?.conflict) return null;
  const { yours } = result.conflict;
  const current = (result.conflict.current ?? {}) as Record<string, unknown>;
  const changed = Object.entries(yours).filter(([key]) => !HIDDEN_FIELDS.has(key));
  const differing = changed.filter(([key, value]) => comparable(key, current[key]) !== comparable(key, value));
  const subject = subjectOf(result.formId);
  const rows: ConflictRow[] = differing.map(([key, value]) => ({
    field: key,
    label: fieldLabel(key, subject),
    yours: fieldValue(key, value, people),
    saved: fieldValue(key, current[key], people),
  }));
  const keep =
    differing.length > 0 && typeof current.version === "number"
      ? {
          fields: [
            ...changed.map(([key, value]) => [key, String(value ?? "")] as const),
            ...["intent", "milestoneId", "participantId"].filter((key) => yours[key] !== undefined).map((key) => [key, String(yours[key])] as const),
          ],
          version: current.version,
        }
      : null;
  return { current, differing, rows, keep };
}

/** Stored and typed values side by side: a ticked box posts "on", domains are stored space-separated. */
function comparable(key: string, value: unknown): string {
  if (isTickBox(key)) return String(value === true || value === "on" || value === "true");
  if (isDomainList(key))
    return String(value ?? "")
      .toLowerCase()
      .split(/[\s,;]+/)
      .filter(Boolean)
      .join(" ");
  return String(value ?? "").trim();
}

function subjectOf(formId: string): FieldSubject | undefined {
  const intent = formId.split(":")[0];
  if (intent.includes("participant")) return "person";
  if (intent.includes("plan")) return "plan";
  if (intent.includes("deal")) return "deal";
  return intent.includes("milestone") ? "milestone" : undefined;
}
