// One-click stop for non-security email (product.md, "Notifications"). The link carries the
// address, the kind of email and an HMAC of both, so it needs no sign-in and cannot be forged for
// someone else. Like every emailed link, its GET only shows a button; the POST stops the email.
import { createHmac } from "node:crypto";
import { prisma } from "./db.server";
import { hashesMatch } from "./crypto.server";
import { sessionSecrets } from "./env.server";
import { isUniqueViolation, recordAuditEvent } from "~/models/audit.server";
import { EMAIL_KINDS } from "~/models/email-kinds";

/** Each kind a person may stop, as a noun phrase ("You will no longer get …"). */
export const STOPPABLE_KINDS: Record<string, string> = Object.fromEntries(Object.entries(EMAIL_KINDS).map(([kind, { about }]) => [kind, about]));

function signature(email: string, kind: string, secret = sessionSecrets()[0]) {
  return createHmac("sha256", secret).update(`stop:${email.toLowerCase()}:${kind}`).digest("hex");
}

/** Links in mail already sent keep working after SESSION_SECRET is rotated: any configured secret may have signed them. */
function signedByUs(email: string, kind: string, sig: string) {
  return /^[0-9a-f]{64}$/.test(sig) && sessionSecrets().some((secret) => hashesMatch(signature(email, kind, secret), sig));
}

export function stopLink(baseUrl: string, email: string, kind: string) {
  return `${baseUrl}/email/stop?${new URLSearchParams({ e: email.toLowerCase(), k: kind, s: signature(email, kind) })}`;
}

/**
 * The address of a person's email preferences page, signed like a stop link: a buyer has no
 * account page, so every email to them carries this.
 */
export function preferencesLink(baseUrl: string, email: string) {
  return `${baseUrl}/email/preferences?${new URLSearchParams({ e: email.toLowerCase(), s: signature(email, "PREFERENCES") })}`;
}

export function validPreferencesLink(email: string, sig: string) {
  return signedByUs(email, "PREFERENCES", sig);
}

export function validStop(email: string, kind: string, sig: string) {
  return kind in STOPPABLE_KINDS && signedByUs(email, kind, sig);
}

/**
 * Stops one kind of email for an address, with its audit row. The address names the organization
 * when it is a user's; a stop pressed twice, or twice at once, leaves one stop and one row.
 */
export async function stopEmails(email: string, kind: string, ip?: string | null) {
  const address = email.toLowerCase();
  try {
    await prisma.$transaction(async (tx) => {
      const choice = await tx.emailPreference.findUnique({ where: { email_kind: { email: address, kind } } });
      if (choice && !choice.enabled) return;
      if (choice) await tx.emailPreference.update({ where: { id: choice.id }, data: { enabled: false } });
      else await tx.emailPreference.create({ data: { email: address, kind, enabled: false } });
      const user = await tx.user.findUnique({ where: { email: address }, select: { id: true, organizationId: true } });
      await recordAuditEvent(tx, {
        organizationId: user?.organizationId ?? null,
        action: "email.opted_out",
        actor: { email: address, userId: user?.id },
        detail: { emails: kind },
        ip,
      });
    });
  } catch (error) {
    // The same stop committed by a simultaneous press: nothing is left to do.
    if (!isUniqueViolation(error)) throw error;
  }
}

/** What the footer of a stoppable email carries (emails/layout.tsx, NotificationFooter): why, and the two links. */
export function notificationFooter(baseUrl: string, email: string, kind: string, reason: string) {
  return { reason, stopHref: stopLink(baseUrl, email, kind), preferencesHref: preferencesLink(baseUrl, email) };
}
