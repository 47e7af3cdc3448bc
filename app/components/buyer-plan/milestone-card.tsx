import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConflictNotice } from "~/components/ui/conflict-notice";
import { FieldErrors, SelectField } from "~/components/ui/field";
import { answerFor, errorsOf, type IntentResult } from "~/forms/intent";
import { formatCalendarDate, isAcceptedDate } from "~/domain/dates";
import { daysOverdue } from "~/domain/slippage";
import { MILESTONE_STATUS_LABELS, OWNER_SIDE_LABELS } from "~/domain/types";
import type { BuyerPlanView } from "~/models/buyer-plan.types";
import { PostForm, SavedNotice, typedValue } from "./post-form";

type Milestone = BuyerPlanView["milestones"][number];
type Person = BuyerPlanView["participants"][number];
type Comment = BuyerPlanView["comments"][number];

interface CardProps {
  milestone: Milestone;
  people: Person[];
  comments: Comment[];
  today: string;
  answer?: IntentResult;
  /** A form of this step was just saved: the page says so once. */
  saved: boolean;
  /** The date and owner forms are open: the reader asked for them, or their last post was refused. */
  changing: boolean;
  /** This page's address with this step's forms open, and with none open; the step as a calendar file. */
  links: { change: string; close: string; calendar: string };
}

export function MilestoneCard({ milestone: m, people, comments, today, answer, saved, changing, links }: CardProps) {
  const overdue = daysOverdue(m.targetDate, today, m.completion === "DONE");
  const mine = m.ownerSide !== "SELLER";
  const done = answerFor(answer, `mark-done:${m.id}`);
  const confirm = answerFor(answer, `confirm:${m.id}`);
  const comment = answerFor(answer, `comment:${m.id}`);
  const row = { milestoneId: m.id, version: m.version };

  return (
    <li id={`step-${m.id}`} className="card p-4" data-testid="milestone" data-milestone-id={m.id}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold" data-testid="milestone-title">
          {m.title}
        </h3>
        {m.completion === "DONE" ? <Badge tone="green">Done</Badge> : null}
        {m.completion === "AWAITING_BUYER_CONFIRMATION" ? <Badge tone="amber">Awaiting your confirmation</Badge> : null}
        {m.completion === "OPEN" && m.status !== "NOT_STARTED" ? (
          <Badge tone={m.status === "BLOCKED" ? "red" : "blue"}>{MILESTONE_STATUS_LABELS[m.status]}</Badge>
        ) : null}
        {overdue > 0 ? <Badge tone="red">{`${overdue} ${overdue === 1 ? "day" : "days"} overdue`}</Badge> : null}
      </div>
      <p className="mt-1 text-sm text-slate-600">
        <span data-testid="milestone-date">{formatCalendarDate(m.targetDate, "long")}</span> · {OWNER_SIDE_LABELS[m.ownerSide]}
        {m.ownerName ? `: ${m.ownerName}` : ", no owner yet"}
        {isAcceptedDate(m.targetDate) ? (
          // The separator wraps with the link, never left dangling at a line's end.
          <span className="whitespace-nowrap">
            {" · "}
            <a href={links.calendar} download className="text-brand-700 underline" aria-label={`Add to calendar: ${m.title}`}>
              Add to calendar
            </a>
          </span>
        ) : null}
      </p>
      {m.output ? <p className="mt-1 text-sm text-slate-700">Proof: {m.output}</p> : null}
      <SavedNotice shown={saved} />

      {m.completion === "AWAITING_BUYER_CONFIRMATION" ? (
        <PostForm intent="confirm" hidden={row} className="mt-3">
          <p className="mb-2 text-sm text-slate-700">The seller marked this done. Is it?</p>
          <Button type="submit" className="w-full sm:w-auto">
            Confirm it is done
          </Button>
        </PostForm>
      ) : null}
      {/* Outside the form: a refused confirmation usually means the form is gone from the card. */}
      <FieldErrors errors={errorsOf(confirm, "milestoneId")} />
      <ConflictNotice result={confirm} className="mt-3" />
      {mine && m.status !== "DONE" ? (
        <PostForm intent="mark-done" hidden={row} className="mt-3">
          <Button type="submit" variant="secondary" className="w-full sm:w-auto">
            Mark done
          </Button>
        </PostForm>
      ) : null}
      <ConflictNotice result={done} className="mt-3" />

      <ChangeForms milestone={m} people={people} answer={answer} changing={changing} links={links} />

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
        <PostForm intent="comment" hidden={{ milestoneId: m.id }} className="flex gap-2">
          <label className="sr-only" htmlFor={`comment-${m.id}`}>
            Comment on {m.title}
          </label>
          <input
            id={`comment-${m.id}`}
            name="body"
            type="text"
            maxLength={2000}
            required
            placeholder="Add a comment"
            className="control"
            defaultValue={typedValue(comment, "body")}
          />
          <Button type="submit" variant="secondary">
            Send
          </Button>
        </PostForm>
        <FieldErrors errors={errorsOf(comment, "body")} />
      </div>
    </li>
  );
}

