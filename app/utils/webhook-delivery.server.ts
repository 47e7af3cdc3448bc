// Delivers webhook events. Each delivery row is leased before it is sent, exactly like the email
// outbox (app/utils/outbox-delivery.server.ts), so any number of passes and instances can run
// together: a delivered row is never sent again, and a crash mid-send only delays the row until its
// lease ends, then it is tried again (receivers drop repeats by the webhook-id header).
import type { WebhookDelivery, WebhookEndpoint, WebhookEvent } from "~/generated/prisma/client";
import { slackMessage, teamsMessage } from "~/domain/webhook-messages";
import type { WebhookBody } from "~/domain/webhook-events";
import { pauseFailingEndpoint } from "~/models/webhook-pause.server";
import { prisma } from "./db.server";
import { postChecked, type SendResult } from "./webhook-destination.server";
import { signatureHeaders, signingSecretOf } from "./webhook-signing.server";

/** A try (name resolution, connection, answer) not done by then is abandoned and counts as failed. */
export const SEND_TIMEOUT_MS = 10_000;
/** Longer than any live send, short enough that a crashed holder delays a row by seconds. */
export const LEASE_MS = 30_000;
/** 8 tries over about an hour (30 s, 1, 2, 4, 8, 16, 32 min), then the delivery is given up. */
export const MAX_ATTEMPTS = 8;
const CONCURRENT_SENDS = 4;
const MAX_ROWS_PER_PASS = 200;
const PASS_EVERY_MS = 5_000;

export interface WebhookReport {
  delivered: number;
  failed: number;
}

type LeasedDelivery = WebhookDelivery & { event: WebhookEvent; endpoint: WebhookEndpoint; leasedUntil: Date };

export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

async function leaseNextDue(now: Date): Promise<LeasedDelivery | null> {
  for (let tries = 0; tries < 5; tries++) {
    const row = await prisma.webhookDelivery.findFirst({
      where: { status: "PENDING", nextAttemptAt: { lte: now } },
      orderBy: { nextAttemptAt: "asc" },
      include: { event: true, endpoint: true },
    });
    if (!row) return null;
    // Only the caller whose update still sees the row as it was read holds the lease.
    const leasedUntil = new Date(now.getTime() + LEASE_MS);
    const lease = await prisma.webhookDelivery.updateMany({
      where: { id: row.id, status: "PENDING", nextAttemptAt: row.nextAttemptAt },
      data: { nextAttemptAt: leasedUntil },
    });
    if (lease.count === 1) return { ...row, leasedUntil };
  }
  return null;
}

/** The request an endpoint receives: the signed JSON body, or a chat message made from it. */
export async function requestFor(endpoint: WebhookEndpoint, event: WebhookEvent, now: Date): Promise<{ body: string; headers: Record<string, string> }> {
  const json = { "content-type": "application/json", "user-agent": "Mutual-Webhooks/1" };
  if (endpoint.kind === "SLACK" || endpoint.kind === "TEAMS") {
    const body = JSON.parse(event.payload) as WebhookBody;
    return { body: JSON.stringify(endpoint.kind === "SLACK" ? slackMessage(body) : teamsMessage(body)), headers: json };
  }
  const secret = await signingSecretOf(endpoint);
  return { body: event.payload, headers: { ...json, ...signatureHeaders(secret, event.id, Math.floor(now.getTime() / 1000), event.payload) } };
}

/** One try: the receiver's status code, or why there was none. */
async function post(row: LeasedDelivery, now: Date): Promise<SendResult> {
  let request: { body: string; headers: Record<string, string> };
  try {
    request = await requestFor(row.endpoint, row.event, now);
  } catch (thrown) {
    return { statusCode: null, error: thrown instanceof Error ? thrown.message : String(thrown) };
  }
  return postChecked(row.endpoint.url, request.body, request.headers, SEND_TIMEOUT_MS);
}

/** A delivery or endpoint deleted while its try was on the wire: nothing is left to record. */
function gone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P2003" || code === "P2025";
}

