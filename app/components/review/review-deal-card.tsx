// One deal in the weekly review: its health with the reasons, stakeholder gaps, overdue and slipped
// steps, stage-push, the next step, the week's notes with a form to add one, and earlier reviews.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatMoney } from "~/components/format";
import { useIntentResult, useIsPending } from "~/components/plan-editor/intent-hooks";
import { SavedNotice, useSavedToken } from "~/components/plan-editor/notice";
import { HEALTH_LABELS, HEALTH_TONES } from "~/components/signals/labels";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { formatCalendarDate } from "~/domain/dates";
import { plural } from "~/domain/signal-wording";
import { stageName } from "~/domain/types";
import { errorsOf } from "~/forms/intent";
import { REVIEW_NOTE_MAX } from "~/forms/stakeholders";
import type { DealReview, ReviewNoteView } from "~/models/deal-review.server";

function Facts({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <h4 className="text-sm font-medium text-slate-700">{title}</h4>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">{children}</ul>
    </div>
  );
}

export function ReviewDealCard({ deal, week, isThisWeek }: { deal: DealReview; week: string; isThisWeek: boolean }) {
  const headingId = `review-${deal.id}-heading`;
  return (
    <article id={`review-${deal.id}`} aria-labelledby={headingId} className="card scroll-mt-4 space-y-3 p-4" data-testid="review-deal">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          <Link to={`/deals/${deal.id}`} className="text-brand-700 underline">
            {deal.accountName}: {deal.name}
          </Link>
        </h3>
        <p className="text-sm text-slate-600">
          {formatMoney(deal.amount, deal.currency)} · Stage {deal.stage}, {stageName(deal.stage)}
        </p>
      </header>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {deal.health ? (
          <Badge tone={HEALTH_TONES[deal.health.label]}>
            {HEALTH_LABELS[deal.health.label]}, {deal.health.score} of 100
          </Badge>
        ) : (
          <Badge tone="red">Figures withheld: {deal.unreadableDate} cannot be read</Badge>
        )}
        {deal.highRiskReason ? <Badge tone="red">High-risk multi-threading</Badge> : null}
        {deal.stagePush.pushed ? <Badge tone="amber">Stage pushed</Badge> : null}
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        {deal.health && deal.health.deductions.length > 0 ? (
          <Facts title="Health" testId="review-health">
            {deal.health.deductions.map((d) => (
              <li key={d.reason}>
                {d.reason} <span className="text-slate-500">(−{d.points})</span>
              </li>
            ))}
          </Facts>
        ) : null}
        {deal.gaps.length > 0 ? (
          <Facts title="Stakeholder gaps" testId="review-gaps">
            {deal.highRiskReason ? <li className="font-medium text-red-800">{deal.highRiskReason}</li> : null}
            {deal.gaps.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </Facts>
        ) : null}
        {deal.overdue.length > 0 ? (
          <Facts title="Overdue steps">
            {deal.overdue.map((s) => (
              <li key={s.id}>
                “{s.title}”, {plural(s.days, "day")} overdue
              </li>
            ))}
          </Facts>
        ) : null}
        {deal.slipped.length > 0 ? (
          <Facts title="Slipped steps">
            {deal.slipped.map((s) => (
              <li key={s.id}>
                “{s.title}”, moved {plural(s.days, "day")} later than agreed
              </li>
            ))}
          </Facts>
        ) : null}
        {deal.stagePush.pushed ? (
          <Facts title="Stage pushed">
            {/* The reasons name the steps; the bare list is only for a reason-less flag. */}
            {deal.stagePush.reasons.length > 0
              ? deal.stagePush.reasons.map((r) => <li key={r}>{r}</li>)
              : deal.stagePush.steps.map((t) => <li key={t}>Not done: “{t}”</li>)}
          </Facts>
        ) : null}
      </div>
      <p className="text-sm">
        <span className="font-medium">Next step: </span>
        {deal.nextStep ? `“${deal.nextStep.title}”, due ${formatCalendarDate(deal.nextStep.targetDate)}` : "none dated from today on"}
      </p>
      <ReviewNotes deal={deal} week={week} isThisWeek={isThisWeek} />
    </article>
  );
}

function NoteList({ notes, withWeek }: { notes: ReviewNoteView[]; withWeek: boolean }) {
  return (
    <ul className="space-y-2">
      {notes.map((n) => (
        <li key={n.id} className="rounded-md bg-slate-50 p-2 text-sm">
          <p className="whitespace-pre-wrap">{n.body}</p>
          <p className="text-xs text-slate-500">
            {n.authorName}
            {withWeek ? `, week of ${formatCalendarDate(n.weekOf)}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}

function ReviewNotes({ deal, week, isThisWeek }: { deal: DealReview; week: string; isThisWeek: boolean }) {
  const formId = `add-review-note:${deal.id}`;
  const result = useIntentResult(formId);
  const saved = useSavedToken(formId);
  const pending = useIsPending("add-review-note", "dealId", deal.id);
  const bodyId = `review-note-${deal.id}`;
  const errors = errorsOf(result, "body");
  return (
    <section aria-label={`Notes on ${deal.accountName}`} className="space-y-3 border-t border-slate-200 pt-3">
      <h4 className="text-sm font-medium">
        {isThisWeek ? "This week's notes" : `Notes for the week of ${formatCalendarDate(week)}`}
        <SavedNotice anchor={`review-${deal.id}`} className="ml-2" />
      </h4>
      {deal.notes.length > 0 ? (
        <NoteList notes={deal.notes} withWeek={false} />
      ) : (
        <p className="text-sm text-slate-500">{isThisWeek ? "No notes yet this week." : "No notes for that week."}</p>
      )}
      <Form method="post" key={saved} className="space-y-2" preventScrollReset>
        <input type="hidden" name="intent" value="add-review-note" />
        <input type="hidden" name="dealId" value={deal.id} />
        <label htmlFor={bodyId} className="block text-sm">
          Add a note for the week of {formatCalendarDate(week)}
        </label>
        <textarea
          id={bodyId}
          name="body"
          rows={2}
          maxLength={REVIEW_NOTE_MAX}
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `${bodyId}-error` : undefined}
          className="control w-full"
        />
        {errors ? (
          <p id={`${bodyId}-error`} role="alert" className="text-sm text-red-700">
            {errors.join(" ")}
          </p>
        ) : null}
        <Button type="submit" pending={pending}>
          Save note
        </Button>
      </Form>
      {deal.earlierNotes.length > 0 ? (
        <details open className="text-sm" data-testid="earlier-reviews">
          <summary className="cursor-pointer font-medium">Earlier reviews</summary>
          <div className="mt-2">
            <NoteList notes={deal.earlierNotes} withWeek />
          </div>
        </details>
      ) : null}
    </section>
  );
}
