// The words of each reminder, rendered from its template (emails/). Links lead to the plan's page
// for a buyer and to the deal's page for a seller, where the normal sign-in applies: no link in
// these emails carries a secret.
import { createElement } from "react";
import StepDueSoonEmail from "../../emails/step-due-soon";
import StepOverdueEmail from "../../emails/step-overdue";
import AwaitingConfirmationEmail from "../../emails/awaiting-confirmation";
import PlanCheckInEmail from "../../emails/plan-check-in";
import { calendarDateIn, formatCalendarDate } from "~/domain/dates";
import { daysOverdue } from "~/domain/slippage";
import type { CheckIn, Recipient, Reminder } from "~/domain/reminders";
import { renderEmail, type RenderedEmail } from "~/utils/email.server";
import { preferencesLink, stopLink } from "~/utils/unsubscribe.server";
import type { StepContext } from "./reminder-facts.server";

export type CheckInAnswer = "done" | "date" | "blocked";

/** The address of a one-click check-in answer: a page that asks to confirm it (app/routes/p.$planId_.check-in.tsx). */
export function checkInAnswerHref(baseUrl: string, planId: string, stepId: string, answer: CheckInAnswer) {
  return `${baseUrl}/p/${planId}/check-in?${new URLSearchParams({ step: stepId, answer })}`;
}

/** Where the reader acts on the step: the buyer's plan page or the seller's deal page, at the step. */
function stepHref(baseUrl: string, to: Recipient, context: StepContext) {
  return to.side === "BUYER"
    ? { label: "Open the plan", href: `${baseUrl}/p/${context.plan.id}#step-${context.step.id}` }
    : { label: "Open the deal", href: `${baseUrl}/deals/${context.plan.dealId}#milestone-${context.step.id}` };
}

function footerLinks(baseUrl: string, reminder: Reminder) {
  return { stopHref: stopLink(baseUrl, reminder.to.email, reminder.kind), preferencesHref: preferencesLink(baseUrl, reminder.to.email) };
}

const dayOf = (date: string) => formatCalendarDate(date, "long");

export function dueSoonEmail(baseUrl: string, reminder: Reminder, context: StepContext): Promise<RenderedEmail> {
  return renderEmail(
    `Due in 2 days: ${context.step.title} (${context.plan.accountName})`,
    createElement(StepDueSoonEmail, {
      recipientName: reminder.to.name,
      stepTitle: context.step.title,
      dueOn: dayOf(context.step.targetDate),
      planTitle: context.plan.title,
      audience: reminder.to.side,
      action: stepHref(baseUrl, reminder.to, context),
      ...footerLinks(baseUrl, reminder),
    }),
  );
}

function ownerLabel(context: StepContext) {
  if (!context.step.ownerName) return null;
  const side = context.step.ownerSide === "SELLER" ? "your team" : context.step.ownerSide === "BUYER" ? "buyer" : "joint step";
  return `${context.step.ownerName} (${side})`;
}

export function overdueEmail(baseUrl: string, reminder: Reminder, context: StepContext, today: string): Promise<RenderedEmail> {
  return renderEmail(
    `Overdue: ${context.step.title} (${context.plan.accountName})`,
    createElement(StepOverdueEmail, {
      audience: reminder.role === "REP" ? "REP" : "OWNER",
      recipientName: reminder.to.name,
      stepTitle: context.step.title,
      dueOn: dayOf(context.step.targetDate),
      daysLate: daysOverdue(context.step.targetDate, today, false),
      planTitle: context.plan.title,
      accountName: context.plan.accountName,
      ownerLabel: ownerLabel(context),
      onPlanPage: reminder.to.side === "BUYER",
      action: stepHref(baseUrl, reminder.to, context),
      ...footerLinks(baseUrl, reminder),
    }),
  );
}

export function awaitingEmail(
  baseUrl: string,
  reminder: Reminder,
  context: StepContext,
  mark: { by: string; at: Date; timezone: string },
): Promise<RenderedEmail> {
  return renderEmail(
    `Awaiting your confirmation: ${context.step.title} (${context.plan.accountName})`,
    createElement(AwaitingConfirmationEmail, {
      recipientName: reminder.to.name,
      stepTitle: context.step.title,
      markedBy: mark.by,
      sellerCompany: context.sellerCompany,
      markedOn: dayOf(calendarDateIn(mark.timezone, mark.at)),
      planTitle: context.plan.title,
      owner: reminder.role === "OWNER",
      action: { label: "Confirm on the plan", href: `${baseUrl}/p/${context.plan.id}#step-${context.step.id}` },
      ...footerLinks(baseUrl, reminder),
    }),
  );
}

export function checkInEmail(
  baseUrl: string,
  reminder: Reminder,
  checkIn: CheckIn,
  plan: { id: string; title: string; sellerCompany: string },
  steps: ReadonlyMap<string, StepContext>,
  today: string,
): Promise<RenderedEmail> {
  return renderEmail(
    `Still on track? ${plan.title}`,
    createElement(PlanCheckInEmail, {
      recipientName: reminder.to.name,
      planTitle: plan.title,
      sellerCompany: plan.sellerCompany,
      quietDays: checkIn.quietDays,
      steps: checkIn.steps.map((step) => ({
        title: steps.get(step.id)?.step.title ?? "",
        dueOn: dayOf(step.targetDate),
        daysLate: daysOverdue(step.targetDate, today, false),
        ownerName: step.owner?.name ?? null,
        answers: {
          done: checkInAnswerHref(baseUrl, plan.id, step.id, "done"),
          date: checkInAnswerHref(baseUrl, plan.id, step.id, "date"),
          blocked: checkInAnswerHref(baseUrl, plan.id, step.id, "blocked"),
        },
      })),
      more: checkIn.more,
      planHref: `${baseUrl}/p/${plan.id}`,
      ...footerLinks(baseUrl, reminder),
    }),
  );
}
