// The demo's webhooks: Northwind sends plan events to its CRM (a signed endpoint) and to a Slack
// channel, with a few days of deliveries: delivered at once, delivered after a 500, waiting for its
// next try, and given up (held rows need a paused endpoint, which the demo has not). The addresses end in
// .invalid, so a development server's delivery loop never reaches anyone.
import type { SeedOrg } from "./seed-kit";

const CRM = "https://crm.northwind.invalid/mutual/webhooks";
const SLACK = "https://hooks.slack.invalid/services/T000/B000/demo";

export async function seedWebhooks(org: SeedOrg) {
  const { prisma } = await import("~/utils/db.server");
  const { recordEventFor } = await import("~/models/webhook-events.server");
  const { newSigningSecret, sealSigningSecret } = await import("~/utils/webhook-signing.server");
  const { storedEvents, subscribedEvents, WEBHOOK_EVENT_TYPES } = await import("~/domain/webhook-events");

  const endpoint = (url: string, kind: string, description: string, events: readonly string[]) =>
    prisma.webhookEndpoint.create({
      data: {
        organizationId: org.id,
        url,
        kind,
        description,
        events: storedEvents(events),
        secretSealed: sealSigningSecret(newSigningSecret(), org.id),
        createdAt: org.at(-20),
      },
    });
  const crm = await endpoint(CRM, "STANDARD", "CRM sync", WEBHOOK_EVENT_TYPES);
  await endpoint(SLACK, "SLACK", "#deals channel", ["plan.accepted", "deal.health_changed", "deal.stage_changed"]);

  const deals = await prisma.deal.findMany({
    where: { organizationId: org.id },
    include: { plan: { include: { milestones: true } } },
    orderBy: { createdAt: "asc" },
  });
  const withSteps = deals.filter((d) => d.plan && d.plan.milestones.length > 0);
  const targets = [{ id: crm.id, status: "ACTIVE", events: crm.events, types: subscribedEvents(crm.events) }];
  // [type, days ago, outcome]: delivered first time, delivered after a 500, still retrying, given up.
  const story = [
    ["step.completed", -3, "delivered"],
    ["plan.shared", -2, "delivered"],
    ["deal.stage_changed", -2, "retried"],
    ["step.redated", -1, "delivered"],
    ["deal.health_changed", 0, "failed"],
    ["plan.accepted", 0, "waiting"],
  ] as const;
  for (const [i, [type, offset, outcome]] of story.entries()) {
    const deal = withSteps[i % withSteps.length];
    const step = deal.plan!.milestones[0];
    const at = org.at(offset, 11, 5 * i);
    const event = await prisma.$transaction((tx) =>
      recordEventFor(tx, targets, {
        organizationId: org.id,
        dealId: deal.id,
        type,
        planId: deal.plan!.id,
        stepId: type.startsWith("step.") ? step.id : null,
        before: type === "deal.stage_changed" ? { stage: deal.stage - 1 } : type === "deal.health_changed" ? { healthLabel: "HEALTHY" } : null,
        after: type === "deal.stage_changed" ? { stage: deal.stage } : type === "deal.health_changed" ? { healthLabel: "AT_RISK" } : null,
        at,
      }),
    );
    const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { eventId: event!.id } });
    const codes =
      outcome === "delivered" ? [200] : outcome === "retried" ? [500, 200] : outcome === "waiting" ? [502] : [500, 502, 504, 500, 500, 503, 500, 500];
    for (const [n, code] of codes.entries()) {
      await prisma.webhookAttempt.create({
        data: {
          deliveryId: delivery.id,
          at: new Date(at.getTime() + n * 60_000),
          statusCode: code,
          durationMs: 120 + 37 * n,
          error: code === 200 ? null : `The receiver answered ${code}`,
        },
      });
    }
    const last = codes.at(-1)!;
    await prisma.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        status: last === 200 ? "DELIVERED" : outcome === "waiting" ? "PENDING" : "FAILED",
        attempts: codes.length,
        // The next try of the waiting one is a day ahead, so the demo log keeps showing it waiting.
        nextAttemptAt: outcome === "waiting" ? org.at(1, 11) : at,
        lastStatusCode: last,
        lastError: last === 200 ? null : `The receiver answered ${last}`,
        deliveredAt: last === 200 ? new Date(at.getTime() + (codes.length - 1) * 60_000) : null,
      },
    });
  }
}
