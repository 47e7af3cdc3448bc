// The emails that let a buyer into a plan: the rep's or a colleague's invitation, the rep's
// approval of a request, a buyer's own request for a code, and a fresh link from an invitation
// that expired or was used. Invitations live the organization's buyerInvitationDays; a buyer's own
// code lives 15 minutes (docs/product.md, "Access").
import { createElement } from "react";
import PlanAccessEmail, { type PlanAccessEmailProps } from "../../emails/plan-access";
import { isHexColour } from "~/domain/contrast";
import { prisma, type Tx } from "~/utils/db.server";
import { FieldError, NotFoundError } from "~/utils/http.server";
import { queueEmail, renderEmail } from "~/utils/email.server";
import { actorToday, visiblePlansWhere, type SellerActor } from "./actor.server";
import { recordActivity, sellerActivityActor, type ActivityActor } from "./activity.server";
import { logoUrl } from "./organization-settings.server";
import { checkEmailFree } from "./participant.server";
import { issueInvitation, issueVerification, secretState, VERIFICATION_MINUTES, type VerifyFailure } from "./verification.server";

/** The plan a buyer link or code is for, with what its emails need to say. */
export async function planForAccess(tx: Tx, planId: string) {
  return tx.plan.findUnique({
    where: { id: planId },
    include: { organization: { include: { logo: { select: { updatedAt: true } } } }, deal: { include: { owner: true } } },
  });
}
export type AccessPlan = NonNullable<Awaited<ReturnType<typeof planForAccess>>>;

export function joinUrl(baseUrl: string, planId: string, token?: string) {
  return `${baseUrl}/p/${planId}/join${token ? `?token=${encodeURIComponent(token)}` : ""}`;
}

/** At least a day, at most a month: a bad setting must neither lock buyers out nor keep links alive for months. */
export function invitationDays(setting: number) {
  return Math.min(Math.max(Math.round(setting) || 1, 1), 30);
}

function lifetimeWords(days: number | null) {
  if (days === null) return `${VERIFICATION_MINUTES} minutes`;
  return days === 1 ? "1 day" : `${days} days`;
}

type AccessReason = PlanAccessEmailProps["reason"];

/**
 * The seller's accent colour and logo, for the emails that name the seller (a code asked for with
 * an address not on the plan names nobody, so it carries neither).
 */
function emailBranding(plan: AccessPlan, baseUrl: string) {
  const { accentColor, logo } = plan.organization;
  return {
    accentColor: accentColor && isHexColour(accentColor) ? accentColor : null,
    logoUrl: logo ? `${baseUrl}${logoUrl(plan.organizationId, logo.updatedAt)}` : null,
  };
}

const SUBJECTS: Record<AccessReason, (planTitle: string, inviterName: string) => string> = {
  invite: (title, inviter) => `${inviter} invited you to “${title}”`,
  renewed: (title) => `A new link to “${title}”`,
  approved: (title) => `You can now open “${title}”`,
  "sign-in": (title) => `Your code for “${title}”`,
  // Anyone with the plan's address can ask for this one, for any address: it names nothing.
  "ask-to-join": () => "Your Mutual code",
};

/**
 * Issues a link and a code for `recipient` on this plan and queues the email that carries them.
 * Everything but a buyer's own request is an invitation, with the organization's lifetime.
 */
