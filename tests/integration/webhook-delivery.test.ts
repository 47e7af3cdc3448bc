// Delivery behaviour against a local receiver: retries with backoff, giving up after the last try,
// pausing an endpoint whose deliveries keep failing (held events, an audit row, an email to every
// admin), resuming it from the settings page, and the Slack and Teams messages.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as detail from "~/routes/_seller.settings.webhooks_.$endpointId";
import { deliverDueWebhooks, MAX_ATTEMPTS, webhookRetryDelayMs } from "~/utils/webhook-delivery.server";
import { WEBHOOK_PAUSED_EMAIL } from "~/models/webhook-pause.server";
import { openSigningSecret, resealOlderSigningSecrets, sealSigningSecret, signingSecretOf } from "~/utils/webhook-signing.server";
import { runJobRound } from "~/utils/jobs.server";
import { milestoneForm, post, sellerPost } from "../fixtures/buyers";
import { actorFor, addDealWithPlan, addUser, cookieFor, createTenant, type Tenant } from "../fixtures/world";
import { registerEndpoint, startReceiver } from "../fixtures/webhooks";

let A: Tenant;

beforeAll(async () => {
  A = await createTenant("Hook delivery");
});
beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
  await prisma.webhookEndpoint.deleteMany({ where: { organizationId: A.organization.id } });
});

/** A seller's own step: the rep's mark completes it (a buyer's step waits for the buyer's confirmation). */
async function completeAStep() {
  const { deal, milestones } = await addDealWithPlan(A.repActor);
  const step = milestones.find((m) => m.ownerSide === "SELLER")!;
  await sellerPost(deal.id, await milestoneForm(step.id, { status: "DONE" }));
  return { deal, step };
}

