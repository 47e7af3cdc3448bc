// Settings → Webhooks: admins only (a rep or manager gets 403 and changes nothing), another
// organization's endpoint or delivery is 404 for every loader and action, bad input is 400 with
// field errors, and every successful post is a 303. Re-send from the log sends the event again.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { auditActionLabel, describeAuditDetail } from "~/components/settings/audit-words";
import * as list from "~/routes/_seller.settings.webhooks";
import * as detail from "~/routes/_seller.settings.webhooks_.$endpointId";
import { deliverDueWebhooks } from "~/utils/webhook-delivery.server";
import { ForbiddenError } from "~/utils/http.server";
import { listEndpoints, pauseEndpoint } from "~/models/webhook-admin.server";
import { callLoader } from "../fixtures/routes";
import { milestoneForm, post, sellerPost, type Form } from "../fixtures/buyers";
import { actorFor, cookieFor, createTenant, type Tenant } from "../fixtures/world";
import { registerEndpoint, startReceiver } from "../fixtures/webhooks";

let A: Tenant;
let B: Tenant;
const cookies: Record<string, string> = {};
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  A = await createTenant("Hook settings A");
  B = await createTenant("Hook settings B");
  for (const [name, id] of [
    ["adminA", A.admin.id],
    ["adminB", B.admin.id],
    ["rep", A.rep.id],
    ["manager", A.manager.id],
  ]) {
    cookies[name] = await cookieFor(id);
  }
  receiver = await startReceiver(() => 200);
  return () => receiver.close();
});
beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
});

const postList = (cookie: string, form: Form) => post(list.action, { path: "/settings/webhooks", cookie, form });
const postDetail = (cookie: string, endpointId: string, form: Form) =>
  post(detail.action, { path: `/settings/webhooks/${endpointId}`, params: { endpointId }, cookie, form });
const loadDetail = (cookie: string, endpointId: string) =>
  callLoader(detail.loader, { path: `/settings/webhooks/${endpointId}`, params: { endpointId }, cookie });
// The seller's own steps: one counts as completed as soon as the seller marks it done.
const sellerStep = (plan: Tenant["repDeal"]) => plan.milestones.find((m) => m.ownerSide === "SELLER")!;
const errors = (body: unknown) => (body as { result: { error: Record<string, string[]> } }).result.error;

async function snapshot(organizationId: string) {
  const [endpoints, deliveries] = await Promise.all([
    prisma.webhookEndpoint.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    prisma.webhookDelivery.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ endpoints, deliveries });
}

const INTENTS: Form[] = [
  { intent: "update-events", events: ["plan.shared"], description: "x", version: 1 },
  { intent: "pause" },
  { intent: "resume" },
  { intent: "send-test" },
  { intent: "roll-secret" },
  { intent: "delete" },
];

