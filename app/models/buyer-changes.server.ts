// What the buyer side changed on a plan, mailed to the deal's owner in batches (app/domain/buyer-changes.ts
// decides when). A cursor per plan (NotificationCursor "buyer-changes:<planId>") says how far the
// mailed batches reach; it moves in the transaction that queues the email, and only from where the
// pass read it, so two passes at once send one email.
import { isolated } from "~/utils/job-pass";
import { createElement } from "react";
import BuyerChangesEmail from "../../emails/buyer-changes";
import { describeActivity } from "~/components/activity-text";
import { BACKLOG_MS, batchEnd, batchReady, batchStart } from "~/domain/buyer-changes";
import { prisma, type Tx } from "~/utils/db.server";
import { queueEmail, renderEmail } from "~/utils/email.server";
import { notificationFooter } from "~/utils/unsubscribe.server";
import type { Prisma } from "~/generated/prisma/client";
import { ACTIVITY_ACTIONS } from "./activity.types";
import { activityEntryOf } from "./activity.server";
import { isUniqueViolation } from "./audit.server";

const KIND = "BUYER_CHANGES";

/**
 * Buyer acts that have an email of their own stay out of the batch: an acceptance (PLAN_ACCEPTED), a
 * request to join and a join through an allowed domain (REP_NOTICE). An invited buyer's first visit
 * has none, so the batch tells it.
 */
const MAILED_ON_THEIR_OWN: ReadonlySet<string> = new Set(["access.requested", "plan.accepted"]);
const BATCHED_ACTIONS = ACTIVITY_ACTIONS.filter((action) => !MAILED_ON_THEIR_OWN.has(action));

function hasItsOwnEmail(row: { action: string; after: string | null }) {
  return row.action === "participant.joined" && row.after !== null && "via" in JSON.parse(row.after);
}

const BUYER_CHANGE: Prisma.ActivityWhereInput = { actorSide: "BUYER", internalOnly: false, action: { in: BATCHED_ACTIONS } };

/** The most changes one email lists; the rest are counted. */
const MOST_LISTED = 30;
const CHUNK = 500;

export function buyerChangesCursorKey(planId: string) {
  return `buyer-changes:${planId}`;
}

/** One pass: every plan whose buyer changes are ready gets its email. Returns how many emails were queued. */
export async function sendBuyerChanges(now: Date, baseUrl: string): Promise<number> {
  const organizations = await prisma.organization.findMany({ select: { id: true } });
  let queued = 0;
  for (const organization of organizations) {
    const plans = (await isolated("buyer-changes", `organization ${organization.id}`, () => plansWithUnmailedChanges(organization.id, now))) ?? new Map();
    for (const [planId, newest] of plans) {
      if (await isolated("buyer-changes", `plan ${planId}`, () => mailPlanChanges(planId, newest, now, baseUrl))) queued++;
    }
  }
  return queued;
}

/** Plans with a buyer change of the last day that is newer than what their cursor says was mailed, with that change's time. */
async function plansWithUnmailedChanges(organizationId: string, now: Date): Promise<Map<string, Date>> {
  const newest = await prisma.activity.groupBy({
    by: ["planId"],
    where: { organizationId, planId: { not: null }, ...BUYER_CHANGE, at: { gt: new Date(now.getTime() - BACKLOG_MS), lte: batchEnd(now) } },
    _max: { at: true },
  });
  const planIds = new Map<string, Date>();
  for (let i = 0; i < newest.length; i += CHUNK) {
    const rows = newest.slice(i, i + CHUNK);
    const cursors = await prisma.notificationCursor.findMany({ where: { key: { in: rows.map((r) => buyerChangesCursorKey(r.planId!)) } } });
    const mailedThrough = new Map(cursors.map((c) => [c.key, c.through.getTime()]));
    for (const row of rows) {
      const through = mailedThrough.get(buyerChangesCursorKey(row.planId!));
      if (through === undefined || row._max.at!.getTime() > through) planIds.set(row.planId!, row._max.at!);
    }
  }
  return planIds;
}

