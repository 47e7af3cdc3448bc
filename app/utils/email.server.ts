// Email leaves the app through one door: a row in EmailOutbox, written in the same transaction as
// the change that caused it, then delivered by deliverDueEmails() with retries and an idempotency
// key (app/utils/outbox-delivery.server.ts). Outside production, with no RESEND_API_KEY, rows are
// captured for /dev/outbox instead. A body that carries a link or code is stored sealed
// (app/utils/sealed.server.ts) and opened only to be sent or shown there.
import type { ReactElement } from "react";
import { render, toPlainText } from "@react-email/render";
import type { Tx } from "./db.server";
import { sealedBody } from "./sealed.server";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const html = await render(element);
  return { subject, html, text: toPlainText(html) };
}

export interface QueuedEmail extends RenderedEmail {
  kind: string;
  to: string;
  organizationId?: string | null;
  /** Security emails (codes, links) are stored sealed, and erased from the outbox once delivered. */
  containsSecret: boolean;
  idempotencyKey: string;
}

export async function queueEmail(tx: Tx, email: QueuedEmail) {
  // Someone who stopped this kind of email gets none; security email (codes, links) always goes.
  const stopped =
    !email.containsSecret && (await tx.emailSuppression.findUnique({ where: { email_category: { email: email.to.toLowerCase(), category: email.kind } } }));
  return tx.emailOutbox.create({ data: { ...sealedBody(email), organizationId: email.organizationId ?? null, ...(stopped ? { status: "SUPPRESSED" } : {}) } });
}

export { deliverDueEmails, kickOutbox, retryDelayMs, startOutboxWorker, type DeliveryReport } from "./outbox-delivery.server";
