// An organization's sellers as its admins manage them: role and team, deactivation (which ends
// every session of the person at once) and handing a person's open deals to someone else. Every
// act writes its audit row in the same transaction. An organization always keeps an active admin.
import type { ChangeSellerInput } from "~/forms/people";
import { ROLE_WORDS } from "~/forms/people";
import type { Role } from "~/domain/types";
import { prisma, type Tx } from "~/utils/db.server";
import { FieldError, NotFoundError, VersionConflictError } from "~/utils/http.server";
import { assertAdmin, type SellerActor } from "./actor.server";
import { recordAuditEvent } from "./audit.server";
import { recordActivity, sellerActivityActor } from "./activity.server";
import { refreshDealSignals } from "./signals.server";
import { teamOfOrganization, withdrawInvitationsSentBy } from "./seller-invitation.server";

const LAST_ADMIN = "Your organization needs an active admin: make someone else an admin first.";

/** The people page: every seller, the pending invitations, and the teams to choose from. */
export async function listPeople(actor: SellerActor, now = new Date()) {
  assertAdmin(actor);
  const organizationId = actor.organizationId;
  const [sellers, invitations, teams, openDeals] = await Promise.all([
    prisma.user.findMany({
      where: { organizationId },
      select: { id: true, name: true, email: true, title: true, role: true, teamId: true, deactivatedAt: true, version: true },
      orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    }),
    prisma.sellerInvitation.findMany({
      where: { organizationId, acceptedAt: null, revokedAt: null },
      select: { id: true, email: true, role: true, teamId: true, expiresAt: true, createdAt: true },
      orderBy: { createdAt: "desc" },
    }),
    prisma.team.findMany({ where: { organizationId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.deal.groupBy({ by: ["ownerId"], where: { organizationId, outcome: "OPEN" }, _count: { _all: true } }),
  ]);
  const openByOwner = new Map(openDeals.map((row) => [row.ownerId, row._count._all]));
  return {
    sellers: sellers.map((s) => ({ ...s, role: s.role as Role, active: s.deactivatedAt === null, openDeals: openByOwner.get(s.id) ?? 0 })),
    invitations: invitations.map((i) => ({ ...i, role: i.role as Role, expired: i.expiresAt <= now })),
    teams,
  };
}

async function sellerOfOrganization(tx: Tx, actor: SellerActor, userId: string) {
  const user = await tx.user.findFirst({ where: { id: userId, organizationId: actor.organizationId } });
  if (!user) throw new NotFoundError();
  return user;
}

/**
 * Refuses a change that would leave the organization without an active admin. Every such change
 * first writes the organization's active admin rows, so on PostgreSQL two admins demoting each
 * other at once queue behind each other and the second sees the first's result.
 */
async function keepAnActiveAdmin(tx: Tx, organizationId: string, leavingUserId: string, field: string) {
  const admins = { organizationId, role: "ADMIN", deactivatedAt: null };
  await tx.user.updateMany({ where: admins, data: { version: { increment: 0 } } });
  const others = await tx.user.count({ where: { ...admins, id: { not: leavingUserId } } });
  if (others === 0) throw new FieldError(field, LAST_ADMIN);
}

/** Writes the row if it is still at `version`; a stale version is a 409 with the row as stored. */
async function updateAtVersion(tx: Tx, userId: string, version: number, data: Record<string, unknown>) {
  const result = await tx.user.updateMany({ where: { id: userId, version }, data: { ...data, version: { increment: 1 } } });
  if (result.count === 0)
    throw new VersionConflictError(await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, teamId: true, version: true } }));
}

const audited = (actor: SellerActor) => ({ organizationId: actor.organizationId, actor: { email: actor.email, userId: actor.userId } });

export async function changeRoleAndTeam(actor: SellerActor, input: ChangeSellerInput) {
  assertAdmin(actor);
  await prisma.$transaction(async (tx) => {
    const user = await sellerOfOrganization(tx, actor, input.userId);
    const team = await teamOfOrganization(tx, actor.organizationId, input.teamId);
    if (user.version !== input.version) throw new VersionConflictError({ role: user.role, teamId: user.teamId, version: user.version });
    const teamId = team?.id ?? null;
    const roleChanged = user.role !== input.role;
    const teamChanged = user.teamId !== teamId;
    if (!roleChanged && !teamChanged) return;
    if (roleChanged && user.role === "ADMIN" && !user.deactivatedAt) await keepAnActiveAdmin(tx, actor.organizationId, user.id, "role");
    await updateAtVersion(tx, user.id, input.version, { role: input.role, teamId });
    if (roleChanged && user.role === "ADMIN") await withdrawInvitationsSentBy(tx, user.id);
    const subject = { type: "USER" as const, id: user.id };
    if (roleChanged) {
      const detail = { email: user.email, from: ROLE_WORDS[user.role as Role].toLowerCase(), to: ROLE_WORDS[input.role].toLowerCase() };
      await recordAuditEvent(tx, { ...audited(actor), action: "seller.role_changed", subject, detail });
      // A manager who is a manager no more stops managing: team scope follows the role.
      if (input.role === "REP") await tx.teamManager.deleteMany({ where: { userId: user.id } });
    }
    if (teamChanged) {
      const names = await tx.team.findMany({
        where: { id: { in: [user.teamId, teamId].filter((t): t is string => t !== null) } },
        select: { id: true, name: true },
      });
      const nameOf = (id: string | null) => names.find((t) => t.id === id)?.name ?? "no team";
      await recordAuditEvent(tx, {
        ...audited(actor),
        action: "seller.team_changed",
        subject,
        detail: { email: user.email, from: nameOf(user.teamId), to: nameOf(teamId) },
      });
    }
  });
}