async function mailPlanChanges(planId: string, newest: Date, now: Date, baseUrl: string): Promise<boolean> {
  const key = buyerChangesCursorKey(planId);
  const cursor = await prisma.notificationCursor.findUnique({ where: { key } });
  const plan = await prisma.plan.findUniqueOrThrow({
    where: { id: planId },
    select: {
      id: true,
      title: true,
      sharedAt: true,
      organizationId: true,
      dealId: true,
      deal: { select: { accountName: true, owner: { select: { email: true, deactivatedAt: true } } } },
      milestones: { select: { id: true, title: true, internalOnly: true } },
      participants: { select: { id: true, name: true } },
    },
  });
  const from = batchStart(cursor?.through ?? null, plan.sharedAt, now);
  const rows = await prisma.activity.findMany({ where: { planId, ...BUYER_CHANGE, at: { gt: from, lte: now } }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  // Changes from before the backlog limit (or the sharing) are history: the cursor passes them, so no pass reads them again.
  if (rows.length === 0) return moveCursorOnly(key, cursor?.through ?? null, newest);
  if (!batchReady(rows[0].at, rows[rows.length - 1].at, now)) return false;
  const batch = rows.filter((row) => row.at <= batchEnd(now));
  const last = batch[batch.length - 1];
  if (!last) return false;

  const owner = plan.deal.owner;
  const email = owner.deactivatedAt ? null : await renderBatch(plan, batch, owner.email, baseUrl);
  try {
    return await prisma.$transaction(async (tx) => {
      if (!(await moveCursor(tx, key, cursor?.through ?? null, last.at))) return false;
      if (email) {
        await queueEmail(tx, {
          ...email,
          kind: KIND,
          to: owner.email,
          organizationId: plan.organizationId,
          containsSecret: false,
          idempotencyKey: `buyer-changes:${plan.id}:${last.id}`,
        });
      }
      return email !== null;
    });
  } catch (error) {
    // Another pass moved the cursor first (created it, or queued this very batch): it sent the email.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

async function moveCursorOnly(key: string, readAt: Date | null, to: Date): Promise<false> {
  try {
    await prisma.$transaction((tx) => moveCursor(tx, key, readAt, to));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return false;
}

/** Moves the cursor only if it still stands where this pass read it. */
async function moveCursor(tx: Tx, key: string, readAt: Date | null, to: Date): Promise<boolean> {
  if (readAt === null) {
    await tx.notificationCursor.create({ data: { key, through: to } });
    return true;
  }
  const moved = await tx.notificationCursor.updateMany({ where: { key, through: readAt }, data: { through: to } });
  return moved.count === 1;
}

type PlanForBatch = {
  id: string;
  title: string;
  dealId: string;
  deal: { accountName: string };
  milestones: Array<{ id: string; title: string; internalOnly: boolean }>;
  participants: Array<{ id: string; name: string }>;
};

type ActivityRow = Awaited<ReturnType<typeof prisma.activity.findMany>>[number];

/** One sentence per change, as the deal's history words it, with whoever made it. */
export function changeSentences(plan: PlanForBatch, rows: ActivityRow[]): string[] {
  // A step the seller has since made internal-only is left out altogether, title and all.
  const internal = new Set(plan.milestones.filter((m) => m.internalOnly).map((m) => m.id));
  const titles = new Map(plan.milestones.filter((m) => !m.internalOnly).map((m) => [m.id, m.title]));
  const people = new Map(plan.participants.map((p) => [p.id, p.name]));
  return rows
    .filter((row) => !internal.has(row.entityId) && !hasItsOwnEmail(row))
    .map((row) => `${row.actorName} ${describeActivity(activityEntryOf(row), titles, people)}.`);
}

async function renderBatch(plan: PlanForBatch, rows: ActivityRow[], to: string, baseUrl: string) {
  const sentences = changeSentences(plan, rows);
  if (sentences.length === 0) return null;
  const listed = sentences.slice(0, MOST_LISTED);
  const unlisted = sentences.length - listed.length;
  if (unlisted > 0) listed.push(`…and ${unlisted} more ${unlisted === 1 ? "change" : "changes"}: the deal's history lists every one.`);
  const accountName = plan.deal.accountName;
  return renderEmail(
    sentences.length === 1 ? `${accountName}: ${sentences[0].replace(/\.$/, "")}` : `${accountName}: ${sentences.length} changes to the plan`,
    createElement(BuyerChangesEmail, {
      accountName,
      planTitle: plan.title,
      changes: listed,
      action: { label: "Open the deal", href: `${baseUrl}/deals/${plan.dealId}` },
      footer: notificationFooter(baseUrl, to, KIND, "You get this email because you own this deal in Mutual."),
    }),
  );
}
