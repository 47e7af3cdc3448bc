// Email leaves the app through one door: a row in EmailOutbox, written in the same transaction as
// the change that caused it, then delivered by deliverDueEmails() with retries and an idempotency
// key. Outside production, with no RESEND_API_KEY, rows are captured for /dev/outbox instead.
import type { ReactElement } from "react";
import { render, toPlainText } from "@react-email/render";
import { Resend } from "resend";
import { prisma, type Tx } from "./db.server";
import { appUrl, env } from "./env.server";
import { STOPPABLE_KINDS, stopLink } from "./unsubscribe.server";

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
  /** Security emails (codes, links) are erased from the outbox once delivered. */
  containsSecret: boolean;
  idempotencyKey: string;
}

export async function queueEmail(tx: Tx, email: QueuedEmail) {
  // Someone who stopped this kind of email gets none; security email (codes, links) always goes.
  const stopped = !email.containsSecret && (await tx.emailSuppression.findUnique({ where: { email_category: { email: email.to.toLowerCase(), category: email.kind } } }));
  return tx.emailOutbox.create({ data: { ...email, organizationId: email.organizationId ?? null, ...(stopped ? { status: "SUPPRESSED" } : {}) } });
}

const MAX_ATTEMPTS = 8;
const LEASE_MS = 2 * 60_000;
const BATCH = 25;

/** 30 s, 1 min, 2 min … capped at 1 hour. */
/**
 * One-click unsubscribe for mail programs (RFC 8058), on the email people may stop; the link is the
 * same signed stop link the email's footer carries. Security email (codes, links) has none.
 */
function listUnsubscribe(row: { kind: string; to: string; containsSecret: boolean }): Record<string, string> | undefined {
  if (row.containsSecret || !(row.kind in STOPPABLE_KINDS)) return undefined;
  return { "List-Unsubscribe": `<${stopLink(appUrl(), row.to, row.kind)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

function resendClient(): Resend | null {
  const key = env().RESEND_API_KEY;
  if (!key) return null;
  return new Resend(key, { baseUrl: process.env.RESEND_BASE_URL || undefined });
}

export interface DeliveryReport {
  sent: number;
  captured: number;
  failed: number;
}

/** Delivers every due PENDING row once. Safe to run concurrently: each row is leased first. */
export async function deliverDueEmails(now = new Date()): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, captured: 0, failed: 0 };
  const due = await prisma.emailOutbox.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: BATCH,
  });
  const client = resendClient();
  for (const row of due) {
    const lease = await prisma.emailOutbox.updateMany({
      where: { id: row.id, status: "PENDING", nextAttemptAt: row.nextAttemptAt },
      data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    });
    if (lease.count === 0) continue;

    if (!client) {
      await prisma.emailOutbox.update({ where: { id: row.id }, data: { status: "CAPTURED", sentAt: now } });
      report.captured++;
      continue;
    }

    const attempts = row.attempts + 1;
    let error: string | null = null;
    let providerId: string | null = null;
    try {
      const result = await client.emails.send(
        { from: env().EMAIL_FROM, to: row.to, subject: row.subject, html: row.html, text: row.text, headers: listUnsubscribe(row) },
        { idempotencyKey: row.idempotencyKey },
      );
      if (result.error) error = `${result.error.name}: ${result.error.message}`;
      else providerId = result.data?.id ?? null;
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message : String(thrown);
    }

    if (error === null) {
      await prisma.emailOutbox.update({
        where: { id: row.id },
        data: {
          status: "SENT",
          attempts,
          sentAt: new Date(),
          providerId,
          lastError: null,
          ...(row.containsSecret ? { html: "(erased after delivery)", text: "(erased after delivery)" } : {}),
        },
      });
      report.sent++;
    } else {
      const giveUp = attempts >= MAX_ATTEMPTS;
      await prisma.emailOutbox.update({
        where: { id: row.id },
        data: {
          ...(giveUp && row.containsSecret ? { html: "(erased: never delivered)", text: "(erased: never delivered)" } : {}),
          status: giveUp ? "FAILED" : "PENDING",
          attempts,
          lastError: error.slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        },
      });
      report.failed++;
      console.error(`[email] delivery of ${row.kind} (${row.id}) failed, attempt ${attempts}: ${error}`);
    }
  }
  return report;
}

let running: Promise<unknown> | null = null;

/** Starts a delivery pass in the background unless one is already running. */
export function kickOutbox(): void {
  if (running) return;
  running = deliverDueEmails()
    .catch((error) => console.error("[email] delivery pass failed", error))
    .finally(() => {
      running = null;
    });
}

let timer: NodeJS.Timeout | null = null;

/** Retries due emails every 15 seconds for the life of the server process. */
export function startOutboxWorker(): void {
  if (timer || process.env.VITEST) return;
  timer = setInterval(kickOutbox, 15_000);
  timer.unref();
}