/**
 * The date and owner forms, sent only for the step being changed (or whose change was just
 * refused): a plan of fifteen steps stays a small page on a phone. Otherwise a link opens them.
 */
function ChangeForms({ milestone: m, people, answer, changing, links }: Pick<CardProps, "milestone" | "people" | "answer" | "changing" | "links">) {
  const redate = answerFor(answer, `redate:${m.id}`);
  const assign = answerFor(answer, `assign-owner:${m.id}`);
  const row = { milestoneId: m.id, version: m.version };
  const mine = m.ownerSide !== "SELLER";
  if (!changing && !(redate && !redate.ok) && !(assign && !assign.ok)) {
    return (
      <a href={`${links.change}#change-${m.id}`} id={`change-${m.id}`} data-inplace className="mt-3 inline-block text-sm font-medium text-brand-700">
        Change date or owner
      </a>
    );
  }
  const owners = [{ value: "", label: "No owner yet" }, ...people.filter((p) => p.side === "BUYER").map((p) => ({ value: p.id, label: p.name }))];
  return (
    <div id={`change-${m.id}`} className="mt-3 space-y-4 rounded-md bg-slate-50 p-3">
      <PostForm intent="redate" hidden={row} action={links.close} className="space-y-2">
        <label className="label" htmlFor={`date-${m.id}`}>
          New date
        </label>
        <input id={`date-${m.id}`} name="targetDate" type="date" defaultValue={typedValue(redate, "targetDate") ?? m.targetDate} required className="control" />
        <FieldErrors errors={errorsOf(redate, "targetDate")} />
        <label className="label" htmlFor={`reason-${m.id}`}>
          Reason (optional)
        </label>
        <input
          id={`reason-${m.id}`}
          name="reason"
          type="text"
          maxLength={500}
          className="control"
          placeholder="e.g. CFO out until the 14th"
          defaultValue={typedValue(redate, "reason")}
        />
        <Button type="submit" variant="secondary">
          Save date
        </Button>
      </PostForm>
      <ConflictNotice result={redate} action={links.close} />
      {mine ? (
        <PostForm intent="assign-owner" hidden={row} action={links.close} className="space-y-2">
          <SelectField
            label="Owner"
            id={`owner-${m.id}`}
            name="ownerParticipantId"
            options={owners}
            defaultValue={typedValue(assign, "ownerParticipantId") ?? m.ownerParticipantId ?? ""}
            errors={errorsOf(assign, "ownerParticipantId")}
          />
          <Button type="submit" variant="secondary">
            Save owner
          </Button>
        </PostForm>
      ) : null}
      <ConflictNotice result={assign} action={links.close} />
      <a href={`${links.close}#change-${m.id}`} data-inplace className="inline-block text-sm text-slate-600 underline">
        Close
      </a>
    </div>
  );
}
