// Asked by the outbox just before a step reminder goes: the step as it is now, against what the
// reminder's key says it was about (app/domain/reminders.ts, stepReminderStillTrue).
import { prisma } from "~/utils/db.server";
import { completionOfRecord } from "~/domain/completion";
import { stepReminderStillTrue, stepReminderSubject } from "~/domain/reminders";

/** False for a step reminder whose step was done, re-dated, confirmed or removed since it was queued; true for any other email. */
export async function reminderStillTrue(row: { kind: string; idempotencyKey: string; organizationId: string | null }): Promise<boolean> {
  const subject = stepReminderSubject(row.kind, row.idempotencyKey);
  if (!subject) return true;
  const step = await prisma.milestone.findFirst({
    where: { id: subject.stepId, ...(row.organizationId ? { organizationId: row.organizationId } : {}) },
    select: {
      ownerSide: true,
      status: true,
      markedDoneBySide: true,
      buyerConfirmedAt: true,
      markedDoneAt: true,
      targetDate: true,
      plan: { select: { status: true, deal: { select: { outcome: true, archivedAt: true } } } },
    },
  });
  if (!step) return false;
  const plan = { status: step.plan.status, dealOutcome: step.plan.deal.outcome, archived: step.plan.deal.archivedAt !== null };
  return stepReminderStillTrue(row.kind, subject.marker, plan, {
    completion: completionOfRecord(step),
    targetDate: step.targetDate,
    markedDoneAt: step.markedDoneAt,
  });
}
