// Delivers the outbox. Several sends run at once, each with a timeout, so one stuck call to the
// provider delays nothing else; security email (codes, links, invitations) goes first. Each row is
// leased before it is sent, so any number of passes and instances can run together: at least once
// from us, exactly once at the provider through the row's idempotency key.
import { Resend } from "resend";
import type { EmailOutbox } from "~/generated/prisma/client";
import { prisma } from "./db.server";
import { appUrl, env } from "./env.server";
import { openedBody } from "./sealed.server";
import { STOPPABLE_KINDS, stopLink } from "./unsubscribe.server";
import { recipientWants } from "./email-wanted.server";
import { reminderStillTrue } from "~/models/reminder-still-true.server";

const MAX_ATTEMPTS = 8;
/** Security email retries often, for as long as its code could still be used (about 15 minutes). */
const MAX_SECURITY_ATTEMPTS = 60;
/** A provider call that has not answered by then is abandoned and retried later. */
export const SEND_TIMEOUT_MS = 10_000;
/** Longer than any live send, short enough that a crashed holder delays a row by seconds. */
export const LEASE_MS = 30_000;
const CONCURRENT_SENDS = 4;
/** A pass ends after this many rows, so a flood cannot keep one pass alive forever. */
const MAX_ROWS_PER_PASS = 200;
const PASS_EVERY_MS = 10_000;

export interface DeliveryReport {
  sent: number;
  captured: number;
  failed: number;
}

/**
 * 30 s, 1 min, 2 min … capped at 1 hour; security email 5 s, 10 s, then every 15 s, so a code
 * reaches the provider within seconds of it recovering.
 */
export function retryDelayMs(attempts: number, security = false): number {
  const doublings = 2 ** Math.max(0, attempts - 1);
  return security ? Math.min(5_000 * doublings, 15_000) : Math.min(30_000 * doublings, 3_600_000);
}

function resendClient(): Resend | null {
  const key = env().RESEND_API_KEY;
  if (!key) return null;
  return new Resend(key, { baseUrl: process.env.RESEND_BASE_URL || undefined });
}

/**
 * One-click unsubscribe for mail programs (RFC 8058), on the email people may stop; the link is the
 * same signed stop link the email's footer carries. Security email (codes, links) has none.
 */
function listUnsubscribe(row: { kind: string; to: string; containsSecret: boolean }): Record<string, string> | undefined {
  if (row.containsSecret || !(row.kind in STOPPABLE_KINDS)) return undefined;
  return { "List-Unsubscribe": `<${stopLink(appUrl(), row.to, row.kind)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/** The most urgent due row, leased to this caller; null when nothing is due. */
async function leaseNextDue(now: Date): Promise<EmailOutbox | null> {
  for (let tries = 0; tries < 5; tries++) {
    const row = await prisma.emailOutbox.findFirst({
      where: { status: "PENDING", nextAttemptAt: { lte: now } },
      orderBy: [{ containsSecret: "desc" }, { nextAttemptAt: "asc" }],
    });
    if (!row) return null;
    // Only the caller whose update still sees the row as it was read holds the lease.
    const lease = await prisma.emailOutbox.updateMany({
      where: { id: row.id, status: "PENDING", nextAttemptAt: row.nextAttemptAt },
      data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    });
    if (lease.count === 1) return row;
  }
  return null;
}

async function send(client: Resend, row: EmailOutbox): Promise<{ providerId: string | null; error: string | null }> {
  // A sealed body is opened here, in memory, and never written back.
  const { html, text } = openedBody(row);
  const result = await client.emails.send(
    { from: env().EMAIL_FROM, to: row.to, subject: row.subject, html, text, headers: listUnsubscribe(row) },
    { idempotencyKey: row.idempotencyKey, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
  );
  if (result.error) return { providerId: null, error: `${result.error.name}: ${result.error.message}` };
  return { providerId: result.data?.id ?? null, error: null };
}

// Marks use updateMany: a bare single-row update is the kind of statement that must never be
// folded into another request's transaction (app/utils/sqlite-turns.server.ts).
async function deliverLeased(client: Resend | null, row: EmailOutbox, clock: () => Date, report: DeliveryReport) {
  if (!row.containsSecret && !(await recipientWants(prisma, row.to, row.kind, row.organizationId))) {
    await prisma.emailOutbox.updateMany({ where: { id: row.id }, data: { status: "SUPPRESSED" } });
    return;
  }
  if (!(await reminderStillTrue(row))) {
    await prisma.emailOutbox.updateMany({ where: { id: row.id }, data: { status: "OUTDATED" } });
    return;
  }
  if (!client) {
    await prisma.emailOutbox.updateMany({ where: { id: row.id }, data: { status: "CAPTURED", sentAt: clock() } });
    report.captured++;
    return;
  }
  const attempts = row.attempts + 1;
  const { providerId, error } = await send(client, row).catch((thrown: unknown) => ({
    providerId: null,
    error: thrown instanceof Error ? thrown.message : String(thrown),
  }));
  if (error === null) {
    const erased = row.containsSecret ? { html: "(erased after delivery)", text: "(erased after delivery)" } : {};
    await prisma.emailOutbox.updateMany({
      where: { id: row.id },
      data: { status: "SENT", attempts, sentAt: new Date(), providerId, lastError: null, ...erased },
    });
    report.sent++;
    return;
  }
  const giveUp = attempts >= (row.containsSecret ? MAX_SECURITY_ATTEMPTS : MAX_ATTEMPTS);
  const erased = giveUp && row.containsSecret ? { html: "(erased: never delivered)", text: "(erased: never delivered)" } : {};
  await prisma.emailOutbox.updateMany({
    where: { id: row.id },
    data: {
      ...erased,
      status: giveUp ? "FAILED" : "PENDING",
      attempts,
      lastError: error.slice(0, 500),
      nextAttemptAt: new Date(clock().getTime() + retryDelayMs(attempts, row.containsSecret)),
    },
  });
  report.failed++;
  console.error(`[email] delivery of ${row.kind} (${row.id}) failed, attempt ${attempts}: ${error}`);
}

/**
 * Delivers due rows until none is left (or the pass's bound is reached), several at a time.
 * `at` fixes the clock (tests); by default each row is judged due against the current time.
 */
export async function deliverDueEmails(at?: Date): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, captured: 0, failed: 0 };
  const client = resendClient();
  let budget = MAX_ROWS_PER_PASS;
  const clock = () => at ?? new Date();
  const worker = async () => {
    while (budget-- > 0) {
      const row = await leaseNextDue(clock());
      if (!row) return;
      await deliverLeased(client, row, clock, report);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_SENDS }, worker));
  return report;
}

let running: Promise<unknown> | null = null;
let kickedWhileRunning = false;

/** Starts a delivery pass in the background; a kick during a pass runs another right after it. */
export function kickOutbox(): void {
  if (running) {
    kickedWhileRunning = true;
    return;
  }
  kickedWhileRunning = false;
  running = deliverDueEmails()
    .catch((error) => console.error("[email] delivery pass failed", error))
    .finally(() => {
      running = null;
      if (kickedWhileRunning) kickOutbox();
    });
}

let timer: NodeJS.Timeout | null = null;

/** A pass at startup (email in flight at a crash goes out once its lease ends), then every 10 s. */
export function startOutboxWorker(): void {
  if (timer || process.env.VITEST) return;
  kickOutbox();
  timer = setInterval(kickOutbox, PASS_EVERY_MS);
  timer.unref();
}