export async function sendPlanAccess(
  tx: Tx,
  plan: AccessPlan,
  recipient: { email: string; name?: string },
  reason: AccessReason,
  baseUrl: string,
  inviterName = plan.deal.owner.name,
) {
  const scope = { target: recipient.email, organizationId: plan.organizationId, planId: plan.id };
  const ownCode = reason === "sign-in" || reason === "ask-to-join";
  const days = ownCode ? null : invitationDays(plan.organization.buyerInvitationDays);
  const secret = days === null ? await issueVerification(tx, { ...scope, type: "BUYER_SIGN_IN" }) : await issueInvitation(tx, { ...scope, days });
  const rendered = await renderEmail(
    SUBJECTS[reason](plan.title, inviterName),
    createElement(PlanAccessEmail, {
      reason,
      recipientName: recipient.name,
      planTitle: plan.title,
      inviterName,
      sellerCompany: plan.organization.name,
      code: secret.code,
      link: joinUrl(baseUrl, plan.id, secret.linkToken),
      planUrl: `${baseUrl}/p/${plan.id}`,
      expiresIn: lifetimeWords(days),
      ...(reason === "ask-to-join" ? {} : emailBranding(plan, baseUrl)),
    }),
  );
  await queueEmail(tx, {
    ...rendered,
    kind: ownCode ? "BUYER_SIGN_IN" : "BUYER_INVITE",
    to: recipient.email,
    organizationId: plan.organizationId,
    containsSecret: true,
    idempotencyKey: `plan-access:${secret.verificationId}`,
  });
}

/**
 * Invites buyer participants by email: each gets a fresh link and code (an earlier link stops
 * working). Inviting from a draft plan shares it, which freezes the original dates.
 */
export async function inviteBuyers(actor: SellerActor, dealId: string, participantIds: string[], baseUrl: string, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const scoped = await tx.plan.findFirst({ where: { dealId, ...visiblePlansWhere(actor) }, select: { id: true } });
    if (!scoped) throw new NotFoundError();
    const plan = (await planForAccess(tx, scoped.id))!;
    const participants = await tx.participant.findMany({
      where: { id: { in: participantIds }, planId: plan.id, side: "BUYER", accessState: { not: "REVOKED" } },
    });
    if (participants.length !== new Set(participantIds).size) throw new NotFoundError();
    if (participants.length === 0) throw new FieldError("participantIds", "Choose at least one buyer to invite");

    const who = sellerActivityActor(actor);
    if (plan.status === "DRAFT") {
      const sharedOn = actorToday(actor, now);
      await tx.plan.update({ where: { id: plan.id }, data: { status: "SHARED", sharedOn, sharedAt: now, version: { increment: 1 } } });
      await recordActivity(tx, who, {
        organizationId: plan.organizationId,
        dealId,
        planId: plan.id,
        entityType: "PLAN",
        entityId: plan.id,
        action: "plan.shared",
        before: { status: "DRAFT" },
        after: { status: "SHARED", sharedOn },
      });
    }
    for (const participant of participants) {
      await sendPlanAccess(tx, plan, participant, "invite", baseUrl);
      await tx.participant.update({ where: { id: participant.id }, data: { invitedAt: now } });
      await recordActivity(tx, who, {
        organizationId: plan.organizationId,
        dealId,
        planId: plan.id,
        entityType: "PARTICIPANT",
        entityId: participant.id,
        action: "participant.invited",
        after: { name: participant.name, email: participant.email },
      });
    }
    return participants.length;
  });
}

/** Adds a new buyer participant and sends their invitation (used when a buyer invites a colleague). */
export async function inviteNewBuyer(
  who: ActivityActor,
  planId: string,
  input: { name: string; email: string; title: string; role: string },
  baseUrl: string,
  now = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const plan = (await planForAccess(tx, planId))!;
    await checkEmailFree(tx, planId, input.email);
    const participant = await tx.participant.create({
      data: { ...input, organizationId: plan.organizationId, planId, side: "BUYER", accessState: "INVITED", invitedAt: now },
    });
    await sendPlanAccess(tx, plan, participant, "invite", baseUrl, who.name);
    await recordActivity(tx, who, {
      organizationId: plan.organizationId,
      dealId: plan.dealId,
      planId,
      entityType: "PARTICIPANT",
      entityId: participant.id,
      action: "participant.invited",
      after: { name: participant.name, email: participant.email, role: participant.role },
    });
    return participant;
  });
}

