// Email leaves the app through one door: a row in EmailOutbox, written in the same transaction as
// the change that caused it, then delivered by deliverDueEmails() with retries and an idempotency
// key (app/utils/outbox-delivery.server.ts). Outside production, with no RESEND_API_KEY, rows are
// captured for /dev/outbox instead. A body that carries a link or code is stored sealed
// (app/utils/sealed.server.ts) and opened only to be sent or shown there.
import type { ReactElement } from "react";
import { render, toPlainText } from "@react-email/render";
import type { Tx } from "./db.server";
import { sealedBody } from "./sealed.server";
import { recipientWants } from "./email-wanted.server";

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
  /** Not delivered before this moment: scheduled email waits for the recipient's morning (app/domain/quiet-hours.ts). */
  notBefore?: Date;
}

/**
 * Queues an email in the caller's transaction. A person who turned this kind off (or whose
 * organization turns it off by default, and who never turned it on) gets none: the row is kept as
 * SUPPRESSED, so its idempotency key still says it was handled. Security email always goes.
 */
export async function queueEmail(tx: Tx, email: QueuedEmail) {
  const suppressed = !email.containsSecret && !(await recipientWants(tx, email.to, email.kind, email.organizationId ?? null));
  const { notBefore, ...row } = email;
  return tx.emailOutbox.create({
    data: {
      ...sealedBody(row),
      organizationId: email.organizationId ?? null,
      ...(notBefore ? { nextAttemptAt: notBefore } : {}),
      ...(suppressed ? { status: "SUPPRESSED" } : {}),
    },
  });
}

export { deliverDueEmails, kickOutbox, retryDelayMs, startOutboxWorker, type DeliveryReport } from "./outbox-delivery.server";