describe("settings → webhooks", () => {
  it("registers an endpoint with a 303, shows its secret once, and refuses bad input with field errors", async () => {
    const bad = await postList(cookies.adminA, { intent: "create-endpoint", url: "ftp://example.test/x", kind: "STANDARD", description: "" });
    expect(bad.status).toBe(400);
    expect(errors(bad.body)).toMatchObject({ events: ["Choose at least one event"] });
    const badUrl = await postList(cookies.adminA, { intent: "create-endpoint", url: "ftp://example.test/x", kind: "STANDARD", events: ["plan.shared"] });
    expect(badUrl.status).toBe(400);
    expect(errors(badUrl.body)).toEqual({ url: ["The address must start with https:// or http://"] });
    expect(await prisma.webhookEndpoint.count({ where: { organizationId: A.organization.id } })).toBe(0);

    const made = await postList(cookies.adminA, { intent: "create-endpoint", url: receiver.url, kind: "STANDARD", events: ["plan.shared", "step.completed"] });
    expect(made.status).toBe(303);
    const endpoint = await prisma.webhookEndpoint.findFirstOrThrow({ where: { organizationId: A.organization.id } });
    expect(endpoint.events).toBe("step.completed plan.shared");
    const created = await prisma.auditEvent.findFirstOrThrow({ where: { action: "webhook.created", subjectId: endpoint.id } });
    expect(describeAuditDetail(JSON.parse(created.detail!))).toContain(`Sends to ${new URL(receiver.url).host}`);
    const shownOnce = made.headers
      .get("Set-Cookie")!
      .split(", ")
      .find((c) => c.startsWith("mutual_shown_once="))!
      .split(";")[0];
    const page = await loadDetail(`${cookies.adminA}; ${shownOnce}`, endpoint.id);
    expect((page.body as { secret: string }).secret).toMatch(/^whsec_/);
    expect(page.headers.get("Cache-Control")).toBe("private, no-store");
    expect(new Headers(detail.headers({ loaderHeaders: page.headers } as never)).get("Cache-Control")).toBe("private, no-store");
    expect(((await loadDetail(cookies.adminA, endpoint.id)).body as { secret: string | null }).secret).toBeNull();
    expect((await callLoader(list.loader, { path: "/settings/webhooks", cookie: cookies.adminA })).status).toBe(200);

    for (const form of INTENTS.slice(0, 5)) expect((await postDetail(cookies.adminA, endpoint.id, form)).status).toBe(303);
    const paused = await prisma.auditEvent.findFirstOrThrow({ where: { action: "webhook.paused", subjectId: endpoint.id } });
    expect(auditActionLabel(paused.action)).toBe("Webhook paused");
    const noEvents = await postDetail(cookies.adminA, endpoint.id, { intent: "update-events", description: "", version: 1 });
    expect(noEvents.status).toBe(400);

    // A form read before someone else saved: 409 with the stored events, nothing changed.
    const stale = await postDetail(cookies.adminA, endpoint.id, { intent: "update-events", events: ["deal.stage_changed"], description: "late", version: 1 });
    expect(stale.status).toBe(409);
    const stored = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(stored).toMatchObject({ events: "plan.shared", description: "x" });
    expect((stale.body as { conflict: { current: { events: string[] } } }).conflict.current.events).toEqual(["plan.shared"]);
    const fresh = { intent: "update-events", events: ["deal.stage_changed"], description: "now", version: stored.version };
    expect((await postDetail(cookies.adminA, endpoint.id, fresh)).status).toBe(303);
  });

  it("is for admins only: a rep or manager gets 403 on every loader and action and nothing changes", async () => {
    const { endpoint } = await registerEndpoint(await actorFor(A.admin.id), receiver.url);
    const before = await snapshot(A.organization.id);
    for (const who of ["rep", "manager"]) {
      expect((await callLoader(list.loader, { path: "/settings/webhooks", cookie: cookies[who] })).status).toBe(403);
      expect((await loadDetail(cookies[who], endpoint.id)).status).toBe(403);
      expect((await postList(cookies[who], { intent: "create-endpoint", url: receiver.url, kind: "STANDARD", events: ["plan.shared"] })).status).toBe(403);
      for (const form of [...INTENTS, { intent: "resend", deliveryId: "x" }]) expect((await postDetail(cookies[who], endpoint.id, form)).status).toBe(403);
    }
    expect(await snapshot(A.organization.id)).toBe(before);
  });

  it("refuses a manager in the model layer too, whatever route calls it", async () => {
    const { endpoint } = await registerEndpoint(await actorFor(A.admin.id), receiver.url);
    const manager = await actorFor(A.manager.id);
    const before = await snapshot(A.organization.id);
    await expect(listEndpoints(manager)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(registerEndpoint(manager, receiver.url)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(pauseEndpoint(manager, endpoint.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot(A.organization.id)).toBe(before);
  });

  it("answers 404 to another organization's admin for every loader and action, and changes nothing", async () => {
    const { endpoint } = await registerEndpoint(await actorFor(A.admin.id), receiver.url, ["step.completed"]);
    await sellerPost(A.repDeal.deal.id, await milestoneForm(sellerStep(A.repDeal).id, { status: "DONE" }));
    const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    const before = await snapshot(A.organization.id);
    expect((await loadDetail(cookies.adminB, endpoint.id)).status).toBe(404);
    expect((await loadDetail(cookies.adminB, "no-such-endpoint")).status).toBe(404);
    for (const form of [...INTENTS, { intent: "resend", deliveryId: delivery.id }])
      expect((await postDetail(cookies.adminB, endpoint.id, form)).status).toBe(404);
    // A's delivery through B's own endpoint page is not found either.
    const { endpoint: own } = await registerEndpoint(await actorFor(B.admin.id), receiver.url);
    expect((await postDetail(cookies.adminB, own.id, { intent: "resend", deliveryId: delivery.id })).status).toBe(404);
    expect(await snapshot(A.organization.id)).toBe(before);
    expect(await prisma.auditEvent.count({ where: { organizationId: B.organization.id, subjectId: endpoint.id } })).toBe(0);
  });

  it("re-sends a delivered event from the log, with the same webhook-id", async () => {
    await prisma.webhookEndpoint.deleteMany({ where: { organizationId: A.organization.id } });
    const { endpoint } = await registerEndpoint(await actorFor(A.admin.id), receiver.url, ["step.completed"]);
    await sellerPost(A.otherRepDeal.deal.id, await milestoneForm(sellerStep(A.otherRepDeal).id, { status: "DONE" }));
    await deliverDueWebhooks();
    const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(delivery.status).toBe("DELIVERED");
    const log = (await loadDetail(cookies.adminA, endpoint.id)).body as { deliveries: Array<{ id: string; status: string }> };
    expect(log.deliveries.map((d) => [d.id, d.status])).toEqual([[delivery.id, "DELIVERED"]]);

    const resent = await postDetail(cookies.adminA, endpoint.id, { intent: "resend", deliveryId: delivery.id });
    expect(resent.status).toBe(303);
    await deliverDueWebhooks();
    expect(receiver.received.filter((r) => r.headers["webhook-id"] === delivery.eventId)).toHaveLength(2);
    expect(await prisma.webhookAttempt.count({ where: { deliveryId: delivery.id } })).toBe(2);
    expect((await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status).toBe("DELIVERED");
  });

  it("leaves a delivery being sent right now to that try, and re-queues as due one on a paused endpoint", async () => {
    const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { organizationId: A.organization.id, status: "DELIVERED" } });
    const leasedUntil = new Date(Date.now() + 20_000);
    await prisma.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "PENDING", attempts: 1, nextAttemptAt: leasedUntil } });
    const refused = await postDetail(cookies.adminA, delivery.endpointId, { intent: "resend", deliveryId: delivery.id });
    expect(refused.status).toBe(303);
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ attempts: 1, nextAttemptAt: leasedUntil });

    await prisma.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "FAILED" } });
    expect((await postDetail(cookies.adminA, delivery.endpointId, { intent: "pause" })).status).toBe(303);
    expect((await postDetail(cookies.adminA, delivery.endpointId, { intent: "resend", deliveryId: delivery.id })).status).toBe(303);
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "PENDING", attempts: 0 });
  });
});
