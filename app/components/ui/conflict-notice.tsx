import type { ElementType } from "react";
import { conflictDetails, type IntentResult } from "~/forms/intent";

/**
 * Shown when someone else saved first: what is stored now beside what this user typed, and a way
 * to keep theirs. Place it beside its form, never inside: "Keep mine instead" is a form of its own,
 * and HTML drops nested forms, so without JavaScript a nested one would post the outer form's
 * fields. `form` is the element that posts it (a plain `form` on pages that are not hydrated, the
 * router's form on those that are); `action` is where it posts.
 */
export function ConflictNotice({
  result,
  people,
  action,
  className = "",
  form: FormElement = "form",
}: {
  result?: IntentResult;
  /** Participants' names by id, so an owner reads as a person. */
  people?: ReadonlyMap<string, string>;
  action?: string;
  className?: string;
  form?: ElementType;
}) {
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
        <FormElement method="post" action={action} className="mt-2 flex flex-wrap items-center gap-2">
          {keep.fields.map(([key, value]) => (
            <input key={key} type="hidden" name={key} value={value} />
          ))}
          <input type="hidden" name="version" value={keep.version} />
          <button type="submit" className="rounded-md border border-amber-400 bg-white px-2 py-1 font-medium hover:bg-amber-100">
            Keep mine instead
          </button>
          <span>or leave it: the saved version stays.</span>
        </FormElement>
      ) : null}
    </div>
  );
}
