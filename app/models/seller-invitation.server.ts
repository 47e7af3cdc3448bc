// An admin's invitation of a seller: one emailed link, valid SELLER_INVITATION_DAYS, that creates
// the person's account with the role and team the admin chose. Only the link token's hash is
// stored; the email waits in the outbox sealed, like every email that carries a link.
//
// User.email is unique across organizations (sign-in needs no organization picker), so an address
// with an account anywhere cannot be invited. The refusal says only that, never where the account
// is; docs/decisions/0016-seller-invitations.md weighs what it still tells an admin.
import { createElement } from "react";
import SellerInvitationEmail from "../../emails/seller-invitation";
import { ROLE_WORDS, type InviteSellerInput } from "~/forms/people";
import type { Role } from "~/domain/types";
import { hashSecret, randomToken } from "~/utils/crypto.server";
import { prisma, type Tx } from "~/utils/db.server";
import { queueEmail, renderEmail } from "~/utils/email.server";
import { FieldError, NotFoundError } from "~/utils/http.server";
import { assertAdmin, type SellerActor } from "./actor.server";
import { isUniqueViolation, recordAuditEvent } from "./audit.server";

export const SELLER_INVITATION_DAYS = 7;
const DAY_MS = 86_400_000;

/** Refused for an address that has an account, wherever it is: the words name no organization. */
export const CANNOT_INVITE = "This address cannot be invited. If the person already uses Mutual, they need to sign in with another address.";

export function sellerJoinUrl(baseUrl: string, token: string) {
  return `${baseUrl}/join/${encodeURIComponent(token)}`;
}

const ROLE_ARTICLES: Record<Role, string> = { REP: "a rep", MANAGER: "a manager", ADMIN: "an admin" };

/** A team of the actor's organization, or 404: a foreign team id is treated as a missing one. */
export async function teamOfOrganization(tx: Tx, organizationId: string, teamId: string | undefined) {
  if (!teamId) return null;
  const team = await tx.team.findFirst({ where: { id: teamId, organizationId } });
  if (!team) throw new NotFoundError();
  return team;
}

/** Invites `email`, replacing any pending invitation of the same address in this organization. */
export async function inviteSeller(actor: SellerActor, input: InviteSellerInput, baseUrl: string, now = new Date()) {
  assertAdmin(actor);
  return prisma.$transaction(async (tx) => {
    const team = await teamOfOrganization(tx, actor.organizationId, input.teamId);
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { organizationId: true } });
    if (existing?.organizationId === actor.organizationId) throw new FieldError("email", "This person is already in your organization.");
    if (existing) throw new FieldError("email", CANNOT_INVITE);

    const replaced = await tx.sellerInvitation.updateMany({
      where: { organizationId: actor.organizationId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const token = randomToken();
    const invitation = await tx.sellerInvitation.create({
      data: {
        organizationId: actor.organizationId,
        email: input.email,
        role: input.role,
        teamId: team?.id ?? null,
        invitedByUserId: actor.userId,
        tokenHash: hashSecret(token),
        expiresAt: new Date(now.getTime() + SELLER_INVITATION_DAYS * DAY_MS),
        createdAt: now,
      },
    });
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { name: true } });
    const rendered = await renderEmail(
      `${actor.name} invited you to ${organization.name} on Mutual`,
      createElement(SellerInvitationEmail, {
        inviterName: actor.name,
        organizationName: organization.name,
        roleWords: ROLE_ARTICLES[input.role],
        teamName: team?.name ?? null,
        link: sellerJoinUrl(baseUrl, token),
        expiresInDays: SELLER_INVITATION_DAYS,
      }),
    );
    await queueEmail(tx, {
      ...rendered,
      kind: "SELLER_INVITE",
      to: input.email,
      organizationId: actor.organizationId,
      containsSecret: true,
      idempotencyKey: `seller-invitation:${invitation.id}`,
    });
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      action: "invitation.sent",
      actor: { email: actor.email, userId: actor.userId },
      subject: { type: "INVITATION", id: invitation.id },
      detail: { email: input.email, role: ROLE_WORDS[input.role].toLowerCase(), ...(team ? { team: team.name } : {}), replaced: replaced.count > 0 },
    });
    return invitation;
  });
}

