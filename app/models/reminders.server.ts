// Reminders: due in 2 days, overdue, awaiting confirmation, and the stale-plan check-in
// (docs/notifications.md, "Reminders and check-ins"). Each pass reads one organization at a time,
// asks app/domain/reminders.ts what is due on that organization's calendar day, and queues each
// email in a transaction under its reminder's key. The key is unique in the outbox, so a second
// pass (beside this one, or a minute later) finds it handled: nothing is ever sent twice, and a
// pass cut short is simply finished by the next one.
import { prisma } from "~/utils/db.server";
import type { JobPass } from "~/utils/job-pass";
import { queueEmail, type RenderedEmail } from "~/utils/email.server";
import { appUrl } from "~/utils/env.server";
import { calendarDateIn, organizationToday } from "~/domain/dates";
import { LOOKBACK_DAYS, UNDO_GRACE_MS, awaitingReminders, checkInFor, dueSoonReminders, overdueReminders, type Reminder } from "~/domain/reminders";
import { isUniqueViolation } from "./audit.server";
import { scheduledDeliveryFor } from "./email-recipient.server";
import { quietPlans, reminderOrganizations, stepsAwaitingBuyers, type ReminderOrganization } from "./reminder-facts.server";
import { stepsNearTheirDate } from "./reminder-steps.server";
import { awaitingEmail, checkInEmail, dueSoonEmail, overdueEmail } from "./reminder-emails.server";

/** A reminder that is due, and how to write it (only done for those not handled yet). */
interface Due {
  reminder: Reminder;
  render: () => Promise<RenderedEmail>;
}

// Well under what one statement may carry on SQLite and PostgreSQL.
const KEY_BATCH = 500;
// Longer than a pass takes: the first pass over a database full of plans may queue thousands of
// emails (about 4,000 in 3 minutes at 10,000 deals). Should a lease lapse anyway, the keys still
// keep a second pass from sending anything twice.
const LEASE_MS = 10 * 60_000;

/** The keys of these that are in the outbox already: each was queued (or suppressed) before. */
async function handledKeys(keys: string[]): Promise<Set<string>> {
  const handled = new Set<string>();
  for (let start = 0; start < keys.length; start += KEY_BATCH) {
    const rows = await prisma.emailOutbox.findMany({
      where: { idempotencyKey: { in: keys.slice(start, start + KEY_BATCH) } },
      select: { idempotencyKey: true },
    });
    for (const row of rows) handled.add(row.idempotencyKey);
  }
  return handled;
}

/**
 * Queues one reminder under its key, to go out in the reader's daytime. False when it was handled
 * already: by the check in the transaction, or, when two passes checked before either wrote, by the
 * unique key itself.
 */
async function queueOnce(organizationId: string, reminder: Reminder, email: RenderedEmail, now: Date): Promise<boolean> {
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.emailOutbox.findUnique({ where: { idempotencyKey: reminder.key }, select: { id: true } })) return false;
      await queueEmail(tx, {
        ...email,
        kind: reminder.kind,
        to: reminder.to.email,
        organizationId,
        containsSecret: false,
        idempotencyKey: reminder.key,
        notBefore: await scheduledDeliveryFor(tx, reminder.to.email, organizationId, now),
      });
      return true;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Queues what is due and not handled yet; returns what was queued now. */
async function queueDue(organizationId: string, due: Due[], now: Date): Promise<Reminder[]> {
  const handled = await handledKeys(due.map((d) => d.reminder.key));
  const queued: Reminder[] = [];
  for (const { reminder, render } of due) {
    if (handled.has(reminder.key)) continue;
    if (await queueOnce(organizationId, reminder, await render(), now)) queued.push(reminder);
  }
  return queued;
}

/**
 * Runs `work` for every organization. One organization's failure (a stored timezone that no longer
 * exists, a row the templates cannot read) is logged and the others still get their reminders.
 */
async function forEachOrganization(pass: string, work: (org: ReminderOrganization) => Promise<Reminder[]>): Promise<string> {
  const queued: Reminder[] = [];
  let failed = 0;
  for (const org of await reminderOrganizations()) {
    try {
      queued.push(...(await work(org)));
    } catch (error) {
      failed++;
      console.error(`[jobs] ${pass} failed for organization ${org.id}`, error);
    }
  }
  const counts = new Map<string, number>();
  for (const r of queued) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  const summary = [...counts].map(([kind, count]) => `${count} ${KIND_WORDS[kind] ?? kind}`).join(", ") || "nothing due";
  return failed ? `${summary}; ${failed} organizations failed` : summary;
}

const KIND_WORDS: Record<string, string> = {
  STEP_DUE_SOON: "due-soon reminders",
  STEP_OVERDUE: "overdue reminders",
  AWAITING_CONFIRMATION: "confirmation requests",
  STALE_PLAN_NUDGE: "check-ins",
};

