import { redirect } from "@remix-run/node";
import type { BuyerActor } from "~/models/actor.server";
import { prisma } from "./db.server";
import { readOne, storedDate } from "./db-read.server";
import { keepSessionAlive, sessionTokenHash } from "./session.server";

const TOUCH_EVERY_MS = 60_000;

// The session behind the cookie, and this plan's buyer with that session's email, in one prepared
// read: every buyer page view and action starts here (app/utils/db-read.server.ts says why SQL).
const BUYER_SESSION_SQL = `
  SELECT s.id AS sessionId, s.kind, s.expiresAt, s.lastSeenAt AS sessionSeenAt, s.buyerEmail,
         p.id AS participantId, p.organizationId, p.email, p.name, p.accessState, p.lastSeenAt,
         plan.dealId, plan.status AS planStatus, o.timezone
  FROM Session s
  LEFT JOIN Participant p ON p.planId = ? AND p.email = s.buyerEmail AND p.side = 'BUYER' AND p.organizationId = s.organizationId
  LEFT JOIN Plan plan ON plan.id = p.planId AND plan.organizationId = p.organizationId
  LEFT JOIN Organization o ON o.id = plan.organizationId
  WHERE s.tokenHash = ?`;

interface BuyerSessionRow {
  sessionId: string;
  kind: string;
  expiresAt: string;
  sessionSeenAt: string;
  buyerEmail: string | null;
  participantId: string | null;
  organizationId: string;
  email: string;
  name: string;
  accessState: string;
  lastSeenAt: string | null;
  dealId: string;
  planStatus: string | null;
  timezone: string;
}

/**
 * The buyer for this plan. No buyer session: off to the plan's entry page (the plan URL alone is
 * never access). A session whose email is not on this plan: 404, as if the plan did not exist.
 * A removed buyer: 403 on their very next request.
 */
export async function requireBuyerForPlan(request: Request, planId: string): Promise<BuyerActor> {
  const tokenHash = await sessionTokenHash(request, "BUYER");
  const row = tokenHash ? readOne<BuyerSessionRow>(BUYER_SESSION_SQL, planId, tokenHash) : undefined;
  const session = row && row.kind === "BUYER" && row.buyerEmail ? { id: row.sessionId, expiresAt: storedDate(row.expiresAt), lastSeenAt: storedDate(row.sessionSeenAt) } : null;
  if (!row || !session || !(await keepSessionAlive(session))) throw redirect(`/p/${planId}/join`);
  if (!row.participantId || !row.planStatus || row.planStatus === "DRAFT") throw new Response("Not found", { status: 404 });
  if (row.accessState === "REVOKED") {
    throw new Response("Your access to this plan was removed by the seller.", { status: 403 });
  }
  // Invited but not yet in through this plan's own link or code: becoming active is a POST there.
  if (row.accessState !== "ACTIVE") throw redirect(`/p/${planId}/join`);
  const now = new Date();
  const lastSeenAt = storedDate(row.lastSeenAt);
  if (!lastSeenAt || now.getTime() - lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.participant.update({ where: { id: row.participantId }, data: { lastSeenAt: now } });
  }
  return {
    kind: "BUYER",
    participantId: row.participantId,
    planId,
    dealId: row.dealId,
    organizationId: row.organizationId,
    email: row.email,
    name: row.name,
    timezone: row.timezone,
  };
}