/** Withdraws a pending invitation; its link stops working. A used, withdrawn or foreign one is a 404. */
export async function revokeInvitation(actor: SellerActor, invitationId: string, now = new Date()) {
  assertAdmin(actor);
  await prisma.$transaction(async (tx) => {
    const pending = { id: invitationId, organizationId: actor.organizationId, acceptedAt: null, revokedAt: null };
    const invitation = await tx.sellerInvitation.findFirst({ where: pending });
    if (!invitation) throw new NotFoundError();
    const result = await tx.sellerInvitation.updateMany({ where: pending, data: { revokedAt: now } });
    if (result.count === 0) throw new NotFoundError();
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      action: "invitation.revoked",
      actor: { email: actor.email, userId: actor.userId },
      subject: { type: "INVITATION", id: invitation.id },
      detail: { email: invitation.email },
    });
  });
}

export type InvitationState = "OPEN" | "EXPIRED" | "REVOKED" | "USED" | "TAKEN";

function stateOf(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): Exclude<InvitationState, "TAKEN"> {
  if (invitation.acceptedAt) return "USED";
  if (invitation.revokedAt) return "REVOKED";
  return invitation.expiresAt <= now ? "EXPIRED" : "OPEN";
}

/** What the link's page may say: what its email said already. Null for a token that matches nothing. */
export async function describeInvitation(token: string, now = new Date()) {
  const invitation = token
    ? await prisma.sellerInvitation.findUnique({
        where: { tokenHash: hashSecret(token) },
        include: { organization: { select: { name: true } }, team: { select: { name: true } } },
      })
    : null;
  if (!invitation) return null;
  const inviter = invitation.invitedByUserId ? await prisma.user.findUnique({ where: { id: invitation.invitedByUserId }, select: { name: true } }) : null;
  let state: InvitationState = stateOf(invitation, now);
  if (state === "OPEN" && (await prisma.user.count({ where: { email: invitation.email } })) > 0) state = "TAKEN";
  return {
    state,
    email: invitation.email,
    organizationName: invitation.organization.name,
    inviterName: inviter?.name ?? "An admin",
    roleWords: ROLE_ARTICLES[invitation.role as Role],
    teamName: invitation.team?.name ?? null,
  };
}
export type InvitationView = NonNullable<Awaited<ReturnType<typeof describeInvitation>>>;

/** Why a link could not be accepted; the page says it in plain words. */
/** Withdraws the pending invitations a person sent, when they stop being an active admin. */
export async function withdrawInvitationsSentBy(tx: Tx, userId: string, now = new Date()) {
  await tx.sellerInvitation.updateMany({ where: { invitedByUserId: userId, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
}

export class InvitationRefused extends Error {
  constructor(public readonly state: Exclude<InvitationState, "OPEN"> | "INVALID") {
    super(`The invitation cannot be accepted: ${state}`);
  }
}

/**
 * Creates the invited person's account with the invitation's role and team, marks the invitation
 * used and records it. Two presses at once create one account: the second finds the link used.
 */
export async function acceptInvitation(token: string, profile: { name: string; title: string }, now = new Date()) {
  try {
    return await prisma.$transaction(async (tx) => {
      const invitation = await tx.sellerInvitation.findUnique({ where: { tokenHash: hashSecret(token) } });
      if (!invitation) throw new InvitationRefused("INVALID");
      const state = stateOf(invitation, now);
      if (state !== "OPEN") throw new InvitationRefused(state);
      // An invitation speaks for the admin who sent it: once they are no active admin, it is withdrawn.
      const inviter = invitation.invitedByUserId ? await tx.user.findUnique({ where: { id: invitation.invitedByUserId } }) : null;
      if (!inviter || inviter.role !== "ADMIN" || inviter.deactivatedAt || inviter.organizationId !== invitation.organizationId) {
        throw new InvitationRefused("REVOKED");
      }
      const claimed = await tx.sellerInvitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: now } });
      if (claimed.count === 0) throw new InvitationRefused("USED");
      if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) throw new InvitationRefused("TAKEN");
      // The team may have been removed since: the person then joins without one.
      const team = invitation.teamId ? await tx.team.findFirst({ where: { id: invitation.teamId, organizationId: invitation.organizationId } }) : null;
      const user = await tx.user.create({
        data: {
          organizationId: invitation.organizationId,
          email: invitation.email,
          name: profile.name,
          title: profile.title,
          role: invitation.role,
          teamId: team?.id ?? null,
        },
      });
      await recordAuditEvent(tx, {
        organizationId: invitation.organizationId,
        action: "invitation.accepted",
        actor: { email: user.email, userId: user.id },
        subject: { type: "INVITATION", id: invitation.id },
        detail: { role: ROLE_WORDS[invitation.role as Role].toLowerCase() },
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvitationRefused("TAKEN");
    throw error;
  }
}
