// The page a check-in email's answer opens: the step as the plan shows it, and one button that
// gives the answer (a date field for a new date, an optional reason for blocked). Opening it
// changes nothing; the button does.
import type { ReactNode } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConflictNotice } from "~/components/ui/conflict-notice";
import { FieldErrors } from "~/components/ui/field";
import { formatCalendarDate } from "~/domain/dates";
import { daysOverdue } from "~/domain/slippage";
import { MILESTONE_STATUS_LABELS, OWNER_SIDE_LABELS } from "~/domain/types";
import { errorsOf, type IntentResult } from "~/forms/intent";
import type { CheckInAnswer } from "~/forms/buyer";
import type { BuyerPlanView } from "~/models/buyer-plan.types";
import { Document } from "./page";
import { PostForm, typedValue } from "./post-form";

type Milestone = BuyerPlanView["milestones"][number];

/** The intent each answer posts: the same the plan page's forms post. */
export const CHECK_IN_INTENTS: Record<CheckInAnswer, string> = { done: "mark-done", date: "redate", blocked: "mark-blocked" };

export interface CheckInPageProps {
  view: BuyerPlanView;
  step: Milestone;
  answer: CheckInAnswer;
  /** This page's own address, where its form posts. */
  action: string;
  /** The answer to a refused post (400 or 409), shown beside the form. */
  result?: IntentResult;
}

export function CheckInPage({ view, step, answer, action, result }: CheckInPageProps) {
  const { plan } = view;
  return (
    <Document title={`${step.title} · ${plan.title} · Mutual`} accentColor={view.branding.accentColor}>
      <main className="mx-auto max-w-xl space-y-4 px-3 py-4 sm:px-4 sm:py-8">
        <div className="flex items-center justify-between text-sm">
          <span className="font-bold text-brand-700">Mutual</span>
          <span className="text-slate-600">{view.me.name}</span>
        </div>
        <header className={`card p-4 ${view.branding.accentColor ? "brand-accent-border border-t-4" : ""}`}>
          <p className="text-sm text-slate-500">
            {plan.buyerCompany} × {plan.sellerCompany}
          </p>
          <p className="mt-1 font-semibold">{plan.title}</p>
        </header>
        <section className="card p-4" aria-labelledby="check-in-step" data-testid="check-in" data-milestone-id={step.id}>
          <StepSummary step={step} today={view.today} />
          <div className="mt-4 border-t border-slate-100 pt-4">
            <AnswerForm step={step} answer={answer} action={action} result={result} />
          </div>
          {/* Outside the form: "Keep mine instead" is a form of its own. */}
          <FieldErrors errors={errorsOf(result, "milestoneId")} />
          <ConflictNotice result={result} action={action} className="mt-3" />
        </section>
        <p className="text-center text-sm">
          <a href={`/p/${plan.id}#step-${step.id}`} className="font-medium text-brand-700 underline">
            Open the whole plan instead
          </a>
        </p>
      </main>
    </Document>
  );
}

function StepSummary({ step, today }: { step: Milestone; today: string }) {
  const overdue = daysOverdue(step.targetDate, today, step.completion === "DONE");
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <h1 id="check-in-step" className="text-lg font-semibold">
          {step.title}
        </h1>
        {step.completion === "DONE" ? <Badge tone="green">Done</Badge> : null}
        {step.completion === "OPEN" && step.status !== "NOT_STARTED" ? (
          <Badge tone={step.status === "BLOCKED" ? "red" : "blue"}>{MILESTONE_STATUS_LABELS[step.status]}</Badge>
        ) : null}
        {overdue > 0 ? <Badge tone="red">{`${overdue} ${overdue === 1 ? "day" : "days"} overdue`}</Badge> : null}
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {formatCalendarDate(step.targetDate, "long")} · {OWNER_SIDE_LABELS[step.ownerSide]}
        {step.ownerName ? `: ${step.ownerName}` : ", no owner yet"}
      </p>
      {step.output ? <p className="mt-1 text-sm text-slate-700">Proof: {step.output}</p> : null}
    </>
  );
}

/** Why this answer cannot be given any more, when the step changed since the email was sent. */
function unavailable(step: Milestone, answer: CheckInAnswer): string | null {
  if (step.completion === "AWAITING_BUYER_CONFIRMATION") return "The seller marked this step done. Open the plan to confirm it.";
  if (step.status === "DONE") return "This step is done already.";
  if (answer !== "date" && step.ownerSide === "SELLER") return "This is the seller's step: only they change its status.";
  if (answer === "blocked" && step.status === "BLOCKED") return "This step is marked blocked already.";
  return null;
}

function AnswerForm({ step, answer, action, result }: Omit<CheckInPageProps, "view">) {
  const reason = unavailable(step, answer);
  if (reason) return <p className="text-slate-700">{reason}</p>;
  const row = { milestoneId: step.id, version: step.version };
  const form = (children: ReactNode) => (
    <PostForm intent={CHECK_IN_INTENTS[answer]} hidden={row} action={action} className="space-y-3">
      {children}
    </PostForm>
  );
  if (answer === "done") {
    return form(
      <>
        <p className="text-slate-700">Is this step done? Marking it done tells everyone on the plan, and it counts at once.</p>
        <Button type="submit" className="w-full sm:w-auto">
          Yes, mark it done
        </Button>
      </>,
    );
  }
  if (answer === "date") {
    return form(
      <>
        <p className="text-slate-700">When will this step be done? Everyone on the plan sees the new date.</p>
        <div>
          <label className="label" htmlFor="check-in-date">
            New date
          </label>
          <input
            id="check-in-date"
            name="targetDate"
            type="date"
            required
            className="control"
            defaultValue={typedValue(result, "targetDate") ?? step.targetDate}
          />
          <FieldErrors errors={errorsOf(result, "targetDate")} />
        </div>
        <ReasonField label="Reason (optional)" placeholder="e.g. CFO out until the 14th" result={result} />
        <Button type="submit" className="w-full sm:w-auto">
          Save the new date
        </Button>
      </>,
    );
  }
  return form(
    <>
      <p className="text-slate-700">Is this step blocked? The seller sees it at once, with your reason if you give one.</p>
      <ReasonField label="What is in the way? (optional)" placeholder="e.g. Waiting for our legal team" result={result} />
      <Button type="submit" className="w-full sm:w-auto">
        Mark it blocked
      </Button>
    </>,
  );
}

function ReasonField({ label, placeholder, result }: { label: string; placeholder: string; result?: IntentResult }) {
  return (
    <div>
      <label className="label" htmlFor="check-in-reason">
        {label}
      </label>
      <input
        id="check-in-reason"
        name="reason"
        type="text"
        maxLength={500}
        className="control"
        placeholder={placeholder}
        defaultValue={typedValue(result, "reason")}
      />
      <FieldErrors errors={errorsOf(result, "reason")} />
    </div>
  );
}
