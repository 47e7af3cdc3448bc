// The security log: sign-ins, sign-outs, code lockouts and email opt-outs, by organization. A row
// names the person by user or participant id when there is one, and always by address, because
// an address is what an admin recognises and it outlives the user or participant. Tokens, codes and
// their hashes never enter a row (docs/decisions/0010-audit-events.md).
import { prisma, type Db, type Tx } from "~/utils/db.server";
import type { AuditAction, AuditSubjectType } from "./audit.types";

export interface AuditActor {
  email: string;
  userId?: string | null;
  participantId?: string | null;
}

export interface AuditInput {
  organizationId: string | null;
  action: AuditAction;
  actor: AuditActor;
  subject?: { type: AuditSubjectType; id: string } | null;
  /** A few plain facts (how someone signed in, which kind of email stopped, a role before and after); never a secret. */
  detail?: Record<string, string | number | boolean>;
  ip?: string | null;
  /** Makes the row a one-off: a second event with the same key is not written. */
  onceKey?: string;
}

/** Writes one audit row; pass the transaction of the change it records, so both land or neither. */
export async function recordAuditEvent(db: Tx | Db, input: AuditInput) {
  return db.auditEvent.create({
    data: {
      organizationId: input.organizationId,
      action: input.action,
      actorUserId: input.actor.userId ?? null,
      actorParticipantId: input.actor.participantId ?? null,
      actorEmail: input.actor.email.toLowerCase(),
      subjectType: input.subject?.type ?? null,
      subjectId: input.subject?.id ?? null,
      detail: input.detail ? JSON.stringify(input.detail) : null,
      ip: input.ip ?? null,
      onceKey: input.onceKey ?? null,
    },
  });
}

/** Prisma's "unique constraint failed", from either database's client (each has its own error class). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** A seller's sign-in or a workspace sign-up, as opposed to a buyer's codes. */
function isSellerType(type: string) {
  return type === "SELLER_SIGN_IN" || type === "SELLER_SIGN_UP";
}

/** The organization and person a locked code belonged to, as far as they are known. */
async function lockedOutPerson(row: { type: string; target: string; organizationId: string | null; planId: string | null }) {
  if (isSellerType(row.type)) {
    const user = await prisma.user.findUnique({ where: { email: row.target }, select: { id: true, organizationId: true } });
    return { organizationId: user?.organizationId ?? row.organizationId, actor: { email: row.target, userId: user?.id }, plan: null };
  }
  const plan = row.planId ? await prisma.plan.findUnique({ where: { id: row.planId }, select: { id: true, organizationId: true } }) : null;
  const participant = plan ? await prisma.participant.findFirst({ where: { planId: plan.id, email: row.target, side: "BUYER" }, select: { id: true } }) : null;
  return { organizationId: plan?.organizationId ?? row.organizationId, actor: { email: row.target, participantId: participant?.id }, plan };
}

/**
 * Records that wrong codes just used up every code in `verificationIds` (one person's live codes).
 * Requests that notice the same lockout at once write one row between them.
 */
export async function recordCodeLockout(verificationIds: string[], ip?: string | null) {
  const rows = await prisma.verification.findMany({ where: { id: { in: verificationIds } }, orderBy: { createdAt: "desc" } });
  if (rows[0]) await writeLockout(rows[0], { codes: rows.length }, `code.locked_out:${[...verificationIds].sort().join(",")}`, ip);
}

/**
 * Records that an address reached its daily allowance of wrong codes, so even a new code is
 * refused until the day is over: once per address, plan and day, however often it is tried.
 */
export async function recordDailyCodeLockout(newest: LockoutRow & { id: string }, day: string, ip?: string | null) {
  await writeLockout(newest, { daily: true }, `code.locked_out:daily:${newest.target}:${newest.planId ?? "-"}:${day}`, ip);
}

type LockoutRow = { type: string; target: string; organizationId: string | null; planId: string | null };

async function writeLockout(newest: LockoutRow, detail: Record<string, string | number | boolean>, onceKey: string, ip?: string | null) {
  const { organizationId, actor, plan } = await lockedOutPerson(newest);
  try {
    await recordAuditEvent(prisma, {
      organizationId,
      action: "code.locked_out",
      actor,
      subject: plan ? { type: "PLAN", id: plan.id } : null,
      detail: { ...detail, side: isSellerType(newest.type) ? "seller" : "buyer" },
      ip,
      onceKey,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}
