// A step's conversation on the deal page: the comments the buyer reads too, then the team's
// internal notes, set apart and marked as the team's own.
import { Form } from "@remix-run/react";
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { formatMoment } from "~/components/format";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/field";
import { COMMENT_MAX, SellerCommentSchema } from "~/forms/discussion";
import type { DealDiscussion, StepComment } from "~/models/discussion.types";
import { NoteForm, NoteList, OnlyYourTeam } from "./deal-notes";
import { FormErrors, useIntentResult, useIsPending } from "./intent-hooks";

interface Step {
  id: string;
  title: string;
  internalOnly: boolean;
}

export function StepDiscussion({ milestone: m, discussion }: { milestone: Step; discussion: DealDiscussion }) {
  const comments = discussion.commentsByStep[m.id] ?? [];
  const notes = discussion.notesByStep[m.id] ?? [];
  const commentAnswer = useIntentResult(`comment-step:${m.id}`);
  const noteAnswer = useIntentResult(`add-note:${m.id}`);
  return (
    <div className="mt-2 space-y-2" data-testid="step-discussion">
      <CommentList comments={comments} title={m.title} timezone={discussion.timezone} />
      <NoteList notes={notes} timezone={discussion.timezone} label={`Internal notes on ${m.title}`} />
      <details className="text-sm" open={Boolean(commentAnswer ?? noteAnswer)}>
        <summary className="cursor-pointer text-brand-700">
          Comment or note{comments.length + notes.length > 0 ? ` (${comments.length + notes.length})` : ""}
        </summary>
        <div className="mt-2 space-y-3">
          <CommentForm milestone={m} count={comments.length} />
          <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50/60 p-3">
            <OnlyYourTeam />
            <NoteForm milestoneId={m.id} count={notes.length} label={`Internal note on ${m.title}`} />
          </div>
        </div>
      </details>
    </div>
  );
}

function CommentList({ comments, title, timezone }: { comments: StepComment[]; title: string; timezone: string }) {
  if (comments.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm" aria-label={`Comments on ${title}`}>
      {comments.map((c) => (
        <li key={c.id} data-testid="step-comment">
          <span className="font-medium">{c.authorName}</span>
          <span className="text-slate-500">
            {" "}
            ({c.side === "BUYER" ? "buyer" : "seller"}, <time dateTime={c.at}>{formatMoment(c.at, timezone)}</time>)
          </span>
          : <span className="whitespace-pre-wrap">{c.body}</span>
        </li>
      ))}
    </ul>
  );
}

function CommentForm({ milestone: m, count }: { milestone: Step; count: number }) {
  const formId = `comment-step:${m.id}`;
  const result = useIntentResult(formId);
  const [form, fields] = useForm({
    // A new id once the comment is saved and listed, so the box starts empty again.
    id: `comment-${m.id}-${count}`,
    lastResult: result?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SellerCommentSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const pending = useIsPending("comment-step", "milestoneId", m.id);
  const hint = m.internalOnly
    ? "This step is internal: buyers see neither it nor its comments."
    : "The buyer sees this on their plan. Type @ and a name to email someone on the plan.";
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2" preventScrollReset>
      <input type="hidden" name="intent" value="comment-step" />
      <input type="hidden" name="milestoneId" value={m.id} />
      <FormErrors result={result} />
      <TextareaField
        label={`Comment on ${m.title}`}
        {...getTextareaProps(fields.body)}
        maxLength={COMMENT_MAX}
        rows={2}
        errors={fields.body.errors}
        hint={hint}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        Comment
      </Button>
    </Form>
  );
}
