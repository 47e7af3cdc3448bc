// An endpoint that keeps failing is paused: its waiting deliveries are held, the security log
// records it, and every admin of the organization is told by email, all in one transaction. An
// admin resumes it on /settings/webhooks, which sends what was held.
import { createElement } from "react";
import NoticeEmail from "../../emails/notice";
import { prisma, type Tx } from "~/utils/db.server";
import { appUrl } from "~/utils/env.server";
import { queueEmail, renderEmail } from "~/utils/email.server";
import { recordAuditEvent } from "./audit.server";

/** Not a kind people can turn off: the admins are the only ones who can bring the endpoint back. */
export const WEBHOOK_PAUSED_EMAIL = "WEBHOOK_PAUSED";

async function tellAdmins(tx: Tx, endpoint: { id: string; organizationId: string; url: string; description: string }, pausedAt: Date) {
  const admins = await tx.user.findMany({
    where: { organizationId: endpoint.organizationId, role: "ADMIN", deactivatedAt: null },
    select: { email: true },
  });
  // Never the full address: a Slack or Teams address is itself the secret that posts to the channel.
  const name = endpoint.description || new URL(endpoint.url).host;
  const base = appUrl();
  for (const admin of admins) {
    const rendered = await renderEmail(
      `Webhook paused: ${name}`,
      createElement(NoticeEmail, {
        heading: "A webhook was paused",
        lines: [
          `Deliveries to ${name} kept failing, so Mutual paused it. Events keep being recorded and wait for it.`,
          "Check the receiving side, then resume the webhook in Settings to send what waited.",
        ],
        action: { label: "Open the webhook", href: `${base}/settings/webhooks/${endpoint.id}` },
        footer: "You get this email because you are an admin of your organization in Mutual.",
      }),
    );
    await queueEmail(tx, {
      ...rendered,
      kind: WEBHOOK_PAUSED_EMAIL,
      to: admin.email,
      organizationId: endpoint.organizationId,
      containsSecret: false,
      idempotencyKey: `webhook-paused:${endpoint.id}:${pausedAt.getTime()}:${admin.email}`,
    });
  }
}

/** Pauses the endpoint unless it is paused already (two passes may both see the last failure). */
export async function pauseFailingEndpoint(endpointId: string, failures: number, now = new Date()) {
  await prisma.$transaction(async (tx) => {
    const paused = await tx.webhookEndpoint.updateMany({ where: { id: endpointId, status: "ACTIVE" }, data: { status: "PAUSED", pausedAt: now } });
    if (paused.count === 0) return;
    const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    await tx.webhookDelivery.updateMany({ where: { endpointId, status: "PENDING" }, data: { status: "HELD" } });
    await recordAuditEvent(tx, {
      organizationId: endpoint.organizationId,
      action: "webhook.auto_paused",
      actor: { email: "mutual (automatic)" },
      subject: { type: "WEBHOOK", id: endpoint.id },
      detail: { failures },
    });
    await tellAdmins(tx, endpoint, now);
  });
}