describe("webhook delivery", () => {
  it("retries with backoff, gives up, pauses the endpoint, tells every admin, and resumes from the settings page", async () => {
    let status = 500;
    const receiver = await startReceiver(() => status);
    try {
      const secondAdmin = await addUser(A.organization.id, "ADMIN");
      const { endpoint } = await registerEndpoint(await actorFor(A.admin.id), receiver.url, ["step.completed"]);
      await completeAStep();
      const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });

      let clock = Date.now();
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        expect(await deliverDueWebhooks(new Date(clock))).toEqual({ delivered: 0, failed: 1 });
        const row = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
        expect(row.attempts).toBe(attempt);
        expect(row.lastStatusCode).toBe(500);
        if (attempt < MAX_ATTEMPTS) {
          // Not due before its backoff has passed.
          expect(row.nextAttemptAt.getTime()).toBe(clock + webhookRetryDelayMs(attempt));
          expect(await deliverDueWebhooks(new Date(clock + webhookRetryDelayMs(attempt) - 1_000))).toEqual({ delivered: 0, failed: 0 });
          clock += webhookRetryDelayMs(attempt);
        } else {
          // The give-up that pauses the endpoint waits with the events it holds.
          expect(row.status).toBe("HELD");
        }
      }
      expect(webhookRetryDelayMs(1)).toBe(30_000);
      expect(await prisma.webhookAttempt.count({ where: { deliveryId: delivery.id } })).toBe(MAX_ATTEMPTS);

      const paused = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
      expect(paused.status).toBe("PAUSED");
      expect(await prisma.auditEvent.count({ where: { action: "webhook.auto_paused", subjectId: endpoint.id } })).toBe(1);
      const emails = await prisma.emailOutbox.findMany({ where: { kind: WEBHOOK_PAUSED_EMAIL, organizationId: A.organization.id } });
      expect(emails.map((e) => e.to).sort()).toEqual([A.admin.email, secondAdmin.email].sort());
      // Named by its host only: a Slack or Teams address is itself a secret.
      expect(emails[0].text).toContain(`Deliveries to ${new URL(receiver.url).host} kept failing`);
      expect(emails.every((e) => !e.text.includes(receiver.url) && !e.html.includes(receiver.url) && !e.subject.includes(receiver.url))).toBe(true);

      // While paused, new events wait (a row recorded as due is held by the worker, not sent).
      await completeAStep();
      expect(await deliverDueWebhooks()).toEqual({ delivered: 0, failed: 0 });
      const held = await prisma.webhookDelivery.findMany({ where: { endpointId: endpoint.id, status: "HELD" } });
      expect(held.map((h) => h.id)).toContain(delivery.id);
      expect(held).toHaveLength(2);

      status = 200;
      const cookie = await cookieFor(A.admin.id);
      const resumed = await post(detail.action, {
        path: `/settings/webhooks/${endpoint.id}`,
        params: { endpointId: endpoint.id },
        cookie,
        form: { intent: "resume" },
      });
      expect(resumed.status).toBe(303);
      expect(await deliverDueWebhooks()).toEqual({ delivered: 2, failed: 0 });
      for (const { id } of held) expect((await prisma.webhookDelivery.findUniqueOrThrow({ where: { id } })).status).toBe("DELIVERED");
      const active = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
      expect([active.status, active.consecutiveFailures]).toEqual(["ACTIVE", 0]);
    } finally {
      await receiver.close();
    }
  });

  it("posts Slack and Teams messages with a link to the deal and no signature", async () => {
    const receiver = await startReceiver(() => 200);
    try {
      const admin = await actorFor(A.admin.id);
      await registerEndpoint(admin, `${receiver.url}?to=slack`, ["step.completed"], "SLACK");
      await registerEndpoint(admin, `${receiver.url}?to=teams`, ["step.completed"], "TEAMS");
      const { deal, step } = await completeAStep();
      expect(await deliverDueWebhooks()).toEqual({ delivered: 2, failed: 0 });
      const bodies = receiver.received.map((r) => ({ body: JSON.parse(r.body), signed: "webhook-signature" in r.headers }));
      expect(bodies.every((b) => !b.signed)).toBe(true);
      const slack = bodies.find((b) => "blocks" in b.body)!.body;
      const teams = bodies.find((b) => "attachments" in b.body)!.body;
      const sentence = `“${step.title}” was completed on ${deal.accountName} – ${deal.name}.`;
      expect(slack.text).toBe(sentence);
      expect(slack.blocks[0].text.text).toContain(`/deals/${deal.id}|Open the deal in Mutual>`);
      const card = teams.attachments[0];
      expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
      expect(card.content.body[0]).toEqual({ type: "RichTextBlock", inlines: [{ type: "TextRun", text: sentence }] });
      expect(card.content.actions[0].url).toMatch(new RegExp(`/deals/${deal.id}$`));
    } finally {
      await receiver.close();
    }
  });

  it("re-seals a signing secret sealed under an older SESSION_SECRET, at its next send or by the job round", async () => {
    const admin = await actorFor(A.admin.id);
    const first = await registerEndpoint(admin, "https://hooks.example.com/a", ["step.completed"]);
    const second = await registerEndpoint(admin, "https://hooks.example.com/b", ["step.completed"]);
    const rotated = ["new-session-secret", "old-session-secret"];
    for (const { endpoint, secret } of [first, second]) {
      await prisma.webhookEndpoint.update({
        where: { id: endpoint.id },
        data: { secretSealed: sealSigningSecret(secret, A.organization.id, ["old-session-secret"]) },
      });
    }
    const stored = (id: string) => prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } });

    // At a send: opened with the older value, written back under the first.
    expect(await signingSecretOf(await stored(first.endpoint.id), rotated)).toBe(first.secret);
    expect(openSigningSecret((await stored(first.endpoint.id)).secretSealed, A.organization.id, ["new-session-secret"])).toBe(first.secret);

    // The job round's pass does the rest, so the old value can go without waiting for a send.
    expect(await resealOlderSigningSecrets(rotated)).toBe(1);
    expect(openSigningSecret((await stored(second.endpoint.id)).secretSealed, A.organization.id, ["new-session-secret"])).toBe(second.secret);
    expect(await resealOlderSigningSecrets(rotated)).toBe(0);
  });

  it("keeps the job round going when an endpoint is deleted while its delivery is on the wire", async () => {
    let arrived: () => void = () => {};
    const sent = new Promise<void>((resolve) => (arrived = resolve));
    const receiver = await startReceiver(() => {
      arrived();
      return 200;
    });
    try {
      const { endpoint } = await registerEndpoint(await actorFor(A.admin.id), receiver.url, ["step.completed"]);
      await completeAStep();
      const round = runJobRound();
      await sent;
      await prisma.webhookEndpoint.delete({ where: { id: endpoint.id } });
      // The round resolves whether the delete came before the try was recorded or after it.
      const report = await round;
      expect(report.webhooks.failed).toBe(0);
      expect(await prisma.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it("holds a due row of a paused endpoint instead of sending it", async () => {
    const receiver = await startReceiver(() => 200);
    try {
      const { endpoint } = await registerEndpoint(await actorFor(A.admin.id), receiver.url, ["step.completed"]);
      await completeAStep();
      await prisma.webhookEndpoint.update({ where: { id: endpoint.id }, data: { status: "PAUSED" } });
      await prisma.webhookDelivery.updateMany({ where: { endpointId: endpoint.id }, data: { status: "PENDING", nextAttemptAt: new Date(0) } });
      expect(await deliverDueWebhooks()).toEqual({ delivered: 0, failed: 0 });
      expect((await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } })).status).toBe("HELD");
      expect(receiver.received).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });
});
