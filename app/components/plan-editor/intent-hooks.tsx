import { useEffect, useState } from "react";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { answerFor, conflictDetails, type IntentResult } from "~/forms/intent";

/** The action's answer, if it belongs to this form (a page holds one form per row). */
export function useIntentResult(formId: string): IntentResult | undefined {
  return answerFor(useActionData<IntentResult>(), formId);
}

/** True while this form's submission is in flight. */
export function useIsPending(intent: string, idField?: string, id?: string): boolean {
  const navigation = useNavigation();
  const data = navigation.formData;
  if (!data || data.get("intent") !== intent) return false;
  return idField ? data.get(idField) === id : true;
}

/**
 * The version a form edits against. While the user has typed nothing, it follows the stored row,
 * so the form shows fresh values. Once they type, it stays put: a background refresh that brings
 * someone else's change neither wipes their typing nor lets their save silently overwrite that
 * change (it gets a 409). This form's own answer moves it on: a 409 result, or the token of its
 * "Saved" notice (useSavedToken), since a successful save answers with a redirect.
 */
export function useBaseVersion(version: number, answer: IntentResult | string | undefined) {
  const [dirty, setDirty] = useState(false);
  const [base, setBase] = useState(version);
  useEffect(() => {
    if (!answer) return;
    setDirty(false);
    setBase(version);
    // Runs for this form's own answer only; `version` is read as revalidated with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [answer]);
  useEffect(() => {
    if (!dirty) setBase(version);
  }, [version, dirty]);
  return { base, markDirty: () => setDirty(true) };
}

/**
 * Shown when someone else saved first. The page now shows their version; this lists what the
 * user tried to save beside what is stored, and lets them keep theirs with one click. Place it
 * beside its form, never inside: "Keep mine instead" is a form of its own, and HTML drops nested
 * forms, so without JavaScript a nested one would post the outer form's fields.
 */
export function ConflictNotice({ result, people, className = "" }: { result?: IntentResult; people?: ReadonlyMap<string, string>; className?: string }) {
  const details = conflictDetails(result, people);
  if (!details) return null;
  const { rows, keep } = details;
  return (
    <div role="alert" className={`rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 ${className}`}>
      <p className="font-medium">Someone else saved this first. Your change was not applied.</p>
      {rows.length > 0 ? (
        <ul className="mt-2 space-y-1">
          {rows.map((row) => (
            <li key={row.field}>
              <span className="font-medium">{row.label}:</span> {row.yours} (yours) / {row.saved} (saved)
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1">Your values match what is saved now.</p>
      )}
      {keep ? (
        <Form method="post" className="mt-2 flex flex-wrap items-center gap-2" preventScrollReset>
          {keep.fields.map(([key, value]) => (
            <input key={key} type="hidden" name={key} value={value} />
          ))}
          <input type="hidden" name="version" value={keep.version} />
          <button type="submit" className="rounded-md border border-amber-400 bg-white px-2 py-1 font-medium hover:bg-amber-100">
            Keep mine instead
          </button>
          <span>or leave it: the saved version stays.</span>
        </Form>
      ) : null}
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
