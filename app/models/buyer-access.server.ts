// Who gets into a plan once they proved their email (scanner-safe links and codes, like seller
// sign-in): invited buyers, people a forwarded link reached, and the rep's answer to their request.
import { createElement } from "react";
import NoticeEmail from "../../emails/notice";
import { prisma, type Tx } from "~/utils/db.server";
import { domainOf, listsDomainOf } from "~/domain/email-domains";
import { NotFoundError } from "~/utils/http.server";
import { queueEmail, renderEmail } from "~/utils/email.server";
import { stopLink } from "~/utils/unsubscribe.server";
import { visiblePlansWhere, type SellerActor } from "./actor.server";
import { recordActivity, sellerActivityActor, type ActivityActor } from "./activity.server";
import { planForAccess, sendPlanAccess, type AccessPlan } from "./buyer-invitation.server";

// Sending lives in buyer-invitation.server.ts; these stay importable from here.
export { inviteBuyers, inviteNewBuyer, joinUrl, requestBuyerCode } from "./buyer-invitation.server";

async function noticeToOwner(tx: Tx, plan: AccessPlan, heading: string, lines: string[], baseUrl: string, key: string) {
  const rendered = await renderEmail(
    heading,
    createElement(NoticeEmail, {
      heading,
      lines,
      action: { label: "Open the deal", href: `${baseUrl}/deals/${plan.dealId}` },
      footer: "You get this email because you own this deal in Mutual.",
      stopHref: stopLink(baseUrl, plan.deal.owner.email, "REP_NOTICE"),
    }),
  );
  await queueEmail(tx, {
    ...rendered,
    kind: "REP_NOTICE",
    to: plan.deal.owner.email,
    organizationId: plan.organizationId,
    containsSecret: false,
    idempotencyKey: key,
  });
}

export type Admission =
  | { outcome: "SIGNED_IN"; organizationId: string; email: string; participantId: string }
  | { outcome: "REQUESTED" }
  | { outcome: "REVOKED" }
  | { outcome: "DECLINED" }
  | { outcome: "NOT_FOUND" };

export function domainAllowed(allowedDomains: string, email: string) {
  return listsDomainOf(allowedDomains, email);
}

/**
 * Runs after someone proved they own `email` on this plan's page. A participant becomes active; a
 * newcomer from an allowed domain joins (and the rep is told); anyone else leaves a request.
 */
export async function admitVerifiedEmail(planId: string, email: string, baseUrl: string, now = new Date()): Promise<Admission> {
  return prisma.$transaction(async (tx) => {
    const plan = await planForAccess(tx, planId);
    if (!plan) return { outcome: "NOT_FOUND" };
    const existing = await tx.participant.findUnique({ where: { planId_email: { planId, email } } });
    const base = { organizationId: plan.organizationId, dealId: plan.dealId, planId, entityType: "PARTICIPANT" as const };

    if (existing) {
      if (existing.side !== "BUYER") return { outcome: "NOT_FOUND" };
      if (existing.accessState === "REVOKED") return { outcome: "REVOKED" };
      await tx.participant.update({ where: { id: existing.id }, data: { accessState: "ACTIVE", lastSeenAt: now } });
      if (existing.accessState === "INVITED") {
        const who: ActivityActor = { side: "BUYER", participantId: existing.id, name: existing.name };
        await recordActivity(tx, who, { ...base, entityId: existing.id, action: "participant.joined", after: { accessState: "ACTIVE" } });
      }
      return { outcome: "SIGNED_IN", organizationId: plan.organizationId, email, participantId: existing.id };
    }

    if (domainAllowed(plan.allowedDomains, email)) {
      const name = email.split("@")[0];
      const joined = await tx.participant.create({
        data: { organizationId: plan.organizationId, planId, side: "BUYER", email, name, role: "OTHER", accessState: "ACTIVE", lastSeenAt: now },
      });
      const who: ActivityActor = { side: "BUYER", participantId: joined.id, name };
      await recordActivity(tx, who, { ...base, entityId: joined.id, action: "participant.joined", after: { email, via: "allowed domain" } });
      await noticeToOwner(
        tx,
        plan,
        `${email} joined “${plan.title}”`,
        [
          `${email} opened a forwarded link and joined the plan, because ${domainOf(email)} is on its allowed domains.`,
          "You can set their name and buying role, or remove them, from the deal page.",
        ],
        baseUrl,
        `joined:${joined.id}`,
      );
      return { outcome: "SIGNED_IN", organizationId: plan.organizationId, email, participantId: joined.id };
    }

    const earlier = await tx.accessRequest.findFirst({ where: { planId, email }, orderBy: { createdAt: "desc" } });
    // Once declined, asking again does not reach the rep again; a colleague on the plan can invite them.
    if (earlier?.status === "DECLINED") return { outcome: "DECLINED" };
    if (earlier?.status !== "PENDING") {
      const request = await tx.accessRequest.create({ data: { organizationId: plan.organizationId, planId, email } });
      // Not buyer activity: a stranger asking must not reset the plan's silence (SYSTEM side).
      await recordActivity(
        tx,
        { side: "SYSTEM", name: email },
        { ...base, entityType: "PLAN", entityId: planId, action: "access.requested", after: { email }, internalOnly: true },
      );
      await noticeToOwner(
        tx,
        plan,
        `${email} asks to join “${plan.title}”`,
        [
          `${email} opened a forwarded link to the plan. ${domainOf(email)} is not on its allowed domains, so they asked for access.`,
          "Approve or decline from the deal page; they will be told either way.",
        ],
        baseUrl,
        `access-request:${request.id}`,
      );
    }
    return { outcome: "REQUESTED" };
  });
}

