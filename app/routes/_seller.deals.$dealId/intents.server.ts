// What the deal page's intents share, and those that email someone (a mention, an invitation, an
// access decision) or read the stakeholder map. Post/Redirect/Get, as everywhere on the page.
import type { z } from "zod";
import { InternalNoteSchema, SellerCommentSchema } from "~/forms/discussion";
import { DecideAccessSchema, InviteBuyersSchema } from "~/forms/participant";
import { StakeholderRoleSchema } from "~/forms/stakeholders";
import type { SellerActor } from "~/models/actor.server";
import { decideAccessRequest, inviteBuyers } from "~/models/buyer-access.server";
import { addInternalNote } from "~/models/internal-note.server";
import { addSellerComment } from "~/models/seller-comment.server";
import { saveStakeholderRole } from "~/models/stakeholders.server";
import { kickOutbox } from "~/utils/email.server";
import { appUrl } from "~/utils/env.server";
import { runIntent, unknownIntent, type Saved } from "~/utils/intent.server";
import { enforceLimits, sellerEmailing } from "~/utils/rate-limit.server";

/** One submission to the deal page: its intent, the id of the form it came from, and how to run it. */
export function dealIntent(form: FormData, dealId: string) {
  const intent = String(form.get("intent") ?? "");
  return {
    intent,
    /** The form's id where the page has one form per row: the intent and the row's id. */
    id: (name: string) => `${intent}:${form.get(name) ?? ""}`,
    run: <Schema extends z.ZodType>(schema: Schema, formId: string, work: (value: z.output<Schema>) => Promise<Saved>, changes?: () => Promise<unknown>) =>
      runIntent(form, schema, formId, `/deals/${dealId}`, work, changes),
  };
}

/** Where the page shows a save: the changed element's anchor, and what to say there. */
export function at(anchor: string, message = "Saved"): Saved {
  return { anchor, message };
}

/** The buyer's own recorded acts (product.md): a seller posting one gets 403 and nothing changes. */
export const BUYER_ONLY_INTENTS = new Set(["confirm", "accept-plan"]);

export const EMAILING_INTENTS = new Set(["comment-step", "add-note", "invite-buyers", "decide-access"]);

export async function emailingAction(request: Request, form: FormData, seller: SellerActor, dealId: string) {
  const { intent, id, run } = dealIntent(form, dealId);
  switch (intent) {
    case "comment-step":
      await mentionsAreEmails(form, seller);
      return sendingEmail(
        run(SellerCommentSchema, id("milestoneId"), (v) =>
          addSellerComment(seller, dealId, v, appUrl(request)).then(() => at(`milestone-${v.milestoneId}`, "Comment sent")),
        ),
      );
    case "add-note":
      await mentionsAreEmails(form, seller);
      return sendingEmail(
        run(InternalNoteSchema, id("milestoneId"), (v) =>
          addInternalNote(seller, dealId, v, appUrl(request)).then(() => at(v.milestoneId ? `milestone-${v.milestoneId}` : "deal-notes", "Note saved")),
        ),
      );
    case "invite-buyers":
      await enforceLimits(sellerEmailing(seller));
      return sendingEmail(
        run(InviteBuyersSchema, intent, (v) =>
          inviteBuyers(seller, dealId, v.participantIds, appUrl(request)).then(() => at("invite-buyers", "Invitations sent.")),
        ),
      );
    case "decide-access":
      await enforceLimits(sellerEmailing(seller));
      return sendingEmail(
        run(DecideAccessSchema, id("requestId"), (v) =>
          decideAccessRequest(seller, dealId, v.requestId, v.decision, appUrl(request)).then(() =>
            at("people", v.decision === "APPROVE" ? "Approved: an invitation is on its way." : "Request declined."),
          ),
        ),
      );
    default:
      throw unknownIntent();
  }
}

/** The rep's reading of one buying role on the stakeholder map. */
export function stakeholderAction(form: FormData, seller: SellerActor, dealId: string) {
  const { id, run } = dealIntent(form, dealId);
  return run(StakeholderRoleSchema, id("role"), (v) => saveStakeholderRole(seller, dealId, v).then(() => at(`stakeholder-${v.role}`)));
}

/** A comment or note that names someone with @ emails them: it counts against the seller's emailing. */
async function mentionsAreEmails(form: FormData, seller: SellerActor) {
  if (String(form.get("body") ?? "").includes("@")) await enforceLimits(sellerEmailing(seller));
}

/** Starts delivering the emails an intent queued, once its transaction has committed. */
async function sendingEmail<T>(response: Promise<T>): Promise<T> {
  const result = await response;
  kickOutbox();
  return result;
}
