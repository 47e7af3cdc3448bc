// A scheduled email waits in the outbox for the reader's morning; a stop pressed meanwhile counts.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { deliverDueEmails, queueEmail } from "~/utils/email.server";
import { stopEmails } from "~/utils/unsubscribe.server";
import { createTenant, uniqueSuffix } from "../fixtures/world";

describe("an email waiting for the morning", () => {
  it("is not sent to someone who stopped that kind after it was queued, and security email still goes", async () => {
    const tenant = await createTenant("Morning");
    const morning = new Date(Date.now() + 60 * 60_000);
    const queue = (kind: string, containsSecret: boolean) =>
      prisma.$transaction((tx) =>
        queueEmail(tx, {
          kind,
          to: tenant.rep.email,
          subject: "Due in 2 days",
          html: "<p>Due soon</p>",
          text: "Due soon",
          organizationId: tenant.organization.id,
          containsSecret,
          idempotencyKey: `test-${kind}-${uniqueSuffix()}`,
          notBefore: morning,
        }),
      );
    const reminder = await queue("STEP_DUE_SOON", false);
    const security = await queue("SIGN_IN", true);
    expect(reminder.status).toBe("PENDING");

    await stopEmails(tenant.rep.email, "STEP_DUE_SOON");
    await deliverDueEmails(new Date(morning.getTime() + 1_000));

    expect((await prisma.emailOutbox.findUniqueOrThrow({ where: { id: reminder.id } })).status).toBe("SUPPRESSED");
    expect((await prisma.emailOutbox.findUniqueOrThrow({ where: { id: security.id } })).status).toBe("CAPTURED");
  });
});