// Marks use updateMany: a bare single-row update must never be folded into another request's
// transaction (app/utils/sqlite-turns.server.ts). Each is conditional on the lease this worker
// took (status and nextAttemptAt as it left them), so a Re-send or a pause meanwhile wins.
async function deliverLeased(row: LeasedDelivery, clock: () => Date, report: WebhookReport) {
  const leased = { id: row.id, status: "PENDING" as const, nextAttemptAt: row.leasedUntil };
  if (row.endpoint.status !== "ACTIVE") {
    await prisma.webhookDelivery.updateMany({ where: leased, data: { status: "HELD" } });
    return;
  }
  const started = Date.now();
  const { statusCode, error } = await post(row, clock());
  const attempts = row.attempts + 1;
  try {
    await prisma.webhookAttempt.create({
      data: { deliveryId: row.id, at: clock(), statusCode, error: error?.slice(0, 500) ?? null, durationMs: Date.now() - started },
    });
  } catch (thrown) {
    if (gone(thrown)) return;
    throw thrown;
  }
  if (error === null) {
    await prisma.webhookDelivery.updateMany({
      where: leased,
      data: { status: "DELIVERED", attempts, lastStatusCode: statusCode, lastError: null, deliveredAt: clock() },
    });
    await prisma.webhookEndpoint.updateMany({ where: { id: row.endpointId, consecutiveFailures: { gt: 0 } }, data: { consecutiveFailures: 0 } });
    report.delivered++;
    return;
  }
  await prisma.webhookEndpoint.updateMany({ where: { id: row.endpointId }, data: { consecutiveFailures: { increment: 1 } } });
  const giveUp = attempts >= MAX_ATTEMPTS;
  const failures = giveUp ? await failuresInARow(row.endpointId) : 0;
  // The give-up that pauses the endpoint keeps its delivery with the others it holds, so resuming sends it.
  const pauses = failures >= MAX_ATTEMPTS;
  await prisma.webhookDelivery.updateMany({
    where: leased,
    data: {
      status: pauses ? "HELD" : giveUp ? "FAILED" : "PENDING",
      attempts,
      lastStatusCode: statusCode,
      lastError: error.slice(0, 500),
      nextAttemptAt: new Date(clock().getTime() + webhookRetryDelayMs(attempts)),
    },
  });
  report.failed++;
  console.error(`[webhooks] delivery ${row.id} of ${row.event.type} failed, attempt ${attempts}: ${error}`);
  if (pauses) await pauseFailingEndpoint(row.endpointId, failures, clock());
}

/**
 * A delivery given up after about an hour of tries, with no success to the endpoint since it
 * began (its failures in a row are at least the tries), means the endpoint is down, not one event.
 */
async function failuresInARow(endpointId: string): Promise<number> {
  const endpoint = await prisma.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { consecutiveFailures: true } });
  return endpoint?.consecutiveFailures ?? 0;
}

/** Delivers due rows until none is left (or the pass's bound is reached); `at` fixes the clock (tests). */
export async function deliverDueWebhooks(at?: Date): Promise<WebhookReport> {
  const report: WebhookReport = { delivered: 0, failed: 0 };
  let budget = MAX_ROWS_PER_PASS;
  const clock = () => at ?? new Date();
  const worker = async () => {
    while (budget-- > 0) {
      const row = await leaseNextDue(clock());
      if (!row) return;
      try {
        await deliverLeased(row, clock, report);
      } catch (error) {
        // The row keeps its lease and goes again once it ends; the pass goes on with the others.
        console.error(`[webhooks] delivery ${row.id} could not be recorded`, error);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_SENDS }, worker));
  return report;
}

let running: Promise<unknown> | null = null;

/** Starts a pass in the background unless one is running. */
export function kickWebhooks(): void {
  if (running) return;
  running = deliverDueWebhooks()
    .catch((error) => console.error("[webhooks] delivery pass failed", error))
    .finally(() => {
      running = null;
    });
}

let timer: NodeJS.Timeout | null = null;

/** Whether this process runs the webhook loop (the server does; `npm run jobs` does not). */
export function webhookWorkerRunning(): boolean {
  return timer !== null;
}

/** A pass at startup (a delivery in flight at a crash goes again once its lease ends), then every 5 s. */
export function startWebhookWorker(): void {
  if (timer || process.env.VITEST) return;
  kickWebhooks();
  timer = setInterval(kickWebhooks, PASS_EVERY_MS);
  timer.unref();
}
