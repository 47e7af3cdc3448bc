import type { SubmissionResult } from "@conform-to/react";

/** What every intent-handling action returns; see app/utils/intent.server.ts. */
export interface IntentResult {
  formId: string;
  result: SubmissionResult<string[]>;
  /** Set on a 409: what is stored now, and what this user tried to save. */
  conflict?: { current: unknown; yours: Record<string, unknown> };
  ok?: boolean;
}

/** The answer to this form, if the last one was for it (a page holds one form per row). */
export function answerFor(answer: IntentResult | undefined, formId: string): IntentResult | undefined {
  return answer?.formId === formId ? answer : undefined;
}

/** Field errors of this form's last answer, by field name. */
export function errorsOf(result: IntentResult | undefined, field: string): string[] | undefined {
  return result?.result.error?.[field] ?? undefined;
}

const HIDDEN_FIELDS = new Set(["intent", "version", "planId", "milestoneId", "participantId"]);

/**
 * What a conflict notice shows: the fields the user changed, those that differ from what is
 * stored now, and the hidden fields and version with which "Keep mine instead" re-posts them.
 */
export function conflictDetails(result: IntentResult | undefined) {
  if (!result?.conflict) return null;
  const { yours } = result.conflict;
  const current = (result.conflict.current ?? {}) as Record<string, unknown>;
  const changed = Object.entries(yours).filter(([key]) => !HIDDEN_FIELDS.has(key));
  const differing = changed.filter(([key, value]) => String(current[key] ?? "") !== String(value ?? ""));
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
  return { current, differing, keep };
}
