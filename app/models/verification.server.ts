// Proof of email ownership: one email carries a six-digit code and a link to a page with a
// button. Nothing here runs on GET: the link page only renders a form, because corporate mail
// scanners open links before people do. Codes and link tokens are stored only as hashes.
import { createElement } from "react";
import SignInEmail from "../../emails/sign-in";
import { prisma, type Tx } from "~/utils/db.server";
import { hashCode, hashesMatch, hashSecret, randomCode, randomToken } from "~/utils/crypto.server";
import { queueEmail, renderEmail } from "~/utils/email.server";
import { sessionSecrets } from "~/utils/env.server";
import { recordCodeLockout, recordDailyCodeLockout } from "./audit.server";

/** A seller's sign-in and a buyer's own verification: short, because the person is waiting for it. */
export const VERIFICATION_MINUTES = 15;
export const MAX_CODE_ATTEMPTS = 5;
/**
 * Wrong codes for one email across all its codes in a day (a buyer's: on one plan): new codes do
 * not buy new guesses. Counted per plan, so wrong codes on other plans, or on plans that do not
 * exist, cannot lock a person out of their own.
 */
export const MAX_DAILY_FAILURES = 15;

/**
 * BUYER_INVITE is an invitation's link and BUYER_INVITE_CODE its code: two rows, so each works once
 * on its own and the code still opens the plan on a second device after the link was used on the
 * first. Every row has both hashes; the half nobody was sent is a random secret no one holds.
 */
export type VerificationType = "SELLER_SIGN_IN" | "SELLER_SIGN_UP" | "BUYER_INVITE" | "BUYER_INVITE_CODE" | "BUYER_SIGN_IN";
export const BUYER_LINK_TYPES: VerificationType[] = ["BUYER_INVITE", "BUYER_SIGN_IN"];
export const BUYER_CODE_TYPES: VerificationType[] = ["BUYER_INVITE_CODE", "BUYER_SIGN_IN"];

export interface IssuedSecret {
  verificationId: string;
  code: string;
  linkToken: string;
}

interface IssueInput {
  type: VerificationType;
  target: string;
  organizationId?: string | null;
  planId?: string | null;
  lifetimeMinutes?: number;
  /** What the verified address may then do (JSON, never a secret), e.g. the workspace a sign-up creates. */
  payload?: string | null;
}

/** Replaces any pending verification of the same kind for the same email (and plan): the old one stops working but stays, so failed tries keep counting. */
export async function issueVerification(tx: Tx, input: IssueInput, now = new Date()): Promise<IssuedSecret> {
  const target = input.target.toLowerCase();
  await tx.verification.updateMany({ where: { type: input.type, target, planId: input.planId ?? null, usedAt: null }, data: { usedAt: now } });
  const code = randomCode();
  const linkToken = randomToken();
  const row = await tx.verification.create({
    data: {
      type: input.type,
      target,
      organizationId: input.organizationId ?? null,
      planId: input.planId ?? null,
      payload: input.payload ?? null,
      codeHash: "pending",
      linkTokenHash: hashSecret(linkToken),
      createdAt: now,
      expiresAt: new Date(now.getTime() + (input.lifetimeMinutes ?? VERIFICATION_MINUTES) * 60_000),
    },
  });
  // The row id salts the code's hash, so the hash can only be written once the id exists.
  await tx.verification.update({ where: { id: row.id }, data: { codeHash: codeHashFor(code, row.id) } });
  return { verificationId: row.id, code, linkToken };
}

/** An invitation's link and code for a buyer, both valid for `days` days (see VerificationType). */
export async function issueInvitation(
  tx: Tx,
  input: { target: string; organizationId: string; planId: string; days: number },
  now = new Date(),
): Promise<IssuedSecret> {
  const { days, ...scope } = input;
  const lifetimeMinutes = days * 24 * 60;
  const link = await issueVerification(tx, { ...scope, type: "BUYER_INVITE", lifetimeMinutes }, now);
  const code = await issueVerification(tx, { ...scope, type: "BUYER_INVITE_CODE", lifetimeMinutes }, now);
  return { verificationId: link.verificationId, linkToken: link.linkToken, code: code.code };
}

function codeHashFor(code: string, salt: string) {
  return hashCode(code, salt, sessionSecrets()[0]);
}

export type VerifyFailure = "INVALID" | "EXPIRED" | "USED" | "TOO_MANY_ATTEMPTS" | "WRONG_CODE";

export type VerifyResult =
  | { ok: true; verification: { id: string; target: string; type: string; organizationId: string | null; planId: string | null } }
  | { ok: false; reason: VerifyFailure; attemptsLeft?: number };

interface Scope {
  /** Buyer links and codes belong to one plan: on another plan's URL they are not valid. */
  planId?: string | null;
  now?: Date;
  /** The client's address, for the audit row of a lockout. */
  ip?: string | null;
}

/** Consumes a link token: succeeds once, then reports USED. A token of another kind or plan is INVALID. */
export async function consumeLinkToken(types: VerificationType[], token: string, scope: Scope = {}): Promise<VerifyResult> {
  if (!token) return { ok: false, reason: "INVALID" };
  const row = await prisma.verification.findUnique({ where: { linkTokenHash: hashSecret(token) } });
  if (!row || !types.includes(row.type as VerificationType)) return { ok: false, reason: "INVALID" };
  if (scope.planId !== undefined && row.planId !== scope.planId) return { ok: false, reason: "INVALID" };
  return markUsed(row, scope.now ?? new Date());
}

/**
 * Checks a typed code against every pending code for that email (and plan): an invitation's code
 * keeps working after the person asked for a sign-in code, and the other way round. A wrong code
 * counts against all of them, so holding two codes does not buy more guesses.
 */