/**
 * Deactivates a person: they can no longer sign in, and every session of theirs is deleted in the
 * same transaction, so an open browser is signed out on its next request. With `reassignTo`, their
 * open deals move to that person in the same step.
 */
export async function deactivateSeller(actor: SellerActor, input: { userId: string; version: number; reassignTo?: string }, now = new Date()) {
  assertAdmin(actor);
  const moved = await prisma.$transaction(async (tx) => {
    const user = await sellerOfOrganization(tx, actor, input.userId);
    if (user.deactivatedAt) throw new VersionConflictError({ role: user.role, teamId: user.teamId, version: user.version });
    if (user.role === "ADMIN") await keepAnActiveAdmin(tx, actor.organizationId, user.id, "userId");
    const dealIds = input.reassignTo ? await moveOpenDeals(tx, actor, user, input.reassignTo) : [];
    await updateAtVersion(tx, user.id, input.version, { deactivatedAt: now });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await withdrawInvitationsSentBy(tx, user.id, now);
    await recordAuditEvent(tx, { ...audited(actor), action: "seller.deactivated", subject: { type: "USER", id: user.id }, detail: { email: user.email } });
    return dealIds;
  });
  await refreshMoved(actor, moved);
}

export async function reactivateSeller(actor: SellerActor, input: { userId: string; version: number }) {
  assertAdmin(actor);
  await prisma.$transaction(async (tx) => {
    const user = await sellerOfOrganization(tx, actor, input.userId);
    if (!user.deactivatedAt) throw new VersionConflictError({ role: user.role, teamId: user.teamId, version: user.version });
    await updateAtVersion(tx, user.id, input.version, { deactivatedAt: null });
    await recordAuditEvent(tx, { ...audited(actor), action: "seller.reactivated", subject: { type: "USER", id: user.id }, detail: { email: user.email } });
  });
}

/** Hands every open deal of a person (active or not) to another active person of the organization. */
export async function reassignOpenDeals(actor: SellerActor, input: { userId: string; reassignTo: string }) {
  assertAdmin(actor);
  const moved = await prisma.$transaction(async (tx) => {
    const user = await sellerOfOrganization(tx, actor, input.userId);
    return moveOpenDeals(tx, actor, user, input.reassignTo);
  });
  await refreshMoved(actor, moved);
  return moved.length;
}

async function moveOpenDeals(tx: Tx, actor: SellerActor, from: { id: string; name: string; email: string }, toUserId: string) {
  const to = await tx.user.findFirst({ where: { id: toUserId, organizationId: actor.organizationId } });
  if (!to) throw new NotFoundError();
  if (to.id === from.id || to.deactivatedAt) throw new FieldError("reassignTo", "Choose another active person to take the deals");
  // A write on the new owner's row holds it (PostgreSQL) until this commits: a deactivation of
  // that person at the same moment waits, and then finds the deals it must hand on.
  const held = await tx.user.updateMany({ where: { id: to.id, deactivatedAt: null }, data: { version: { increment: 0 } } });
  if (held.count === 0) throw new FieldError("reassignTo", "Choose another active person to take the deals");
  const deals = await tx.deal.findMany({ where: { organizationId: actor.organizationId, ownerId: from.id, outcome: "OPEN" }, select: { id: true } });
  const dealIds = deals.map((d) => d.id);
  if (dealIds.length === 0) return dealIds;
  await tx.deal.updateMany({ where: { id: { in: dealIds } }, data: { ownerId: to.id, version: { increment: 1 } } });
  // The dashboard groups cached figures by owner: the rows follow their deals at once.
  await tx.dealSignalCache.updateMany({ where: { dealId: { in: dealIds } }, data: { ownerId: to.id, stale: true } });
  const plans = await tx.plan.findMany({ where: { dealId: { in: dealIds } }, select: { id: true, dealId: true } });
  const planOf = new Map(plans.map((p) => [p.dealId, p.id]));
  for (const dealId of dealIds) {
    await recordActivity(tx, sellerActivityActor(actor), {
      organizationId: actor.organizationId,
      dealId,
      planId: planOf.get(dealId),
      entityType: "DEAL",
      entityId: dealId,
      action: "deal.updated",
      before: { owner: from.name },
      after: { owner: to.name },
      internalOnly: true,
    });
  }
  await recordAuditEvent(tx, {
    ...audited(actor),
    action: "deals.reassigned",
    subject: { type: "USER", id: from.id },
    detail: { from: from.email, to: to.email, deals: dealIds.length },
  });
  return dealIds;
}

async function refreshMoved(actor: SellerActor, dealIds: string[]) {
  for (const dealId of dealIds) await refreshDealSignals(actor.organizationId, dealId);
}

/** Active people who may take over someone's deals. */
export async function activePeople(actor: SellerActor) {
  assertAdmin(actor);
  return prisma.user.findMany({
    where: { organizationId: actor.organizationId, deactivatedAt: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
