// Where a check-in email's one-click answers lead: /p/<planId>/check-in?step=<id>&answer=done|date|blocked
// (docs/notifications.md). Like every emailed link, opening it changes nothing, because mail
// scanners open links before people do: the page shows the step and one button, and the POST
// applies the answer through the same model functions, checks and versions as the plan page.
// Rendered like the plan page (docs/decisions/0008-buyer-page-one-stack.md).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { CHECK_IN_INTENTS, CheckInPage } from "~/components/buyer-plan/check-in";
import { BuyerBlockedSchema, BuyerMilestoneActionSchema, BuyerRedateSchema, CheckInLinkSchema } from "~/forms/buyer";
import type { IntentResult } from "~/forms/intent";
import type { BuyerActor } from "~/models/actor.server";
import { buyerMarkBlocked, buyerMarkDone, buyerRedate } from "~/models/buyer-plan.server";
import { getBuyerPlan } from "~/models/buyer-plan-read.server";
import type { BuyerVisit } from "~/utils/buyer-auth.server";
import { answerWithPage, htmlPage, savedRedirect } from "~/utils/buyer-page-http.server";
import { readForm } from "~/utils/form-data.server";
import { intentOutcome, type IntentOutcome } from "~/utils/intent.server";
import type { z } from "zod";

type CheckInLink = z.infer<typeof CheckInLinkSchema>;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const planId = params.planId ?? "";
  return answerWithPage(request, planId, context, (visit) => renderCheckIn(request, visit, linkOf(request)));
}

/** A given answer goes to the plan page, which says "Saved" at the step (Post/Redirect/Get); a refused one stays here with why. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? "";
  return answerWithPage(request, planId, context, async (visit) => {
    const link = linkOf(request);
    const outcome = await applyAnswer(await readForm(request), visit.buyer, link);
    if (outcome.status === 200) return savedRedirect(new Request(new URL(`/p/${planId}`, request.url)), planId, outcome.result.formId);
    return renderCheckIn(request, visit, link, outcome);
  });
}

function linkOf(request: Request): CheckInLink {
  const parsed = CheckInLinkSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new Response("This link is not complete. Open the plan to update your steps there.", { status: 400 });
  return parsed.data;
}

/** The form answers the step and the question its link names, nothing else. */
async function applyAnswer(form: FormData, buyer: BuyerActor, link: CheckInLink): Promise<IntentOutcome> {
  const intent = CHECK_IN_INTENTS[link.answer];
  if (form.get("intent") !== intent || form.get("milestoneId") !== link.step) throw new Response("Unknown action", { status: 400 });
  const formId = `${intent}:${link.step}`;
  switch (link.answer) {
    case "done":
      return intentOutcome(form, BuyerMilestoneActionSchema, formId, (v) => buyerMarkDone(buyer, v));
    case "date":
      return intentOutcome(form, BuyerRedateSchema, formId, (v) => buyerRedate(buyer, v));
    case "blocked":
      return intentOutcome(form, BuyerBlockedSchema, formId, (v) => buyerMarkBlocked(buyer, v));
  }
}

/** The step as the buyer's plan shows it: a step of another plan, or internal-only, is not found. */
async function renderCheckIn(request: Request, visit: BuyerVisit, link: CheckInLink, refused?: { status: number; result: IntentResult }) {
  const view = await getBuyerPlan(visit.buyer);
  const step = view.milestones.find((m) => m.id === link.step);
  if (!step) throw new Response("Not found", { status: 404 });
  const here = new URL(request.url);
  const page = <CheckInPage view={view} step={step} answer={link.answer} action={here.pathname + here.search} result={refused?.result} />;
  return htmlPage(page, refused?.status ?? 200);
}
