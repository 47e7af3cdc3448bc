// The buyer's plan page. A resource route: its loader and action answer with the whole page as
// HTML rendered by React on the server (react-dom/server, never hydrated), not through Remix's
// document pipeline, because this is the page buyers open from email on their phones
// (docs/decisions/0008-buyer-page-one-stack.md). Only what getBuyerPlan selects reaches the browser.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { BuyerPlanPage, PAGE_ASSETS } from "~/components/buyer-plan/page";
import {
  BuyerAcceptSchema,
  BuyerAddMilestoneSchema,
  BuyerAssignSchema,
  BuyerCommentSchema,
  BuyerInviteSchema,
  BuyerMilestoneActionSchema,
  BuyerRedateSchema,
} from "~/forms/buyer";
import type { IntentResult } from "~/forms/intent";
import type { BuyerActor } from "~/models/actor.server";
import {
  buyerAcceptPlan,
  buyerAddMilestone,
  buyerAssignOwner,
  buyerComment,
  buyerConfirm,
  buyerInviteColleague,
  buyerMarkDone,
  buyerRedate,
} from "~/models/buyer-plan.server";
import { getBuyerPlan } from "~/models/buyer-plan-read.server";
import type { BuyerVisit } from "~/utils/buyer-auth.server";
import { answerWithPage, clearSavedNotice, htmlPage, pageValidator, savedFormOf, savedRedirect } from "~/utils/buyer-page-http.server";
import { notModified } from "~/utils/http.server";
import { kickOutbox } from "~/utils/email.server";
import { appUrl } from "~/utils/env.server";
import { intentOutcome, type IntentOutcome } from "~/utils/intent.server";
import { endSession } from "~/utils/session.server";
import { clientIp } from "~/utils/rate-limit.server";
import { readForm } from "~/utils/form-data.server";

/**
 * The page. The script on it asks again every few seconds with the validator it was given; while
 * nothing the page shows has changed, that costs one small read and a 304 with no body.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const planId = params.planId ?? "";
  return answerWithPage(request, planId, context, async (visit) => {
    const saved = savedFormOf(request);
    // A page with a "Saved" note is shown once: it gets no validator, so it is never revalidated into.
    const validator = saved ? undefined : pageValidator(visit, PAGE_ASSETS);
    if (validator && notModified(request, validator)) return htmlPage(null, 304, validator);
    const response = await renderPlan(request, visit, { saved, changeTag: validator });
    if (saved) response.headers.append("Set-Cookie", clearSavedNotice(planId));
    return response;
  });
}

/** A saved form answers 303 to the page at what it changed (Post/Redirect/Get); a refused one, the page with the form's errors. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? "";
  return answerWithPage(request, planId, context, async (visit) => {
    const outcome = await runBuyerIntent(request, visit.buyer, clientIp(context));
    if (outcome instanceof Response) return outcome;
    if (outcome.status === 200) return savedRedirect(request, planId, outcome.result.formId);
    return renderPlan(request, visit, { answer: outcome.result, status: outcome.status });
  });
}

/** What only the seller may do. A buyer posting one gets 403 and nothing changes. */
const SELLER_ONLY_INTENTS = new Set([
  "update-deal",
  "create-plan",
  "update-plan",
  "share-plan",
  "update-milestone",
  "move-milestone",
  "delete-milestone",
  "add-participant",
  "update-participant",
  "revoke-participant",
  "invite-buyers",
  "decide-access",
  "comment-step",
  "add-note",
]);

async function runBuyerIntent(request: Request, buyer: BuyerActor, ip: string): Promise<IntentOutcome | Response> {
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const id = `${intent}:${form.get("milestoneId") ?? ""}`;
  switch (intent) {
    case "add-milestone":
      return intentOutcome(form, BuyerAddMilestoneSchema, intent, (v) => buyerAddMilestone(buyer, v, appUrl(request)));
    case "redate":
      return intentOutcome(form, BuyerRedateSchema, id, (v) => buyerRedate(buyer, v));
    case "assign-owner":
      return intentOutcome(form, BuyerAssignSchema, id, (v) => buyerAssignOwner(buyer, v, appUrl(request)));
    case "mark-done":
      return intentOutcome(form, BuyerMilestoneActionSchema, id, (v) => buyerMarkDone(buyer, v));
    case "confirm":
      return intentOutcome(form, BuyerMilestoneActionSchema, id, (v) => buyerConfirm(buyer, v));
    case "comment":
      return intentOutcome(form, BuyerCommentSchema, id, (v) => buyerComment(buyer, v));
    case "accept-plan":
      return intentOutcome(form, BuyerAcceptSchema, intent, (v) => buyerAcceptPlan(buyer, v.version, new Date(), appUrl(request)));
    case "invite-colleague": {
      const outcome = await intentOutcome(form, BuyerInviteSchema, intent, (v) => buyerInviteColleague(buyer, v, appUrl(request)));
      kickOutbox();
      return outcome;
    }
    case "sign-out":
      return endSession(request, `/p/${buyer.planId}/join`, "BUYER", { ip, participantId: buyer.participantId, planId: buyer.planId });
    default:
      if (SELLER_ONLY_INTENTS.has(intent)) throw new Response("Only the seller can do that.", { status: 403 });
      throw new Response("Unknown action", { status: 400 });
  }
}

/** The page as it is now, with the answer to a refused form (its 400 or 409 kept). */
async function renderPlan(request: Request, visit: BuyerVisit, shown: { answer?: IntentResult; status?: number; saved?: string | null; changeTag?: string }) {
  const view = await getBuyerPlan(visit.buyer);
  const query = new URL(request.url).searchParams;
  const page = (
    <BuyerPlanPage
      view={view}
      byStage={query.get("view") === "stage"}
      changing={query.get("change")}
      answer={shown.answer}
      saved={shown.saved ?? null}
      changeTag={shown.changeTag}
    />
  );
  return htmlPage(page, shown.status ?? 200, shown.changeTag);
}