export async function listAccessRequests(actor: SellerActor, dealId: string) {
  return prisma.accessRequest.findMany({
    where: { status: "PENDING", organizationId: actor.organizationId, plan: { dealId, ...visiblePlansWhere(actor) } },
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, createdAt: true },
  });
}

/** The rep's answer to an access request; both outcomes are emailed to the person who asked. */
export async function decideAccessRequest(
  actor: SellerActor,
  dealId: string,
  requestId: string,
  decision: "APPROVE" | "DECLINE",
  baseUrl: string,
  now = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const request = await tx.accessRequest.findFirst({
      where: { id: requestId, organizationId: actor.organizationId, plan: { dealId, ...visiblePlansWhere(actor) } },
    });
    if (!request) throw new NotFoundError();
    if (request.status !== "PENDING") return request;
    const plan = (await planForAccess(tx, request.planId))!;
    await tx.accessRequest.update({
      where: { id: request.id },
      data: { status: decision === "APPROVE" ? "APPROVED" : "DECLINED", decidedByUserId: actor.userId, decidedAt: now },
    });
    const who = sellerActivityActor(actor);
    const base = { organizationId: plan.organizationId, dealId, planId: plan.id };
    if (decision === "APPROVE") {
      const participant = await tx.participant.upsert({
        where: { planId_email: { planId: plan.id, email: request.email } },
        create: {
          organizationId: plan.organizationId,
          planId: plan.id,
          side: "BUYER",
          email: request.email,
          name: request.email.split("@")[0],
          role: "OTHER",
          invitedAt: now,
        },
        update: { accessState: "INVITED", revokedAt: null, invitedAt: now, version: { increment: 1 } },
      });
      await sendPlanAccess(tx, plan, participant, "approved", baseUrl);
      await recordActivity(tx, who, {
        ...base,
        entityType: "PARTICIPANT",
        entityId: participant.id,
        action: "access.approved",
        after: { email: request.email },
      });
    } else {
      const rendered = await renderEmail(
        `Your request to join “${plan.title}”`,
        createElement(NoticeEmail, {
          heading: "Your request was declined",
          lines: [
            `${plan.deal.owner.name} from ${plan.organization.name} declined your request to join “${plan.title}”.`,
            "If you think this is a mistake, ask a colleague who is on the plan to contact them.",
          ],
          footer: "You get this email because you asked to join this plan.",
          stopHref: stopLink(baseUrl, request.email, "ACCESS_DECLINED"),
        }),
      );
      await queueEmail(tx, {
        ...rendered,
        kind: "ACCESS_DECLINED",
        to: request.email,
        organizationId: plan.organizationId,
        containsSecret: false,
        idempotencyKey: `declined:${request.id}`,
      });
      await recordActivity(tx, who, {
        ...base,
        entityType: "PLAN",
        entityId: plan.id,
        action: "access.declined",
        after: { email: request.email },
        internalOnly: true,
      });
    }
    return request;
  });
}
