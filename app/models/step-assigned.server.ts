// "A step was assigned to you": queued in the transaction that makes someone a step's owner, for
// that person, unless they made the change themselves. Nothing goes out while the plan is a draft
// (a buyer cannot see it yet), to a buyer who has not come in yet or was removed, to a deactivated
// seller, or to a buyer about an internal-only step.
import { createElement } from "react";
import StepAssignedEmail from "../../emails/step-assigned";
import { formatCalendarDate } from "~/domain/dates";
import type { Tx } from "~/utils/db.server";
import { queueEmail, renderEmail } from "~/utils/email.server";
import { notificationFooter } from "~/utils/unsubscribe.server";
import type { ActivityActor } from "./activity.server";

const KIND = "STEP_ASSIGNED";

const stepWithOwner = {
  id: true,
  title: true,
  output: true,
  targetDate: true,
  internalOnly: true,
  version: true,
  plan: {
    select: {
      id: true,
      status: true,
      title: true,
      dealId: true,
      organizationId: true,
      organization: { select: { name: true } },
      deal: { select: { accountName: true } },
    },
  },
  ownerParticipant: { select: { id: true, email: true, side: true, accessState: true, userId: true, user: { select: { deactivatedAt: true } } } },
} as const;

/** Call after the step's new owner is written: the email names the step as it stands, at its new version. */
export async function notifyStepAssigned(tx: Tx, milestoneId: string, by: ActivityActor, baseUrl: string) {
  const step = await tx.milestone.findUnique({ where: { id: milestoneId }, select: stepWithOwner });
  const owner = step?.ownerParticipant;
  if (!step || !owner || step.plan.status === "DRAFT") return;
  const selfAssigned = owner.id === by.participantId || (owner.userId !== null && owner.userId === by.userId);
  if (selfAssigned) return;
  const toBuyer = owner.side === "BUYER";
  const reachable = toBuyer ? owner.accessState === "ACTIVE" && !step.internalOnly : owner.user !== null && owner.user.deactivatedAt === null;
  if (!reachable) return;

  const { plan } = step;
  const rendered = await renderEmail(
    toBuyer ? `${by.name} assigned you “${step.title}” on “${plan.title}”` : `${by.name} assigned you “${step.title}” on ${plan.deal.accountName}`,
    createElement(StepAssignedEmail, {
      assignerName: by.name,
      stepTitle: step.title,
      output: step.output,
      due: formatCalendarDate(step.targetDate, "long"),
      where: toBuyer ? `“${plan.title}” with ${plan.organization.name}` : `the ${plan.deal.accountName} deal`,
      action: toBuyer
        ? { label: "Open the plan", href: `${baseUrl}/p/${plan.id}#step-${step.id}` }
        : { label: "Open the deal", href: `${baseUrl}/deals/${plan.dealId}#milestone-${step.id}` },
      footer: notificationFooter(baseUrl, owner.email, KIND, "You get this email because a step on a plan you are on was assigned to you."),
    }),
  );
  await queueEmail(tx, {
    ...rendered,
    kind: KIND,
    to: owner.email,
    organizationId: plan.organizationId,
    containsSecret: false,
    idempotencyKey: `assigned:${step.id}:${owner.id}:${step.version}`,
  });
}
