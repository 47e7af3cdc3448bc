import type { IntentResult } from "~/forms/intent";

/** Field errors of this form's last answer, by field name. */
export function errorsOf(result: IntentResult | undefined, field: string): string[] | undefined {
  return result?.result.error?.[field] ?? undefined;
}
