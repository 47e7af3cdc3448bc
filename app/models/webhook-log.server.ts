// An endpoint's delivery log for its admins, a test event, re-sending one delivery, and the daily
// pass that forgets old ones. Scoped by the admin's organization and by the endpoint: a delivery
// of another endpoint is "not found".
import { dailyPass } from "~/utils/daily-pass.server";
import { prisma } from "~/utils/db.server";
import type { JobPass } from "~/utils/job-pass";
import { appUrl } from "~/utils/env.server";
import { NotFoundError } from "~/utils/http.server";
import { LEASE_MS } from "~/utils/webhook-delivery.server";
import type { WebhookBody } from "~/domain/webhook-events";
import type { SellerActor } from "./actor.server";
import { ownEndpoint } from "./webhook-admin.server";

const LOG_SIZE = 50;

export interface DeliveryLine {
  id: string;
  eventType: string;
  status: "PENDING" | "DELIVERED" | "FAILED" | "HELD";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string;
}

/** The endpoint and its latest deliveries, newest first. */
export async function endpointLog(admin: SellerActor, endpointId: string) {
  const endpoint = await ownEndpoint(prisma, admin, endpointId);
  const deliveries = await prisma.webhookDelivery.findMany({
    where: { endpointId, organizationId: admin.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LOG_SIZE,
    include: { event: { select: { type: true } } },
  });
  const lines: DeliveryLine[] = deliveries.map((d) => ({
    id: d.id,
    eventType: d.event.type,
    status: d.status as DeliveryLine["status"],
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: d.nextAttemptAt.toISOString(),
  }));
  return { endpoint, deliveries: lines };
}

/**
 * Sends the delivery again from the first try, as PENDING: the sender holds it while the endpoint
 * is paused. A delivery being sent right now (leased) is left to that try: false, nothing changed.
 */
export async function resendDelivery(admin: SellerActor, endpointId: string, deliveryId: string, now = new Date()) {
  await ownEndpoint(prisma, admin, endpointId);
  const where = { id: deliveryId, endpointId, organizationId: admin.organizationId };
  const leased = { status: "PENDING", nextAttemptAt: { gt: now, lte: new Date(now.getTime() + LEASE_MS) } };
  const requeued = await prisma.webhookDelivery.updateMany({
    where: { ...where, NOT: leased },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: now, deliveredAt: null },
  });
  if (requeued.count === 1) return true;
  if ((await prisma.webhookDelivery.count({ where })) === 0) throw new NotFoundError();
  return false;
}

/** A test event for this endpoint only, whatever it subscribes to; it touches no deal. */
export async function sendTestEvent(admin: SellerActor, endpointId: string, now = new Date()) {
  await prisma.$transaction(async (tx) => {
    const endpoint = await ownEndpoint(tx, admin, endpointId);
    const body: WebhookBody = {
      type: "webhook.test",
      timestamp: now.toISOString(),
      data: { deal: null, before: null, after: { sentBy: admin.name, settings: `${appUrl()}/settings/webhooks/${endpoint.id}` } },
    };
    const event = await tx.webhookEvent.create({
      data: { organizationId: admin.organizationId, type: body.type, dealId: null, payload: JSON.stringify(body), createdAt: now },
    });
    await tx.webhookDelivery.create({
      data: {
        eventId: event.id,
        endpointId,
        organizationId: admin.organizationId,
        status: "PENDING",
        nextAttemptAt: now,
      },
    });
  });
}

/** How long a delivered or given-up event stays in the log, with its tries. */
export const WEBHOOK_RETENTION_DAYS = 30;

/**
 * Once a day: events older than the retention whose every delivery is over (delivered, or given
 * up) are deleted, their deliveries and tries with them. A delivery still to be sent, or held by a
 * paused endpoint, keeps its event however old it is: Resume sends it.
 */
const pruneWebhookLog = dailyPass("webhook-log-prune", async (now) => {
  const { count } = await prisma.webhookEvent.deleteMany({
    where: {
      createdAt: { lt: new Date(now.getTime() - WEBHOOK_RETENTION_DAYS * 86_400_000) },
      deliveries: { none: { status: { in: ["PENDING", "HELD"] } } },
    },
  });
  return `${count} webhook events older than ${WEBHOOK_RETENTION_DAYS} days deleted, with their deliveries`;
});

export const webhookLogJobs: JobPass[] = [pruneWebhookLog];
