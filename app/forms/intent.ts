import type { SubmissionResult } from "@conform-to/react";

/** What every intent-handling action returns; see app/utils/intent.server.ts. */
export interface IntentResult {
  formId: string;
  result: SubmissionResult<string[]>;
  /** Set on a 409: what is stored now, and what this user tried to save. */
  conflict?: { current: unknown; yours: Record<string, unknown> };
  ok?: boolean;
}
