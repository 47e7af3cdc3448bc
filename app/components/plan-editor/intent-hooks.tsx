import { useActionData, useNavigation } from "@remix-run/react";
import type { IntentResult } from "~/forms/intent";

/** The action's answer, if it belongs to this form (a page holds one form per row). */
export function useIntentResult(formId: string): IntentResult | undefined {
  const actionData = useActionData<IntentResult>();
  return actionData?.formId === formId ? actionData : undefined;
}

/** True while this form's submission is in flight. */
export function useIsPending(intent: string, idField?: string, id?: string): boolean {
  const navigation = useNavigation();
  const data = navigation.formData;
  if (!data || data.get("intent") !== intent) return false;
  return idField ? data.get(idField) === id : true;
}

const HIDDEN_FIELDS = new Set(["intent", "version", "planId", "milestoneId", "participantId"]);

/** Shown when someone else saved first: the form now holds their version; this lists yours. */
export function ConflictNotice({ result }: { result?: IntentResult }) {
  if (!result?.conflict) return null;
  const yours = Object.entries(result.conflict.yours).filter(([key, value]) => !HIDDEN_FIELDS.has(key) && value !== "");
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-medium">Someone else saved this first. Your change was not applied.</p>
      <p className="mt-1">The form now shows the saved version. What you tried to save:</p>
      <ul className="mt-1 list-inside list-disc">
        {yours.map(([key, value]) => (
          <li key={key}>
            {key}: <span className="font-mono">{String(value)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FormErrors({ result }: { result?: IntentResult }) {
  const errors = result?.result.error?.[""];
  if (!errors?.length) return null;
  return (
    <p role="alert" className="text-sm text-red-700">
      {errors.join(" ")}
    </p>
  );
}
