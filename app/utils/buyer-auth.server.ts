import { redirect } from "@remix-run/node";
import { isValidTimeZone } from "~/domain/dates";
import type { BuyerActor } from "~/models/actor.server";
import { TIMEZONE_COOKIE } from "~/scripts/timezone-cookie";
import { prisma } from "./db.server";
import { storedDate } from "./stored-date";
import { keepSessionAlive, sessionTokenHash } from "./session.server";
import type { ActivityAction } from "~/models/activity.types";

const TOUCH_EVERY_MS = 60_000;

interface BuyerSessionRow {
  sessionId: string;
  kind: string;
  expiresAt: Date | string;
  sessionSeenAt: Date | string;
  buyerEmail: string | null;
  participantId: string | null;
  organizationId: string;
  email: string;
  name: string;
  accessState: string;
  lastSeenAt: Date | string | null;
  buyerTimezone: string | null;
  lastViewAt: Date | string | null;
  dealId: string;
  planStatus: string | null;
  planVersion: number | null;
  latestActivityId: string | null;
  timezone: string;
  organizationVersion: number | null;
}

/**
 * The session behind the cookie, this plan's buyer with that session's email, and what tells
 * whether the page changed (the plan's and the organization's versions and the deal's latest
 * history row), and the buyer's last recorded page view (whether the next one starts a visit), in
 * one read: every buyer page view, poll and action starts here, and an unchanged poll needs
 * nothing more.
 */
// An internal note changes nothing a buyer sees: its history row must not even move their page's tag.
const NOTE_ADDED: ActivityAction = "note.added";

async function readBuyerSession(planId: string, tokenHash: string) {
  const rows = await prisma.$queryRaw<BuyerSessionRow[]>`
    SELECT s."id" AS "sessionId", s."kind", s."expiresAt", s."lastSeenAt" AS "sessionSeenAt", s."buyerEmail",
           p."id" AS "participantId", p."organizationId", p."email", p."name", p."accessState", p."lastSeenAt",
           p."timezone" AS "buyerTimezone",
           plan."dealId", plan."status" AS "planStatus", plan."version" AS "planVersion", o."timezone",
           o."version" AS "organizationVersion",
           (SELECT a."id" FROM "Activity" a WHERE a."dealId" = plan."dealId" AND a."action" <> ${NOTE_ADDED}
            ORDER BY a."at" DESC, a."id" DESC LIMIT 1) AS "latestActivityId",
           (SELECT v."lastViewAt" FROM "BuyerVisitDay" v WHERE v."participantId" = p."id" ORDER BY v."day" DESC LIMIT 1) AS "lastViewAt"
    FROM "Session" s
    LEFT JOIN "Participant" p ON p."planId" = ${planId} AND p."email" = s."buyerEmail" AND p."side" = 'BUYER' AND p."organizationId" = s."organizationId"
    LEFT JOIN "Plan" plan ON plan."id" = p."planId" AND plan."organizationId" = p."organizationId"
    LEFT JOIN "Organization" o ON o."id" = plan."organizationId"
    WHERE s."tokenHash" = ${tokenHash}`;
  return rows[0];
}

/** The buyer, and a tag that changes whenever anything the buyer's page shows may have changed. */
export interface BuyerVisit {
  buyer: BuyerActor;
  changeTag: string;
  /** The buyer's last recorded page view of this plan, if any (app/models/buyer-engagement.server.ts). */
  lastViewAt: Date | null;
}

const TIMEZONE_PATTERN = new RegExp(`(?:^|;\\s*)${TIMEZONE_COOKIE}=([^;]{1,100})`);

/** The IANA timezone the buyer page's script reported, if it is one; anything else is ignored. */
export function reportedTimeZone(request: Request): string | null {
  const match = TIMEZONE_PATTERN.exec(request.headers.get("Cookie") ?? "");
  if (!match) return null;
  let zone: string;
  try {
    zone = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  if (zone.length > 64 || !isValidTimeZone(zone)) return null;
  // Stored as its canonical name ("utc" is kept as "UTC").
  return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
}

/**
 * The buyer for this plan. No buyer session: off to the plan's entry page (the plan URL alone is
 * never access). A session whose email is not on this plan: 404, as if the plan did not exist.
 * A removed buyer: 403 on their very next request.
 */
export async function requireBuyerVisit(request: Request, planId: string): Promise<BuyerVisit> {
  const tokenHash = await sessionTokenHash(request, "BUYER");
  const row = tokenHash ? await readBuyerSession(planId, tokenHash) : undefined;
  const session = row && row.kind === "BUYER" && row.buyerEmail ? { id: row.sessionId, expiresAt: row.expiresAt, lastSeenAt: row.sessionSeenAt } : null;
  if (!row || !session || !(await keepSessionAlive(session))) throw redirect(`/p/${planId}/join`);
  if (!row.participantId || !row.planStatus || row.planStatus === "DRAFT") throw new Response("Not found", { status: 404 });
  if (row.accessState === "REVOKED") {
    throw new Response("Your access to this plan was removed by the seller.", { status: 403 });
  }
  // Invited but not yet in through this plan's own link or code: becoming active is a POST there.
  if (row.accessState !== "ACTIVE") throw redirect(`/p/${planId}/join`);
  await touchParticipant(request, row.participantId, row);
  const buyer: BuyerActor = {
    kind: "BUYER",
    participantId: row.participantId,
    planId,
    dealId: row.dealId,
    organizationId: row.organizationId,
    email: row.email,
    name: row.name,
    timezone: row.timezone,
  };
  // The organization's version moves with its name and branding, which the page shows too.
  return {
    buyer,
    changeTag: `${Number(row.planVersion)}.${Number(row.organizationVersion)}.${row.latestActivityId ?? "-"}`,
    lastViewAt: storedDate(row.lastViewAt),
  };
}

/**
 * Last seen, at most once a minute. The timezone the buyer's browser reported rides on that same
 * write when it differs from the stored one, so it never costs a write of its own.
 */
async function touchParticipant(request: Request, participantId: string, row: Pick<BuyerSessionRow, "lastSeenAt" | "buyerTimezone">) {
  const now = new Date();
  const lastSeenAt = storedDate(row.lastSeenAt);
  if (lastSeenAt && now.getTime() - lastSeenAt.getTime() <= TOUCH_EVERY_MS) return;
  const zone = reportedTimeZone(request);
  const timezone = zone && zone !== row.buyerTimezone ? { timezone: zone } : {};
  await prisma.participant.updateMany({ where: { id: participantId }, data: { lastSeenAt: now, ...timezone } });
}

export async function requireBuyerForPlan(request: Request, planId: string): Promise<BuyerActor> {
  return (await requireBuyerVisit(request, planId)).buyer;
}
