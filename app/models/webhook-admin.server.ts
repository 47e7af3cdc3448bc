// Webhook endpoints, for the organization's admins: register, change events, pause and resume,
// replace the signing secret, delete. Every query is scoped by the admin's organization, so another
// organization's endpoint is "not found". The signing secret leaves here once, to be shown once.
import { prisma, type Tx } from "~/utils/db.server";
import { FieldError, NotFoundError, VersionConflictError } from "~/utils/http.server";
import { endpointUrlProblem } from "~/utils/webhook-destination.server";
import { newSigningSecret, sealSigningSecret } from "~/utils/webhook-signing.server";
import { storedEvents, subscribedEvents, type WebhookKind } from "~/domain/webhook-events";
import type { EndpointEventsInput, NewEndpointInput } from "~/forms/webhooks";
import type { AuditAction } from "./audit.types";
import { assertAdmin, type SellerActor } from "./actor.server";
import { recordAuditEvent } from "./audit.server";

function audit(tx: Tx, admin: SellerActor, action: AuditAction, endpointId: string, detail?: Record<string, string | number>) {
  return recordAuditEvent(tx, {
    organizationId: admin.organizationId,
    action,
    actor: { email: admin.email, userId: admin.userId },
    subject: { type: "WEBHOOK", id: endpointId },
    detail,
  });
}

/**
 * The endpoint, if it belongs to the admin's organization; otherwise NotFoundError, whoever owns it.
 * Anyone but an admin is refused first: every action on one endpoint starts here.
 */
export async function ownEndpoint(db: Tx | typeof prisma, admin: SellerActor, endpointId: string) {
  assertAdmin(admin);
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, organizationId: admin.organizationId } });
  if (!endpoint) throw new NotFoundError();
  return endpoint;
}

export interface EndpointSummary {
  id: string;
  url: string;
  kind: WebhookKind;
  description: string;
  events: string[];
  status: "ACTIVE" | "PAUSED";
  pausedAt: string | null;
  waiting: number;
  failed: number;
}

export async function listEndpoints(admin: SellerActor): Promise<EndpointSummary[]> {
  assertAdmin(admin);
  const endpoints = await prisma.webhookEndpoint.findMany({ where: { organizationId: admin.organizationId }, orderBy: { createdAt: "asc" } });
  const counts = await prisma.webhookDelivery.groupBy({
    by: ["endpointId", "status"],
    where: { organizationId: admin.organizationId, status: { in: ["PENDING", "HELD", "FAILED"] } },
    _count: { _all: true },
  });
  const count = (endpointId: string, statuses: string[]) =>
    counts.filter((c) => c.endpointId === endpointId && statuses.includes(c.status)).reduce((sum, c) => sum + c._count._all, 0);
  return endpoints.map((endpoint) => ({
    id: endpoint.id,
    url: endpoint.url,
    kind: endpoint.kind as WebhookKind,
    description: endpoint.description,
    events: subscribedEvents(endpoint.events),
    status: endpoint.status === "PAUSED" ? "PAUSED" : "ACTIVE",
    pausedAt: endpoint.pausedAt?.toISOString() ?? null,
    waiting: count(endpoint.id, ["PENDING", "HELD"]),
    failed: count(endpoint.id, ["FAILED"]),
  }));
}

/** Registers an endpoint; returns it with its signing secret, which is never readable again. */
export async function createEndpoint(admin: SellerActor, input: NewEndpointInput) {
  assertAdmin(admin);
  const problem = endpointUrlProblem(input.url);
  if (problem) throw new FieldError("url", problem);
  const secret = newSigningSecret();
  const endpoint = await prisma.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: {
        organizationId: admin.organizationId,
        url: input.url,
        kind: input.kind,
        description: input.description,
        events: storedEvents(input.events),
        secretSealed: sealSigningSecret(secret, admin.organizationId),
      },
    });
    await audit(tx, admin, "webhook.created", created.id, { host: new URL(input.url).host, events: input.events.length });
    return created;
  });
  return { endpoint, secret };
}

export async function updateEndpointEvents(admin: SellerActor, endpointId: string, input: EndpointEventsInput) {
  await prisma.$transaction(async (tx) => {
    await ownEndpoint(tx, admin, endpointId);
    const saved = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, organizationId: admin.organizationId, version: input.version },
      data: { events: storedEvents(input.events), description: input.description, version: { increment: 1 } },
    });
    if (saved.count === 0) {
      const current = await ownEndpoint(tx, admin, endpointId);
      throw new VersionConflictError({ description: current.description, events: subscribedEvents(current.events), version: current.version });
    }
    await audit(tx, admin, "webhook.updated", endpointId, { events: input.events.length });
  });
}

/** A new secret replaces the old one at once; returns it to be shown once. */
export async function rollEndpointSecret(admin: SellerActor, endpointId: string) {
  const secret = newSigningSecret();
  await prisma.$transaction(async (tx) => {
    await ownEndpoint(tx, admin, endpointId);
    await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, organizationId: admin.organizationId },
      data: { secretSealed: sealSigningSecret(secret, admin.organizationId), version: { increment: 1 } },
    });
    await audit(tx, admin, "webhook.secret_rolled", endpointId);
  });
  return secret;
}

/** Paused by hand: new events and waiting deliveries are held until it is resumed. */
export async function pauseEndpoint(admin: SellerActor, endpointId: string, now = new Date()) {
  await prisma.$transaction(async (tx) => {
    await ownEndpoint(tx, admin, endpointId);
    const paused = await tx.webhookEndpoint.updateMany({ where: { id: endpointId, status: "ACTIVE" }, data: { status: "PAUSED", pausedAt: now } });
    if (paused.count === 0) return;
    await tx.webhookDelivery.updateMany({ where: { endpointId, status: "PENDING" }, data: { status: "HELD" } });
    await audit(tx, admin, "webhook.paused", endpointId);
  });
}

/** Sends what was held, from now, with a fresh count of failures. */
export async function resumeEndpoint(admin: SellerActor, endpointId: string, now = new Date()) {
  await prisma.$transaction(async (tx) => {
    await ownEndpoint(tx, admin, endpointId);
    const resumed = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, status: "PAUSED" },
      data: { status: "ACTIVE", pausedAt: null, consecutiveFailures: 0 },
    });
    if (resumed.count === 0) return;
    await tx.webhookDelivery.updateMany({ where: { endpointId, status: "HELD" }, data: { status: "PENDING", attempts: 0, nextAttemptAt: now } });
    await audit(tx, admin, "webhook.resumed", endpointId);
  });
}

export async function deleteEndpoint(admin: SellerActor, endpointId: string) {
  await prisma.$transaction(async (tx) => {
    const endpoint = await ownEndpoint(tx, admin, endpointId);
    await tx.webhookEndpoint.deleteMany({ where: { id: endpointId, organizationId: admin.organizationId } });
    await audit(tx, admin, "webhook.deleted", endpointId, { host: new URL(endpoint.url).host });
  });
}
