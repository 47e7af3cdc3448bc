// Workspace sign-up: a person proves their address with the same emailed code and link as
// sign-in, and only then is the organization made, with them as its first admin. Until then
// the workspace's details wait in the verification row (never a secret). The form answers the
// same whether or not the address has an account; only the email differs.
import { createElement } from "react";
import SignUpEmail from "../../emails/sign-up";
import SignUpExistingEmail from "../../emails/sign-up-existing";
import { WorkspaceDetailsSchema, type WorkspaceDetails } from "~/forms/workspace";
import { prisma } from "~/utils/db.server";
import { queueEmail, renderEmail } from "~/utils/email.server";
import { isUniqueViolation } from "./audit.server";
import { createOrganization, type CreatedBySignUp } from "./organization.server";
import { VERIFICATION_MINUTES, issueVerification } from "./verification.server";

export async function requestWorkspaceSignUp(email: string, details: WorkspaceDetails, baseUrl: string): Promise<void> {
  const target = email.toLowerCase();
  const user = await prisma.user.findUnique({ where: { email: target } });
  await prisma.$transaction(async (tx) => {
    if (user) {
      // A code nobody receives, and no details: wrong guesses meet what a new address's would,
      // and a lucky one creates nothing.
      const secret = await issueVerification(tx, { type: "SELLER_SIGN_UP", target });
      // A deactivated person is told nothing, as sign-in tells them nothing.
      if (user.deactivatedAt) return;
      const signInLink = `${baseUrl}/login?${new URLSearchParams({ email: target })}`;
      const rendered = await renderEmail("You already have a Mutual account", createElement(SignUpExistingEmail, { signInLink }));
      await queueEmail(tx, { ...rendered, kind: "SIGN_UP", to: target, containsSecret: false, idempotencyKey: `sign-up-existing:${secret.verificationId}` });
      return;
    }
    const secret = await issueVerification(tx, { type: "SELLER_SIGN_UP", target, payload: JSON.stringify(details) });
    const link = `${baseUrl}/signup/verify?token=${encodeURIComponent(secret.linkToken)}`;
    const rendered = await renderEmail(
      "Your Mutual sign-up code",
      createElement(SignUpEmail, { code: secret.code, link, organizationName: details.organizationName, expiresInMinutes: VERIFICATION_MINUTES }),
    );
    await queueEmail(tx, { ...rendered, kind: "SIGN_UP", to: target, containsSecret: true, idempotencyKey: `sign-up:${secret.verificationId}` });
  });
}

export type SignUpResult = { ok: true; admin: { id: string; email: string; organizationId: string } } | { ok: false; reason: "TAKEN" | "INVALID" };

/** Creates the workspace a verified sign-up asked for, its admin being the verified address. */
export async function completeWorkspaceSignUp(verification: { id: string; target: string }, how: CreatedBySignUp): Promise<SignUpResult> {
  const row = await prisma.verification.findUnique({ where: { id: verification.id }, select: { payload: true } });
  const details = readDetails(row?.payload);
  if (await hasAccount(verification.target)) return { ok: false, reason: "TAKEN" };
  if (!details) return { ok: false, reason: "INVALID" };
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
    return { ok: true, admin: { id: admin.id, email: admin.email, organizationId: admin.organizationId } };
  } catch (error) {
    // Someone gave this address an account between the check above and the write.
    if (isUniqueViolation(error) || (await hasAccount(verification.target))) return { ok: false, reason: "TAKEN" };
    throw error;
  }
}

async function hasAccount(email: string) {
  return Boolean(await prisma.user.findUnique({ where: { email }, select: { id: true } }));
}

function readDetails(payload: string | null | undefined): WorkspaceDetails | null {
  if (!payload) return null;
  const parsed = WorkspaceDetailsSchema.safeParse(JSON.parse(payload));
  return parsed.success ? parsed.data : null;
}
