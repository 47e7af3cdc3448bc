import { useState } from "react";
import { Form, useActionData, useNavigation, type FormProps } from "@remix-run/react";
import { ConflictNotice as SharedConflictNotice } from "~/components/ui/conflict-notice";
import { answerFor, type IntentResult } from "~/forms/intent";

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
 * change (it gets a 409). This form's own answer moves it on: a 409 result, a save that answered with
 * what changed, or the token of its "Saved" notice (useSavedToken) after a save that redirected.
 */
export function useBaseVersion(version: number, answer: IntentResult | string | undefined) {
  // The version pinned when the user started typing; null while they have typed nothing.
  const [pinned, setPinned] = useState<number | null>(null);
  const [lastAnswer, setLastAnswer] = useState(answer);
  if (answer !== lastAnswer) {
    // This form's own answer arrived: follow the stored row again, as revalidated with it.
    setLastAnswer(answer);
    if (answer) setPinned(null);
  }
  return { base: pinned ?? version, markDirty: () => setPinned((current) => current ?? version) };
}

/** The shared conflict notice (app/components/ui/conflict-notice.tsx), posting through Remix. */
export function ConflictNotice({ result, people, className }: { result?: IntentResult; people?: ReadonlyMap<string, string>; className?: string }) {
  return <SharedConflictNotice result={result} people={people} className={className} form={KeepMineForm} />;
}

function KeepMineForm(props: FormProps) {
  return <Form {...props} preventScrollReset />;
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
