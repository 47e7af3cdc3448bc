import { Form } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { FieldErrors } from "~/components/ui/field";
import { ConflictNotice, useIntentResult } from "~/components/plan-editor/intent-hooks";
import { formatCalendarDate } from "~/domain/dates";
import { daysOverdue } from "~/domain/slippage";
import { MILESTONE_STATUS_LABELS, OWNER_SIDE_LABELS } from "~/domain/types";
import type { BuyerPlanView } from "~/models/buyer-plan.types";
import { errorsOf } from "./field-errors";

type Milestone = BuyerPlanView["milestones"][number];
type Person = BuyerPlanView["participants"][number];
type Comment = BuyerPlanView["comments"][number];

const input = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm";

export function MilestoneCard({ milestone: m, people, comments, today }: { milestone: Milestone; people: Person[]; comments: Comment[]; today: string }) {
  const overdue = daysOverdue(m.targetDate, today, m.completion === "DONE");
  const mine = m.ownerSide !== "SELLER";
  const redate = useIntentResult(`redate:${m.id}`);
  const assign = useIntentResult(`assign-owner:${m.id}`);
  const done = useIntentResult(`mark-done:${m.id}`);
  const confirm = useIntentResult(`confirm:${m.id}`);
  const comment = useIntentResult(`comment:${m.id}`);
  const colleagues = people.filter((p) => p.side === "BUYER");

  return (
    <li className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="milestone" data-milestone-id={m.id}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold" data-testid="milestone-title">
          {m.title}
        </h3>
        {m.completion === "DONE" ? <Badge tone="green">Done</Badge> : null}
        {m.completion === "AWAITING_BUYER_CONFIRMATION" ? <Badge tone="amber">Awaiting your confirmation</Badge> : null}
        {m.completion === "OPEN" && m.status !== "NOT_STARTED" ? <Badge tone={m.status === "BLOCKED" ? "red" : "blue"}>{MILESTONE_STATUS_LABELS[m.status]}</Badge> : null}
        {overdue > 0 ? <Badge tone="red">{overdue} {overdue === 1 ? "day" : "days"} overdue</Badge> : null}
      </div>
      <p className="mt-1 text-sm text-slate-600">
        <span data-testid="milestone-date">{formatCalendarDate(m.targetDate, "long")}</span> · {OWNER_SIDE_LABELS[m.ownerSide]}
        {m.ownerName ? `: ${m.ownerName}` : ", no owner yet"}
      </p>
      {m.output ? <p className="mt-1 text-sm text-slate-700">Proof: {m.output}</p> : null}

      {m.completion === "AWAITING_BUYER_CONFIRMATION" ? (
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="milestoneId" value={m.id} />
          <input type="hidden" name="version" value={m.version} />
          <p className="mb-2 text-sm text-slate-700">The seller marked this done. Is it?</p>
          <Button type="submit" className="w-full sm:w-auto">
            Confirm it is done
          </Button>
          <FieldErrors errors={errorsOf(confirm, "milestoneId")} />
        </Form>
      ) : null}
      {/* After its form, never inside: "Keep mine instead" is a form of its own, and HTML drops nested forms. */}
      <ConflictNotice result={confirm} />
      {mine && m.status !== "DONE" ? (
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="mark-done" />
          <input type="hidden" name="milestoneId" value={m.id} />
          <input type="hidden" name="version" value={m.version} />
          <Button type="submit" variant="secondary" className="w-full sm:w-auto">
            Mark done
          </Button>
        </Form>
      ) : null}
      <ConflictNotice result={done} />

      <details id={`change-${m.id}`} className="mt-3" open={Boolean((redate && !redate.ok) || (assign && !assign.ok))}>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Change date or owner</summary>
        <Form method="post" className="mt-2 space-y-2">
          <input type="hidden" name="intent" value="redate" />
          <input type="hidden" name="milestoneId" value={m.id} />
          <input type="hidden" name="version" value={m.version} />
          <label className="block text-sm font-medium" htmlFor={`date-${m.id}`}>
            New date
          </label>
          <input id={`date-${m.id}`} name="targetDate" type="date" defaultValue={m.targetDate} required className={input} />
          <FieldErrors errors={errorsOf(redate, "targetDate")} />
          <label className="block text-sm font-medium" htmlFor={`reason-${m.id}`}>
            Reason (optional)
          </label>
          <input id={`reason-${m.id}`} name="reason" type="text" maxLength={500} className={input} placeholder="e.g. CFO out until the 14th" />
          <Button type="submit" variant="secondary">
            Save date
          </Button>
        </Form>
        <ConflictNotice result={redate} />
        {mine ? (
          <Form method="post" className="mt-4 space-y-2">
            <input type="hidden" name="intent" value="assign-owner" />
            <input type="hidden" name="milestoneId" value={m.id} />
            <input type="hidden" name="version" value={m.version} />
            <label className="block text-sm font-medium" htmlFor={`owner-${m.id}`}>
              Owner
            </label>
            <select id={`owner-${m.id}`} name="ownerParticipantId" defaultValue={m.ownerParticipantId ?? ""} className={input}>
              <option value="">No owner yet</option>
              {colleagues.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <FieldErrors errors={errorsOf(assign, "ownerParticipantId")} />
            <Button type="submit" variant="secondary">
              Save owner
            </Button>
          </Form>
        ) : null}
        <ConflictNotice result={assign} />
      </details>

      <div className="mt-3 border-t border-slate-100 pt-3">
        {comments.length > 0 ? (
          <ul className="mb-2 space-y-1 text-sm" aria-label={`Comments on ${m.title}`}>
            {comments.map((c) => (
              <li key={c.id} data-testid="comment">
                <span className="font-medium">{c.authorName}</span>
                <span className="text-slate-500"> ({c.side === "BUYER" ? "buyer" : "seller"})</span>: {c.body}
              </li>
            ))}
          </ul>
        ) : null}
        <Form method="post" className="flex gap-2">
          <input type="hidden" name="intent" value="comment" />
          <input type="hidden" name="milestoneId" value={m.id} />
          <label className="sr-only" htmlFor={`comment-${m.id}`}>
            Comment on {m.title}
          </label>
          <input id={`comment-${m.id}`} name="body" type="text" maxLength={2000} required placeholder="Add a comment" className={input} />
          <Button type="submit" variant="secondary">
            Send
          </Button>
        </Form>
        <FieldErrors errors={errorsOf(comment, "body")} />
      </div>
    </li>
  );
}
