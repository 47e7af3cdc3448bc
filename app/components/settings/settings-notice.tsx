import { useActionData } from "@remix-run/react";
import type { IntentResult } from "~/forms/intent";
import { answerFor, errorsOf } from "~/forms/intent";

/** The one-time words after a successful post on a settings page ("Invitation sent"). */
export function SettingsNotice({ notice }: { notice: { id: string; message: string } | null }) {
  if (!notice) return null;
  return (
    <p key={notice.id} role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      {notice.message}
    </p>
  );
}

/** The last answer of the page's action, when it was for this form. */
export function useAnswer(formId: string): IntentResult | undefined {
  return answerFor(useActionData<IntentResult>(), formId);
}

/** A field's errors from this form's last answer. */
export function fieldErrors(answer: IntentResult | undefined, field: string) {
  return errorsOf(answer, field);
}

/** Someone else saved first: the page already shows what is stored, so the person can try again. */
export function StaleNotice({ answer }: { answer: IntentResult | undefined }) {
  if (!answer?.conflict) return null;
  return (
    <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      Someone else changed this first, so your change was not applied. What you see now is saved; make your change again if it is still needed.
    </p>
  );
}