/** Due in 2 days and overdue: both read the steps near their date. */
export const stepDateReminders: JobPass = {
  name: "reminders-step-dates",
  leaseMs: LEASE_MS,
  run: (now) =>
    forEachOrganization("reminders-step-dates", async (org) => {
      const today = organizationToday(org, now);
      const baseUrl = appUrl();
      const due = (await stepsNearTheirDate(org, today)).flatMap(({ facts, plan, rep, context }): Due[] => [
        ...dueSoonReminders(today, plan, facts).map((reminder) => ({ reminder, render: () => dueSoonEmail(baseUrl, reminder, context) })),
        ...overdueReminders(today, plan, facts, rep).map((reminder) => ({ reminder, render: () => overdueEmail(baseUrl, reminder, context, today) })),
      ]);
      return queueDue(org.id, due, now);
    }),
};

/** How far a pass read last time, per organization (NotificationCursor). */
async function cursorOf(key: string): Promise<Date | null> {
  return (await prisma.notificationCursor.findUnique({ where: { key } }))?.through ?? null;
}

async function moveCursor(key: string, through: Date) {
  await prisma.notificationCursor.upsert({ where: { key }, create: { key, through }, update: { through } });
}

// An instance whose clock runs behind another's, or a mark whose transaction committed late, may
// leave a mark a little before where the last pass stopped: each pass reads back this far.
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * Where this pass starts reading sellers' marks: a little before the last pass had settled every
 * mark (those past their ten minutes), never more than LOOKBACK_DAYS back. A mark still in its
 * ten minutes is read again next time.
 */
function marksFrom(settledThrough: Date | null, now: Date): { from: Date; settled: Date } {
  const settled = new Date(now.getTime() - UNDO_GRACE_MS);
  const oldest = now.getTime() - LOOKBACK_DAYS * 86_400_000;
  const last = settledThrough ? Math.min(settledThrough.getTime(), settled.getTime()) - CLOCK_SLACK_MS : oldest;
  return { from: new Date(Math.max(oldest, last)), settled };
}

// Quiet hours hold these too: the buyer is not waiting for this email (the seller is), and a mark
// made at 23:00 in the seller's office must not reach a buyer at 05:00 in theirs.
export const awaitingConfirmationReminders: JobPass = {
  name: "reminders-awaiting-confirmation",
  leaseMs: LEASE_MS,
  run: (now) =>
    forEachOrganization("reminders-awaiting-confirmation", async (org) => {
      const baseUrl = appUrl();
      const cursor = `reminders-awaiting:${org.id}`;
      const last = await cursorOf(cursor);
      const { from, settled } = marksFrom(last, now);
      const due = (await stepsAwaitingBuyers(org, from, now)).flatMap(({ facts, plan, buyers, context, markedBy }): Due[] =>
        awaitingReminders(now, plan, facts, buyers).map((reminder) => ({
          reminder,
          render: () => awaitingEmail(baseUrl, reminder, context, { by: markedBy, at: facts.markedDoneAt!, timezone: org.timezone }),
        })),
      );
      const queued = await queueDue(org.id, due, now);
      // Moved every few minutes, not every minute: rereading a few minutes of marks is cheaper than
      // a write each minute, which on SQLite every other writer waits for.
      if (!last || last > settled || settled.getTime() - last.getTime() >= CLOCK_SLACK_MS) await moveCursor(cursor, settled);
      return queued;
    }),
};

/**
 * A plan's quiet spell is counted in whole days, and whatever ends one is a change in its
 * history: what is due changes only when the organization's day does. So the pass reads the
 * plans once per organization day (and again when its clock reads an earlier moment than last
 * time); a round cut short has not moved the cursor and is done again.
 */
export const planCheckIns: JobPass = {
  name: "reminders-plan-check-ins",
  leaseMs: LEASE_MS,
  run: (now) =>
    forEachOrganization("reminders-plan-check-ins", async (org) => {
      const today = organizationToday(org, now);
      const cursor = `reminders-check-ins:${org.id}`;
      const last = await cursorOf(cursor);
      if (last && last <= now && calendarDateIn(org.timezone, last) === today) return [];
      const baseUrl = appUrl();
      const due = (await quietPlans(org, today)).flatMap((quiet): Due[] => {
        const checkIn = checkInFor(today, quiet.plan, quiet.lastMove, quiet.steps, quiet.buyers);
        if (!checkIn) return [];
        const plan = { id: quiet.plan.id, title: quiet.title, sellerCompany: org.name };
        return checkIn.reminders.map((reminder) => ({ reminder, render: () => checkInEmail(baseUrl, reminder, checkIn, plan, quiet.contexts, today) }));
      });
      const queued = await queueDue(org.id, due, now);
      await moveCursor(cursor, now);
      return queued;
    }),
};

export const reminderJobs: JobPass[] = [stepDateReminders, awaitingConfirmationReminders, planCheckIns];
