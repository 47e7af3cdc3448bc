// Private calendar (ICS) addresses: a plan's steps, made from its deal page, and a seller's own
// steps, made under Settings. The address carries a random token; only its SHA-256 hash is
// stored, so the address is shown once, when it is made. Revoking ends it at once. What a feed
// answers is in app/models/calendar-read.server.ts; the rules in docs/notifications.md, "Calendars".
import { hashSecret, randomToken } from "~/utils/crypto.server";
import { prisma } from "~/utils/db.server";
import { NotFoundError } from "~/utils/http.server";
import { visiblePlansWhere, type SellerActor } from "./actor.server";

export type FeedScope = "PLAN" | "PERSON";

/** A live feed as its page lists it: never its address, which exists only in the token. */
export interface FeedListing {
  id: string;
  createdAt: Date;
  lastFetchedAt: Date | null;
  createdBy: string;
}

const LISTING = { id: true, createdAt: true, lastFetchedAt: true, user: { select: { name: true } } } as const;

function toListing(row: { id: string; createdAt: Date; lastFetchedAt: Date | null; user: { name: string } | null }): FeedListing {
  return { id: row.id, createdAt: row.createdAt, lastFetchedAt: row.lastFetchedAt, createdBy: row.user?.name ?? "" };
}

/** The address a token opens. */
export function feedUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/calendar/${token}.ics`;
}

async function visiblePlanId(actor: SellerActor, dealId: string): Promise<string> {
  const plan = await prisma.plan.findFirst({ where: { ...visiblePlansWhere(actor), dealId }, select: { id: true } });
  if (!plan) throw new NotFoundError();
  return plan.id;
}

async function createFeed(actor: SellerActor, scope: FeedScope, planId: string | null): Promise<string> {
  const token = randomToken();
  await prisma.calendarFeed.create({
    data: { organizationId: actor.organizationId, tokenHash: hashSecret(token), scope, planId, userId: actor.userId },
  });
  return token;
}

/** A new address for the plan of a deal the seller can see; returns its token, to be shown once. */
export async function createPlanFeed(actor: SellerActor, dealId: string): Promise<string> {
  return createFeed(actor, "PLAN", await visiblePlanId(actor, dealId));
}

/** The plan's live feeds, whoever made them: anyone who can see the deal may revoke one. */
export async function listPlanFeeds(actor: SellerActor, dealId: string): Promise<FeedListing[]> {
  const planId = await visiblePlanId(actor, dealId);
  const rows = await prisma.calendarFeed.findMany({
    where: { organizationId: actor.organizationId, scope: "PLAN", planId, revokedAt: null },
    select: LISTING,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toListing);
}

export async function revokePlanFeed(actor: SellerActor, dealId: string, feedId: string): Promise<void> {
  const planId = await visiblePlanId(actor, dealId);
  await revoke({ id: feedId, organizationId: actor.organizationId, scope: "PLAN", planId });
}

/** A new address for the seller's own steps; returns its token, to be shown once. */
export async function createPersonFeed(actor: SellerActor): Promise<string> {
  return createFeed(actor, "PERSON", null);
}

export async function listPersonFeeds(actor: SellerActor): Promise<FeedListing[]> {
  const rows = await prisma.calendarFeed.findMany({
    where: { organizationId: actor.organizationId, scope: "PERSON", userId: actor.userId, revokedAt: null },
    select: LISTING,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toListing);
}

/** Only its owner revokes a person's feed (a deactivated owner's feeds stop by themselves). */
export async function revokePersonFeed(actor: SellerActor, feedId: string): Promise<void> {
  await revoke({ id: feedId, organizationId: actor.organizationId, scope: "PERSON", userId: actor.userId });
}

/** Revoking twice (a second press, another tab) is no error: the feed is revoked either way. */
async function revoke(where: { id: string; organizationId: string; scope: FeedScope; planId?: string; userId?: string }) {
  const feed = await prisma.calendarFeed.findFirst({ where, select: { id: true } });
  if (!feed) throw new NotFoundError();
  await prisma.calendarFeed.updateMany({ where: { id: feed.id, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** A deleted deal's plan feeds go with it (they carry no foreign key to the plan). */
export function forgetPlanFeeds(planId: string) {
  return prisma.calendarFeed.deleteMany({ where: { planId } });
}
