import { Form } from "@remix-run/react";
import { MEDDPICC_COMMIT, MEDDPICC_LETTERS, MEDDPICC_SCORE_LABELS, MEDDPICC_STAGE_4, meddpiccTotal, type MeddpiccScores } from "~/domain/meddpicc";
import { Button } from "~/components/ui/button";
import { ConflictNotice, FormErrors, useBaseVersion, useIntentResult, useIsPending } from "./intent-hooks";
import { SavedNotice, useClosingPanel, useSavedToken } from "./notice";

/** The eight letters, 0/1/2 each, with what each means and the seed's thresholds. */
export function MeddpiccForm({ scores, version }: { scores: MeddpiccScores | null; version: number }) {
  const result = useIntentResult("save-meddpicc");
  const saved = useSavedToken("save-meddpicc");
  const { base, markDirty } = useBaseVersion(version, result ?? saved);
  const panel = useClosingPanel("save-meddpicc");
  const pending = useIsPending("save-meddpicc");
  const total = scores ? meddpiccTotal(scores) : null;
  return (
    <details id="meddpicc" ref={panel} className="scroll-mt-4 rounded-lg bg-white shadow-sm ring-1 ring-slate-200" open={Boolean(result)}>
      <summary className="cursor-pointer px-4 py-3 font-medium">
        MEDDPICC{" "}
        <span className="font-normal text-slate-600" data-testid="meddpicc-total">
          {total === null ? "not scored" : `${total} of 16`}
        </span>
        <SavedNotice anchor="meddpicc" className="ml-2" />
      </summary>
      <ConflictNotice result={result} className="mx-4 mb-3" />
      <Form method="post" key={base} onChange={markDirty} className="space-y-3 border-t border-slate-200 p-4" preventScrollReset>
        <input type="hidden" name="intent" value="save-meddpicc" />
        <input type="hidden" name="version" value={base} />
        <FormErrors result={result} />
        <p className="text-xs text-slate-500">
          {MEDDPICC_STAGE_4} or more to advance to stage 4; {MEDDPICC_COMMIT} or more for Commit.
        </p>
        {MEDDPICC_LETTERS.map(({ key, letter, name, question }) => (
          <fieldset key={key} className="text-sm">
            <legend className="font-medium">
              <span className="mr-1 inline-block w-4 font-mono text-brand-700">{letter}</span>
              {name}
            </legend>
            <p className="text-xs text-slate-500">{question}</p>
            <div className="mt-1 flex flex-wrap gap-3">
              {MEDDPICC_SCORE_LABELS.map((label, value) => (
                <label key={value} className="flex items-center gap-1">
                  <input type="radio" name={key} value={value} defaultChecked={(scores?.[key] ?? 0) === value} />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <Button type="submit" pending={pending}>
          Save scores
        </Button>
      </Form>
    </details>
  );
}
