// Workspace sign-up: a person proves their address with the same emailed code and link as
// sign-in, and only then is the organization made, with them as its first admin (or, on the
// join path, they become a rep of the one organization that lets their domain join). Until then
// the details wait in the verification row (never a secret). The form answers the same whatever
// the address; only the email differs.
import { createElement } from "react";
import JoinUnavailableEmail from "../../emails/join-unavailable";
import SignUpEmail from "../../emails/sign-up";
import SignUpExistingEmail from "../../emails/sign-up-existing";
import { SignUpPayloadSchema, type SignUpPayload, type WorkspaceDetails } from "~/forms/workspace";
import { prisma, type Tx } from "~/utils/db.server";
import { queueEmail, renderEmail } from "~/utils/email.server";
import { signUpOpen } from "~/utils/env.server";
import { isUniqueViolation } from "./audit.server";
import { domainOf } from "~/domain/email-domains";
import { joinOrganizationByDomain, organizationJoinableBy } from "./join-by-domain.server";
import { createOrganization, type CreatedBySignUp } from "./organization.server";
import { VERIFICATION_MINUTES, issueVerification } from "./verification.server";

export async function requestWorkspaceSignUp(email: string, details: WorkspaceDetails, baseUrl: string): Promise<void> {
  const target = email.toLowerCase();
  const user = await prisma.user.findUnique({ where: { email: target } });
  await prisma.$transaction(async (tx) => {
    if (user) return tellToSignIn(tx, target, user, baseUrl);
    const payload: SignUpPayload = { workspace: details };
    await sendCode(tx, { target, payload, organizationName: details.organizationName, purpose: "create", baseUrl });
  });
}

/** The join path: a code to join the one organization that lets this address's domain join, or an email saying why there is none. */
export async function requestJoinByDomain(email: string, name: string, baseUrl: string): Promise<void> {
  const target = email.toLowerCase();
  const user = await prisma.user.findUnique({ where: { email: target } });
  const match = user ? null : await organizationJoinableBy(target);
  await prisma.$transaction(async (tx) => {
    if (user) return tellToSignIn(tx, target, user, baseUrl);
    if (match?.kind !== "ONE") {
      // As for a known address: a code nobody receives, so guesses meet the usual answer.
      const secret = await issueVerification(tx, { type: "SELLER_SIGN_UP", target });
      const reason = match?.kind ?? "NONE";
      const rendered = await renderEmail("No Mutual workspace to join", createElement(JoinUnavailableEmail, { domain: domainOf(target), reason }));
      await queueEmail(tx, { ...rendered, kind: "SIGN_UP", to: target, containsSecret: false, idempotencyKey: `join-unavailable:${secret.verificationId}` });
      return;
    }
    const { organization } = match;
    const payload: SignUpPayload = { join: { organizationId: organization.id, name } };
    await sendCode(tx, { target, payload, organizationName: organization.name, purpose: "join", organizationId: organization.id, baseUrl });
  });
}

interface CodeRequest {
  target: string;
  payload: SignUpPayload;
  organizationName: string;
  purpose: "create" | "join";
  organizationId?: string;
  baseUrl: string;
}

async function sendCode(tx: Tx, request: CodeRequest) {
  const { target, payload, organizationName, purpose, organizationId, baseUrl } = request;
  const secret = await issueVerification(tx, { type: "SELLER_SIGN_UP", target, organizationId, payload: JSON.stringify(payload) });
  const link = `${baseUrl}/signup/verify?token=${encodeURIComponent(secret.linkToken)}`;
  const rendered = await renderEmail(
    purpose === "create" ? "Your Mutual sign-up code" : `Your code to join ${organizationName} on Mutual`,
    createElement(SignUpEmail, { code: secret.code, link, organizationName, purpose, expiresInMinutes: VERIFICATION_MINUTES }),
  );
  await queueEmail(tx, { ...rendered, kind: "SIGN_UP", to: target, organizationId, containsSecret: true, idempotencyKey: `sign-up:${secret.verificationId}` });
}

async function tellToSignIn(tx: Tx, target: string, user: { deactivatedAt: Date | null }, baseUrl: string) {
  // A code nobody receives, and no details: wrong guesses meet what a new address's would,
  // and a lucky one does nothing.
  const secret = await issueVerification(tx, { type: "SELLER_SIGN_UP", target });
  // A deactivated person is told nothing, as sign-in tells them nothing.
  if (user.deactivatedAt) return;
  const signInLink = `${baseUrl}/login?${new URLSearchParams({ email: target })}`;
  const rendered = await renderEmail("You already have a Mutual account", createElement(SignUpExistingEmail, { signInLink }));
  await queueEmail(tx, { ...rendered, kind: "SIGN_UP", to: target, containsSecret: false, idempotencyKey: `sign-up-existing:${secret.verificationId}` });
}

export type SignUpResult =
  { ok: true; user: { id: string; email: string; organizationId: string } } | { ok: false; reason: "TAKEN" | "INVALID" | "NOT_JOINABLE" | "CLOSED" };

/** Does what a verified sign-up asked for: creates its workspace, or joins the organization its domain may join. */
export async function completeSignUp(verification: { id: string; target: string }, how: CreatedBySignUp): Promise<SignUpResult> {
  const row = await prisma.verification.findUnique({ where: { id: verification.id }, select: { payload: true } });
  const payload = readPayload(row?.payload);
  if (await hasAccount(verification.target)) return { ok: false, reason: "TAKEN" };
  if (!payload) return { ok: false, reason: "INVALID" };
  if ("join" in payload) return joinOrganizationByDomain(verification.target, payload.join, how);
  // Codes sent before the deployment closed sign-up create nothing after.
  if (!signUpOpen()) return { ok: false, reason: "CLOSED" };
  const details = payload.workspace;
  try {
    const { admin } = await createOrganization(
      {
        name: details.organizationName,
        timezone: details.timezone,
        fiscalYearStartMonth: details.fiscalYearStartMonth,
        allowedBuyerDomains: details.allowedBuyerDomains,
        admin: { email: verification.target, name: details.name },
      },
      how,
    );
    return { ok: true, user: { id: admin.id, email: admin.email, organizationId: admin.organizationId } };
  } catch (error) {
    // Someone gave this address an account between the check above and the write.
    if (isUniqueViolation(error) || (await hasAccount(verification.target))) return { ok: false, reason: "TAKEN" };
    throw error;
  }
}

async function hasAccount(email: string) {
  return Boolean(await prisma.user.findUnique({ where: { email }, select: { id: true } }));
}

function readPayload(payload: string | null | undefined): SignUpPayload | null {
  if (!payload) return null;
  const parsed = SignUpPayloadSchema.safeParse(JSON.parse(payload));
  return parsed.success ? parsed.data : null;
}