export async function consumeCode(types: VerificationType[], email: string, code: string, scope: Scope = {}): Promise<VerifyResult> {
  const now = scope.now ?? new Date();
  const target = email.toLowerCase();
  const where = { type: { in: types }, target, ...(scope.planId !== undefined ? { planId: scope.planId } : {}) };
  const newest = await prisma.verification.findFirst({ where, orderBy: { createdAt: "desc" } });
  if (!newest) return { ok: false, reason: "INVALID" };
  const failures = await prisma.verification.aggregate({
    where: { ...where, createdAt: { gte: new Date(now.getTime() - 86_400_000) } },
    _sum: { attempts: true },
  });
  if ((failures._sum.attempts ?? 0) >= MAX_DAILY_FAILURES) {
    await recordDailyCodeLockout(newest, now.toISOString().slice(0, 10), scope.ip);
    return { ok: false, reason: "TOO_MANY_ATTEMPTS" };
  }
  const live = await prisma.verification.findMany({ where: { ...where, usedAt: null, expiresAt: { gt: now }, attempts: { lt: MAX_CODE_ATTEMPTS } } });
  if (live.length === 0) return { ok: false, reason: deadReason(newest, now) };
  const match = live.find((row) => hashesMatch(codeHashFor(code.trim(), row.id), row.codeHash));
  if (match) return markUsed(match, now);
  return countWrongCode(
    live.map((row) => row.id),
    scope.ip,
  );
}

async function countWrongCode(ids: string[], ip?: string | null): Promise<VerifyResult> {
  // Counted in one conditional write, so wrong codes sent at the same time cannot outrun the limit.
  await prisma.verification.updateMany({
    where: { id: { in: ids }, usedAt: null, attempts: { lt: MAX_CODE_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  const after = await prisma.verification.findMany({ where: { id: { in: ids }, usedAt: null }, select: { attempts: true } });
  const attemptsLeft = Math.max(0, ...after.map((row) => MAX_CODE_ATTEMPTS - row.attempts));
  if (attemptsLeft === 0) {
    await recordCodeLockout(ids, ip);
    return { ok: false, reason: "TOO_MANY_ATTEMPTS" };
  }
  return { ok: false, reason: "WRONG_CODE", attemptsLeft };
}

function deadReason(row: { usedAt: Date | null; expiresAt: Date }, now: Date): VerifyFailure {
  if (row.usedAt) return "USED";
  if (row.expiresAt <= now) return "EXPIRED";
  return "TOO_MANY_ATTEMPTS";
}

/** A buyer link's row, read without touching it: the link page shows whom and what it is for. */
export async function findBuyerLink(token: string, planId: string) {
  if (!token) return null;
  const row = await prisma.verification.findUnique({ where: { linkTokenHash: hashSecret(token) } });
  if (!row || !BUYER_LINK_TYPES.includes(row.type as VerificationType) || row.planId !== planId) return null;
  return row;
}

/** Whether a link or code can still be used, and if not, why. */
export function secretState(row: { usedAt: Date | null; expiresAt: Date; attempts: number }, now = new Date()): "OPEN" | VerifyFailure {
  if (row.usedAt || row.expiresAt <= now || row.attempts >= MAX_CODE_ATTEMPTS) return deadReason(row, now);
  return "OPEN";
}

async function markUsed(
  row: {
    id: string;
    target: string;
    type: string;
    organizationId: string | null;
    planId: string | null;
    usedAt: Date | null;
    expiresAt: Date;
    attempts: number;
  },
  now: Date,
): Promise<VerifyResult> {
  const state = secretState(row, now);
  if (state !== "OPEN") return { ok: false, reason: state };
  // Conditional on the row still being unused and under the attempt limit, so two simultaneous
  // posts cannot both succeed, and a right guess racing wrong ones cannot slip past the limit.
  const claimed = await prisma.verification.updateMany({
    where: { id: row.id, usedAt: null, attempts: { lt: MAX_CODE_ATTEMPTS } },
    data: { usedAt: now },
  });
  if (claimed.count === 0) return { ok: false, reason: "USED" };
  const { id, target, type, organizationId, planId } = row;
  return { ok: true, verification: { id, target, type, organizationId, planId } };
}

/**
 * Starts a seller sign-in. Unknown or deactivated emails get no email but the caller answers
 * them exactly like known ones, so the form reveals nothing about who has an account.
 */
export async function requestSellerSignIn(email: string, baseUrl: string): Promise<void> {
  const target = email.toLowerCase();
  const user = await prisma.user.findUnique({ where: { email: target } });
  if (!user || user.deactivatedAt) {
    // A code nobody receives: wrong guesses then meet exactly what a real account's would.
    await prisma.$transaction((tx) => issueVerification(tx, { type: "SELLER_SIGN_IN", target }));
    return;
  }
  await prisma.$transaction(async (tx) => {
    const secret = await issueVerification(tx, { type: "SELLER_SIGN_IN", target, organizationId: user.organizationId });
    const link = `${baseUrl}/auth/verify?token=${encodeURIComponent(secret.linkToken)}`;
    const rendered = await renderEmail(
      // No code in the subject: subjects show in notification previews and outbox listings.
      "Your Mutual sign-in code",
      createElement(SignInEmail, { code: secret.code, link, expiresInMinutes: VERIFICATION_MINUTES }),
    );
    await queueEmail(tx, {
      ...rendered,
      kind: "SIGN_IN",
      to: target,
      organizationId: user.organizationId,
      containsSecret: true,
      idempotencyKey: `sign-in:${secret.verificationId}`,
    });
  });
}

/** The active user a successful seller verification signs in, or null if they were deactivated since. */
export async function userForVerification(target: string) {
  const user = await prisma.user.findUnique({ where: { email: target } });
  return user && !user.deactivatedAt ? user : null;
}
