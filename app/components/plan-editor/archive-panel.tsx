import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { errorsOf } from "~/forms/intent";
import { ConflictNotice, useIntentResult, useIsPending } from "./intent-hooks";

export interface ArchiveState {
  archivedOn: string | null;
  canArchive: boolean;
  canDelete: boolean;
  version: number;
  accountName: string;
}

/** Archive or restore (the owner, a manager, an admin) and delete after typing the account name (an admin). */
export function ArchivePanel({ state }: { state: ArchiveState }) {
  const archiving = useIntentResult(state.archivedOn ? "restore-deal" : "archive-deal");
  const deleting = useIntentResult("delete-deal");
  const pendingArchive = useIsPending(state.archivedOn ? "restore-deal" : "archive-deal");
  const pendingDelete = useIsPending("delete-deal");
  if (!state.canArchive && !state.canDelete) return null;
  return (
    <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby="archive-heading">
      <h2 id="archive-heading" className="font-semibold">
        {state.archivedOn ? "This deal is archived" : "Archive"}
      </h2>
      <p className="text-sm text-slate-600">
        {state.archivedOn
          ? `Archived on ${state.archivedOn}. It is out of the pipeline, the dashboard and every figure until restored.`
          : "An archived deal leaves the pipeline, the dashboard and every figure. You can restore it from the Archived list."}
      </p>
      <ConflictNotice result={archiving} />
      {state.canArchive ? (
        <Form method="post">
          <input type="hidden" name="intent" value={state.archivedOn ? "restore-deal" : "archive-deal"} />
          <input type="hidden" name="version" value={state.version} />
          <Button type="submit" variant="secondary" pending={pendingArchive}>
            {state.archivedOn ? "Restore deal" : "Archive deal"}
          </Button>
        </Form>
      ) : null}
      {state.canDelete ? (
        <details className="rounded-md border border-red-200 p-3" open={Boolean(deleting && !deleting.ok)}>
          <summary className="cursor-pointer text-sm font-medium text-red-800">Delete this deal</summary>
          <Form method="post" className="mt-3 space-y-3">
            <input type="hidden" name="intent" value="delete-deal" />
            <p className="text-sm text-slate-700">The deal, its plan, its steps and its history are deleted for good. Buyers lose access to the plan.</p>
            <InputField
              label={`Type the account name, ${state.accountName}, to confirm`}
              id="delete-confirm-name"
              name="confirmName"
              autoComplete="off"
              errors={errorsOf(deleting, "confirmName")}
            />
            <Button type="submit" variant="danger" pending={pendingDelete}>
              Delete deal for good
            </Button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
