/** @jsxImportSource ~/html */
// The buyer's plan page. A resource route: its loader and action answer with the whole page as
// HTML from the HTML runtime, never through React or Remix's document pipeline, because this is
// the page buyers open from email on their phones (docs/decisions/0005-buyer-page-as-html.md).
// Only what getBuyerPlan selects ever reaches the browser.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { BuyerErrorPage, BuyerPlanPage } from "~/components/buyer-plan/page";
import {
  BuyerAcceptSchema,
  BuyerAddMilestoneSchema,
  BuyerAssignSchema,
  BuyerCommentSchema,
  BuyerInviteSchema,
  BuyerMilestoneActionSchema,
  BuyerRedateSchema,
} from "~/forms/buyer";
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
  getBuyerPlan,
} from "~/models/buyer-plan.server";
import { htmlDocument, type Html } from "~/html/jsx-runtime";
import { requireBuyerForPlan } from "~/utils/buyer-auth.server";
import { kickOutbox } from "~/utils/email.server";
import { appUrl } from "~/utils/env.server";
import { intentOutcome, type IntentOutcome } from "~/utils/intent.server";
import { endSession } from "~/utils/session.server";
import { applySecurityHeaders } from "~/utils/security-headers.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const planId = params.planId ?? "";
  return answerWithPage(request, planId, async (buyer) => renderPlan(request, buyer));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const planId = params.planId ?? "";
  return answerWithPage(request, planId, async (buyer) => {
    const outcome = await runBuyerIntent(request, buyer);
    if (outcome instanceof Response) return outcome;
    return renderPlan(request, buyer, outcome);
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
]);

async function runBuyerIntent(request: Request, buyer: BuyerActor): Promise<IntentOutcome | Response> {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const id = `${intent}:${form.get("milestoneId") ?? ""}`;
  switch (intent) {
    case "add-milestone":
      return intentOutcome(form, BuyerAddMilestoneSchema, intent, (v) => buyerAddMilestone(buyer, v));
    case "redate":
      return intentOutcome(form, BuyerRedateSchema, id, (v) => buyerRedate(buyer, v));
    case "assign-owner":
      return intentOutcome(form, BuyerAssignSchema, id, (v) => buyerAssignOwner(buyer, v));
    case "mark-done":
      return intentOutcome(form, BuyerMilestoneActionSchema, id, (v) => buyerMarkDone(buyer, v));
    case "confirm":
      return intentOutcome(form, BuyerMilestoneActionSchema, id, (v) => buyerConfirm(buyer, v));
    case "comment":
      return intentOutcome(form, BuyerCommentSchema, id, (v) => buyerComment(buyer, v));
    case "accept-plan":
      return intentOutcome(form, BuyerAcceptSchema, intent, (v) => buyerAcceptPlan(buyer, v.version));
    case "invite-colleague": {
      const outcome = await intentOutcome(form, BuyerInviteSchema, intent, (v) => buyerInviteColleague(buyer, v, appUrl(request)));
      kickOutbox();
      return outcome;
    }
    case "sign-out":
      return endSession(request, `/p/${buyer.planId}/join`, "BUYER");
    default:
      if (SELLER_ONLY_INTENTS.has(intent)) throw new Response("Only the seller can do that.", { status: 403 });
      throw new Response("Unknown action", { status: 400 });
  }
}

/** The page as it is now, with the answer to the form just posted (a 400 or 409 keeps its status). */
async function renderPlan(request: Request, buyer: BuyerActor, outcome?: IntentOutcome) {
  const view = await getBuyerPlan(buyer);
  const query = new URL(request.url).searchParams;
  const page = <BuyerPlanPage view={view} byStage={query.get("view") === "stage"} changing={query.get("change")} answer={outcome?.result} />;
  return html(page, outcome?.status ?? 200);
}

function html(page: Html, status: number) {
  // Bytes, not a string: a string body is re-scanned as a USV string before it is encoded.
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" });
  applySecurityHeaders(headers);
  return new Response(Buffer.from(htmlDocument(page)), { status, headers });
}

/**
 * Runs `work` for the signed-in buyer of this plan. Redirects pass through (to the plan's entry
 * page when there is no buyer session); refusals become an HTML error page with their status;
 * anything unexpected is logged and shown as a plain 500 page, never a stack trace.
 */
async function answerWithPage(request: Request, planId: string, work: (buyer: BuyerActor) => Promise<Response>) {
  try {
    return await work(await requireBuyerForPlan(request, planId));
  } catch (error) {
    if (error instanceof Response && error.status >= 300 && error.status < 400) return error;
    if (error instanceof Response) return html(<BuyerErrorPage planId={planId} status={error.status} message={await error.text()} />, error.status);
    console.error(error);
    return html(<BuyerErrorPage planId={planId} status={500} />, 500);
  }
}
