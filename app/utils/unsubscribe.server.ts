// One-click stop for non-security email (product.md, "Notifications"). The link carries the
// address, the kind of email and an HMAC of both, so it needs no sign-in and cannot be forged for
// someone else. Like every emailed link, its GET only shows a button; the POST stops the email.
import { createHmac } from "node:crypto";
import { prisma } from "./db.server";
import { hashesMatch } from "./crypto.server";
import { sessionSecrets } from "./env.server";

export const STOPPABLE_KINDS: Record<string, string> = {
  REP_NOTICE: "notices about people joining or asking to join your plans",
  ACCESS_DECLINED: "answers to your requests to join a plan",
};

function signature(email: string, kind: string) {
  return createHmac("sha256", sessionSecrets()[0]).update(`stop:${email.toLowerCase()}:${kind}`).digest("hex");
}

export function stopLink(baseUrl: string, email: string, kind: string) {
  return `${baseUrl}/email/stop?${new URLSearchParams({ e: email.toLowerCase(), k: kind, s: signature(email, kind) })}`;
}

export function validStop(email: string, kind: string, sig: string) {
  return kind in STOPPABLE_KINDS && /^[0-9a-f]{64}$/.test(sig) && hashesMatch(signature(email, kind), sig);
}

export async function stopEmails(email: string, kind: string) {
  await prisma.emailSuppression.upsert({
    where: { email_category: { email: email.toLowerCase(), category: kind } },
    create: { email: email.toLowerCase(), category: kind },
    update: {},
  });
}