/**
 * Whether this plan may send `email` a way in: not for a draft, a removed buyer, or a seller's
 * address. `participant` is the buyer on the plan with that address, if there is one.
 */
async function mayReceive(tx: Tx, plan: AccessPlan | null, email: string) {
  const participant = plan ? await tx.participant.findUnique({ where: { planId_email: { planId: plan.id, email } } }) : null;
  const refused: Exclude<Renewal, "SENT"> | null =
    !plan || plan.status === "DRAFT" || participant?.side === "SELLER" ? "NOT_FOUND" : participant?.accessState === "REVOKED" ? "REVOKED" : null;
  return { refused, participant };
}

/** A buyer's own code: it names the plan and the seller only to a buyer already on the plan. */
function ownCodeReason(participant: unknown): AccessReason {
  return participant ? "sign-in" : "ask-to-join";
}

/**
 * Emails a code and link to whoever asks on the plan's page. Nothing tells the asker whether the
 * plan exists or the email is on it; a removed buyer gets nothing.
 */
export async function requestBuyerCode(planId: string, email: string, baseUrl: string) {
  const target = email.toLowerCase();
  await prisma.$transaction(async (tx) => {
    const plan = await planForAccess(tx, planId);
    const { refused, participant } = await mayReceive(tx, plan, target);
    if (refused || !plan) {
      // A code nobody receives, so a typed guess is answered as it would be for a real plan.
      await issueVerification(tx, { type: "BUYER_SIGN_IN", target, planId });
      return;
    }
    await sendPlanAccess(tx, plan, { email: target }, ownCodeReason(participant), baseUrl);
  });
}

/** What a buyer link's page may say. The email that carried the link said all of it already. */
export interface BuyerLinkView {
  state: "OPEN" | VerifyFailure;
  invitation: boolean;
  /** Whom the link is for: the participant's name, or the address that asked. */
  forName: string;
  /** Null for an address that is not on the plan: its email named neither the plan nor the seller. */
  planTitle: string | null;
  vendor: string | null;
}

export async function describeBuyerLink(link: BuyerLinkRow, now = new Date()): Promise<BuyerLinkView | null> {
  const plan = await prisma.plan.findUnique({
    where: { id: link.planId ?? "" },
    select: { title: true, status: true, organization: { select: { name: true } } },
  });
  if (!plan || plan.status === "DRAFT") return null;
  const participant = await prisma.participant.findUnique({ where: { planId_email: { planId: link.planId ?? "", email: link.target } } });
  const onPlan = participant?.side === "BUYER";
  return {
    state: secretState(link, now),
    invitation: link.type === "BUYER_INVITE",
    forName: onPlan ? participant.name : link.target,
    planTitle: onPlan ? plan.title : null,
    vendor: onPlan ? plan.organization.name : null,
  };
}

interface BuyerLinkRow {
  type: string;
  target: string;
  planId: string | null;
  usedAt: Date | null;
  expiresAt: Date;
  attempts: number;
}

export type Renewal = "SENT" | "REVOKED" | "NOT_FOUND";

/**
 * One press on an old link's page: a fresh link and code go to the address the old one went to,
 * never anywhere else. An invitation is renewed as an invitation; a buyer's own link as a code.
 */
export async function renewBuyerLink(link: BuyerLinkRow, baseUrl: string): Promise<Renewal> {
  return prisma.$transaction(async (tx) => {
    const plan = await planForAccess(tx, link.planId ?? "");
    const { refused, participant } = await mayReceive(tx, plan, link.target);
    if (refused || !plan) return refused ?? "NOT_FOUND";
    if (link.type !== "BUYER_INVITE") {
      await sendPlanAccess(tx, plan, { email: link.target }, ownCodeReason(participant), baseUrl);
      return "SENT";
    }
    // An invitation belongs to a participant; if the rep changed the address since, it is gone.
    if (!participant) return "NOT_FOUND";
    await sendPlanAccess(tx, plan, participant, "renewed", baseUrl);
    return "SENT";
  });
}
