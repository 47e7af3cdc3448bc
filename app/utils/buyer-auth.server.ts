import { redirect } from "@remix-run/node";
import type { BuyerActor } from "~/models/actor.server";
import { prisma } from "./db.server";
import { findSession } from "./session.server";

const TOUCH_EVERY_MS = 60_000;

/**
 * The buyer for this plan. No buyer session: off to the plan's entry page (the plan URL alone is
 * never access). A session whose email is not on this plan: 404, as if the plan did not exist.
 * A removed buyer: 403 on their very next request.
 */
export async function requireBuyerForPlan(request: Request, planId: string): Promise<BuyerActor> {
  const session = await findSession(request, "BUYER");
  if (!session?.buyerEmail) throw redirect(`/p/${planId}/join`);
  const participant = await prisma.participant.findFirst({
    where: { planId, email: session.buyerEmail, side: "BUYER", organizationId: session.organizationId },
    include: { plan: { select: { dealId: true, status: true, organization: { select: { timezone: true } } } } },
  });
  if (!participant || participant.plan.status === "DRAFT") throw new Response("Not found", { status: 404 });
  if (participant.accessState === "REVOKED") {
    throw new Response("Your access to this plan was removed by the seller.", { status: 403 });
  }
  // Invited but not yet in through this plan's own link or code: becoming active is a POST there.
  if (participant.accessState !== "ACTIVE") throw redirect(`/p/${planId}/join`);
  const now = new Date();
  if (!participant.lastSeenAt || now.getTime() - participant.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.participant.update({ where: { id: participant.id }, data: { lastSeenAt: now } });
  }
  return {
    kind: "BUYER",
    participantId: participant.id,
    planId,
    dealId: participant.plan.dealId,
    organizationId: participant.organizationId,
    email: participant.email,
    name: participant.name,
    timezone: participant.plan.organization.timezone,
  };
}
