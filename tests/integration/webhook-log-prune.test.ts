// The webhook log forgets old events once a day (app/models/webhook-log.server.ts): an event older
// than 30 days whose deliveries are all over goes, with its deliveries and tries; one still to be
// sent, or held by a paused endpoint, stays however old it is.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { WEBHOOK_RETENTION_DAYS, webhookLogJobs } from "~/models/webhook-log.server";
import { actorFor, createTenant } from "../fixtures/world";
import { registerEndpoint } from "../fixtures/webhooks";

const DAY_MS = 86_400_000;
const prune = webhookLogJobs.find((job) => job.name === "webhook-log-prune")!;

describe("the webhook log's daily pass", () => {
  it("deletes finished events past the retention with their deliveries and tries, and keeps the rest", async () => {
    const tenant = await createTenant("Forgetful");
    const { endpoint } = await registerEndpoint(await actorFor(tenant.admin.id), "https://crm.example.test/hooks", ["step.completed"]);
    const now = new Date("2027-03-01T12:00:00Z");
    const old = new Date(now.getTime() - (WEBHOOK_RETENTION_DAYS + 1) * DAY_MS);
    const recent = new Date(now.getTime() - (WEBHOOK_RETENTION_DAYS - 1) * DAY_MS);
    const eventWith = async (createdAt: Date, status: string) => {
      const event = await prisma.webhookEvent.create({ data: { organizationId: tenant.organization.id, type: "step.completed", payload: "{}", createdAt } });
      const delivery = await prisma.webhookDelivery.create({
        data: { eventId: event.id, endpointId: endpoint.id, organizationId: tenant.organization.id, status, createdAt },
      });
      await prisma.webhookAttempt.create({ data: { deliveryId: delivery.id, at: createdAt, durationMs: 12, statusCode: 200 } });
      return event.id;
    };
    const gone = [await eventWith(old, "DELIVERED"), await eventWith(old, "FAILED")];
    const kept = [await eventWith(old, "PENDING"), await eventWith(old, "HELD"), await eventWith(recent, "DELIVERED")];
    await prisma.notificationCursor.deleteMany({ where: { key: prune.name } });

    expect(await prune.run(now)).toMatch(/^2 webhook events older than 30 days deleted/);
    const left = await prisma.webhookEvent.findMany({ where: { id: { in: [...gone, ...kept] } }, select: { id: true } });
    expect(left.map((event) => event.id).sort()).toEqual([...kept].sort());
    expect(await prisma.webhookDelivery.count({ where: { eventId: { in: gone } } })).toBe(0);
    expect(await prisma.webhookAttempt.count({ where: { delivery: { eventId: { in: kept } } } })).toBe(3);
    expect(await prisma.webhookAttempt.count({ where: { delivery: { endpointId: endpoint.id } } })).toBe(3);

    // Once a day at most.
    expect(await prune.run(new Date(now.getTime() + 3_600_000))).toBe("already done today");
  });
});
