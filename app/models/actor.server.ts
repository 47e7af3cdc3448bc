// Who is asking. Every model function takes an actor and scopes its queries with the helpers
// below, so authorization is decided here, once, and never in routes.
import { Prisma } from "~/generated/prisma/client";
import type { Role } from "~/domain/types";
import { organizationToday } from "~/domain/dates";
import { ForbiddenError } from "~/utils/http.server";

export interface SellerActor {
  kind: "SELLER";
  userId: string;
  organizationId: string;
  role: Role;
  teamId: string | null;
  name: string;
  email: string;
  timezone: string;
  fiscalYearStartMonth: number;
  /**
   * Set when an organization API token acts: it sees and edits as an admin does, but it is no
   * person, so `userId` names no user and history rows carry the token's name instead.
   */
  apiToken?: { id: string; name: string };
}

/** The user to record as having acted, or null when an API token acted (it is no user). */
export function actingUserId(actor: SellerActor): string | null {
  return actor.apiToken ? null : actor.userId;
}

/** The actor for a signed-in user; `user.organization` supplies the timezone for "today". */
export function toSellerActor(user: {
  id: string;
  organizationId: string;
  role: string;
  teamId: string | null;
  name: string;
  email: string;
  organization: { timezone: string; fiscalYearStartMonth: number };
}): SellerActor {
  return {
    kind: "SELLER",
    userId: user.id,
    organizationId: user.organizationId,
    role: user.role as Role,
    teamId: user.teamId,
    name: user.name,
    email: user.email,
    timezone: user.organization.timezone,
    fiscalYearStartMonth: user.organization.fiscalYearStartMonth,
  };
}

/**
 * Deals a seller may see and edit: a rep their own and those they were added to as a seller
 * participant; a manager also those owned by members of every team they manage (TeamManager); an
 * admin the whole organization.
 */
export function visibleDealsWhere(actor: SellerActor): Prisma.DealWhereInput {
  const organizationId = actor.organizationId;
  if (actor.role === "ADMIN") return { organizationId };
  const reachable: Prisma.DealWhereInput[] = [{ ownerId: actor.userId }, { plan: { participants: { some: { userId: actor.userId, side: "SELLER" } } } }];
  if (actor.role === "MANAGER") reachable.push({ owner: managedMembersWhere(actor) });
  return { organizationId, OR: reachable };
}

/** Members of the teams a manager manages: their deals, dashboard and deal owners. */
export function managedMembersWhere(actor: SellerActor): Prisma.UserWhereInput {
  return { team: { managers: { some: { userId: actor.userId } } } };
}

export function visiblePlansWhere(actor: SellerActor): Prisma.PlanWhereInput {
  return { organizationId: actor.organizationId, deal: visibleDealsWhere(actor) };
}

export function actorToday(actor: { timezone: string }, now = new Date()) {
  return organizationToday(actor, now);
}

/** A buyer on one plan: a participant whose email proved itself and whose access is not revoked. */
export interface BuyerActor {
  kind: "BUYER";
  participantId: string;
  planId: string;
  dealId: string;
  organizationId: string;
  email: string;
  name: string;
  timezone: string;
}

/**
 * visibleDealsWhere as a SQL condition on a deal aliased `d`, for lean raw reads (the pipeline).
 * The same rule: tests/integration/pipeline.test.ts checks both give the same deals.
 */
export function visibleDealsSql(actor: SellerActor): Prisma.Sql {
  const organization = Prisma.sql`d."organizationId" = ${actor.organizationId}`;
  if (actor.role === "ADMIN") return organization;
  const reachable = [
    Prisma.sql`d."ownerId" = ${actor.userId}`,
    Prisma.sql`EXISTS (SELECT 1 FROM "Plan" vp JOIN "Participant" vs ON vs."planId" = vp."id"
                       WHERE vp."dealId" = d."id" AND vs."userId" = ${actor.userId} AND vs."side" = 'SELLER')`,
  ];
  if (actor.role === "MANAGER") {
    reachable.push(Prisma.sql`EXISTS (SELECT 1 FROM "User" vo JOIN "TeamManager" vm ON vm."teamId" = vo."teamId"
                                      WHERE vo."id" = d."ownerId" AND vm."userId" = ${actor.userId})`);
  }
  return Prisma.sql`${organization} AND (${Prisma.join(reachable, " OR ")})`;
}

/** Administration (people, teams, invitations) is for admins: anyone else is refused, whatever page they posted from. */
export function assertAdmin(actor: SellerActor): void {
  if (actor.role !== "ADMIN") throw new ForbiddenError("Only an admin of your organization can do that.");
}
