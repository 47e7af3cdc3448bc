// Internal notes on the deal page: on the deal (this panel) and on each step (step-discussion.tsx).
// Everything here is marked as the team's own, so no one mistakes a note for a comment.
import { Form } from "@remix-run/react";
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { formatMoment } from "~/components/format";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/field";
import { InternalNoteSchema, NOTE_MAX } from "~/forms/discussion";
import type { InternalNoteView } from "~/models/discussion.types";
import { FormErrors, useIntentResult, useIsPending } from "./intent-hooks";
import { SavedNotice } from "./notice";

export function OnlyYourTeam() {
  return <Badge tone="amber">Only your team sees this</Badge>;
}

export function DealNotes({ notes, timezone }: { notes: InternalNoteView[]; timezone: string }) {
  return (
    <section id="deal-notes" className="scroll-mt-4 rounded-lg bg-amber-50/60 shadow-sm ring-1 ring-amber-200" aria-labelledby="deal-notes-heading">
      <div className="flex flex-wrap items-center gap-2 border-b border-amber-200 px-4 py-3">
        <h2 id="deal-notes-heading" className="font-semibold">
          Internal notes
        </h2>
        <OnlyYourTeam />
        <SavedNotice anchor="deal-notes" />
      </div>
      <div className="space-y-3 px-4 py-3">
        {notes.length === 0 ? <p className="text-sm text-slate-600">No notes yet. Buyers never see what you write here.</p> : null}
        <NoteList notes={notes} timezone={timezone} label="Internal notes on the deal" />
        <NoteForm count={notes.length} label="Note on the deal" />
      </div>
    </section>
  );
}

export function NoteList({ notes, timezone, label }: { notes: InternalNoteView[]; timezone: string; label: string }) {
  if (notes.length === 0) return null;
  return (
    <ul className="space-y-2 text-sm" aria-label={label}>
      {notes.map((note) => (
        <li key={note.id} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2" data-testid="internal-note">
          <p className="text-xs text-slate-600">
            <span className="font-semibold text-amber-900">Internal note</span> · <span className="font-medium text-slate-800">{note.authorName}</span> ·{" "}
            <time dateTime={note.at}>{formatMoment(note.at, timezone)}</time>
          </p>
          <p className="mt-1 whitespace-pre-wrap">{note.body}</p>
        </li>
      ))}
    </ul>
  );
}

/** A new note on the deal, or on a step when `milestoneId` is given. */
export function NoteForm({ milestoneId, count, label }: { milestoneId?: string; count: number; label: string }) {
  const formId = `add-note:${milestoneId ?? ""}`;
  const result = useIntentResult(formId);
  const [form, fields] = useForm({
    // A new id once the note is saved and listed, so the box starts empty again.
    id: `note-${milestoneId ?? "deal"}-${count}`,
    lastResult: result?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InternalNoteSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const pending = useIsPending("add-note", "milestoneId", milestoneId ?? "");
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2" preventScrollReset>
      <input type="hidden" name="intent" value="add-note" />
      <input type="hidden" name="milestoneId" value={milestoneId ?? ""} />
      <FormErrors result={result} />
      <TextareaField
        label={label}
        {...getTextareaProps(fields.body)}
        maxLength={NOTE_MAX}
        rows={2}
        errors={fields.body.errors}
        hint="Only your team sees this. Type @ and a teammate's name to email them; buyers are never told."
      />
      <Button type="submit" variant="secondary" pending={pending}>
        Add internal note
      </Button>
    </Form>
  );
}
