// "A buyer accepted a plan": queued in the transaction that records the acceptance, for the deal's
// owner and the managers of the owner's team (TeamManager), each once.
import { createElement } from "react";
import PlanAcceptedEmail from "../../emails/plan-accepted";
import { calendarDateIn, formatCalendarDate } from "~/domain/dates";
import type { Tx } from "~/utils/db.server";
import { queueEmail, renderEmail } from "~/utils/email.server";
import { notificationFooter } from "~/utils/unsubscribe.server";

const KIND = "PLAN_ACCEPTED";

interface Reader {
  id: string;
  email: string;
}

/** The deal's owner, then the active managers of their team, without repeats. */
async function ownerAndManagers(
  tx: Tx,
  organizationId: string,
  owner: { id: string; email: string; teamId: string | null; deactivatedAt: Date | null },
): Promise<Reader[]> {
  const managers = owner.teamId
    ? await tx.user.findMany({
        where: { organizationId, deactivatedAt: null, managedTeams: { some: { teamId: owner.teamId } } },
        select: { id: true, email: true },
        orderBy: { email: "asc" },
      })
    : [];
  const readers = owner.deactivatedAt ? managers : [{ id: owner.id, email: owner.email }, ...managers];
  return readers.filter((reader, index) => readers.findIndex((r) => r.id === reader.id) === index);
}

export async function notifyPlanAccepted(tx: Tx, planId: string, buyerName: string, baseUrl: string, now = new Date()) {
  const plan = await tx.plan.findUniqueOrThrow({
    where: { id: planId },
    select: {
      id: true,
      title: true,
      version: true,
      organizationId: true,
      organization: { select: { timezone: true } },
      deal: { select: { id: true, accountName: true, owner: { select: { id: true, name: true, email: true, teamId: true, deactivatedAt: true } } } },
      milestones: { where: { internalOnly: false, status: { not: "DONE" } }, orderBy: [{ targetDate: "asc" }, { position: "asc" }], take: 1 },
    },
  });
  const { deal } = plan;
  const next = plan.milestones[0];
  for (const reader of await ownerAndManagers(tx, plan.organizationId, deal.owner)) {
    const isOwner = reader.id === deal.owner.id;
    const rendered = await renderEmail(
      `${deal.accountName} accepted the plan`,
      createElement(PlanAcceptedEmail, {
        buyerName,
        accountName: deal.accountName,
        planTitle: plan.title,
        acceptedOn: formatCalendarDate(calendarDateIn(plan.organization.timezone, now)),
        ownerName: isOwner ? undefined : deal.owner.name,
        nextStep: next ? `“${next.title}”, due ${formatCalendarDate(next.targetDate)}` : undefined,
        action: { label: "Open the deal", href: `${baseUrl}/deals/${deal.id}` },
        footer: notificationFooter(
          baseUrl,
          reader.email,
          KIND,
          isOwner ? "You get this email because you own this deal in Mutual." : "You get this email because you manage the team whose rep owns this deal.",
        ),
      }),
    );
    await queueEmail(tx, {
      ...rendered,
      kind: KIND,
      to: reader.email,
      organizationId: plan.organizationId,
      containsSecret: false,
      idempotencyKey: `accepted:${plan.id}:${plan.version}:${reader.id}`,
    });
  }
}
