// What the reminder passes read: for one organization at a time, only the steps and plans that can
// be due (the recent marks through the history's [organizationId, action, at] index, plans gone
// quiet through the [dealId, at] index; steps near their date are in reminder-steps.server.ts),
// with narrow selects, turned into the plain facts app/domain/reminders.ts decides on.
import { prisma } from "~/utils/db.server";
import { addDays, calendarDateIn } from "~/domain/dates";
import { dayStartIn } from "~/domain/day-bounds";
import { completionOfRecord } from "~/domain/completion";
import { LOOKBACK_DAYS, QUIET_DAYS, type LastMove, type PlanFacts, type Recipient, type StepFacts } from "~/domain/reminders";
import type { OwnerSide } from "~/domain/types";
import type { ActivityAction } from "./activity.types";

export interface ReminderOrganization {
  id: string;
  name: string;
  timezone: string;
}

const PERSON = {
  id: true,
  side: true,
  email: true,
  name: true,
  accessState: true,
  user: { select: { email: true, name: true, deactivatedAt: true } },
} as const;

export type PersonRow = {
  id: string;
  side: string;
  email: string;
  name: string;
  accessState: string;
  user: { email: string; name: string; deactivatedAt: Date | null } | null;
};

/** A seller is reached at their account's address, and only while the account is in use. */
export function recipientOf(p: PersonRow): Recipient {
  if (p.side === "SELLER") {
    const active = p.accessState !== "REVOKED" && Boolean(p.user) && !p.user?.deactivatedAt;
    return { id: p.id, email: (p.user?.email ?? p.email).toLowerCase(), name: p.user?.name ?? p.name, side: "SELLER", active };
  }
  return { id: p.id, email: p.email.toLowerCase(), name: p.name, side: "BUYER", active: p.accessState === "ACTIVE" };
}

export function repOf(owner: { id: string; email: string; name: string; deactivatedAt: Date | null }): Recipient {
  return { id: `user:${owner.id}`, email: owner.email.toLowerCase(), name: owner.name, side: "SELLER", active: !owner.deactivatedAt };
}

/** Plans whose steps may be reminded of; the domain checks the same again, this only narrows the read. */
const LIVE_PLAN = { status: { in: ["SHARED", "ACCEPTED"] }, deal: { outcome: "OPEN", archivedAt: null } };

const STEP = {
  id: true,
  title: true,
  ownerSide: true,
  internalOnly: true,
  targetDate: true,
  status: true,
  markedDoneAt: true,
  markedDoneBySide: true,
  markedDoneByUserId: true,
  buyerConfirmedAt: true,
  ownerParticipant: { select: PERSON },
} as const;

const PLAN = {
  id: true,
  title: true,
  status: true,
  deal: {
    select: { id: true, accountName: true, outcome: true, archivedAt: true, owner: { select: { id: true, email: true, name: true, deactivatedAt: true } } },
  },
} as const;

export type StepRow = {
  id: string;
  title: string;
  ownerSide: string;
  internalOnly: boolean;
  targetDate: string;
  status: string;
  markedDoneAt: Date | null;
  markedDoneBySide: string | null;
  markedDoneByUserId: string | null;
  buyerConfirmedAt: Date | null;
  ownerParticipant: PersonRow | null;
};
export type PlanRow = { id: string; title: string; status: string; deal: { id: string; accountName: string; outcome: string; archivedAt: Date | null } };

export function stepFactsOf(row: StepRow): StepFacts {
  return {
    id: row.id,
    ownerSide: row.ownerSide as OwnerSide,
    internalOnly: row.internalOnly,
    targetDate: row.targetDate,
    completion: completionOfRecord(row),
    markedDoneAt: row.markedDoneAt,
    owner: row.ownerParticipant ? recipientOf(row.ownerParticipant) : null,
  };
}

export function planFactsOf(plan: PlanRow): PlanFacts {
  return { status: plan.status, dealOutcome: plan.deal.outcome, archived: plan.deal.archivedAt !== null };
}

/** What an email about a step says about where it is: the plan, the deal, the seller's company. */
export interface StepContext {
  step: { id: string; title: string; targetDate: string; ownerName: string | null; ownerSide: string };
  plan: { id: string; title: string; dealId: string; accountName: string };
  sellerCompany: string;
}

export function contextOf(org: ReminderOrganization, row: StepRow, plan: PlanRow): StepContext {
  const owner = row.ownerParticipant ? recipientOf(row.ownerParticipant) : null;
  return {
    step: { id: row.id, title: row.title, targetDate: row.targetDate, ownerName: owner?.name ?? null, ownerSide: row.ownerSide },
    plan: { id: plan.id, title: plan.title, dealId: plan.deal.id, accountName: plan.deal.accountName },
    sellerCompany: org.name,
  };
}

// A seller marks a step done by changing its status or by adding it done.
const MARKS: ActivityAction[] = ["milestone.completed", "milestone.created"];
// Well under what one statement may carry on SQLite and PostgreSQL.
const ID_BATCH = 500;

/**
 * Buyer steps a seller marked done from `since` to `now` that no buyer confirmed yet, found
 * through the history of sellers' marks, which is indexed by time, rather than by scanning every
 * done step. A mark stamped after `now` (another instance's clock) is read by a later pass.
 */
export async function stepsAwaitingBuyers(org: ReminderOrganization, since: Date, now: Date) {
  const marks = await prisma.activity.findMany({
    where: { organizationId: org.id, action: { in: MARKS }, at: { gte: since, lte: now }, entityType: "MILESTONE", actorSide: "SELLER" },
    select: { entityId: true },
  });
  const ids = [...new Set(marks.map((m) => m.entityId))];
  const rows = [];
  for (let start = 0; start < ids.length; start += ID_BATCH) {
    rows.push(
      ...(await prisma.milestone.findMany({
        where: {
          id: { in: ids.slice(start, start + ID_BATCH) },
          organizationId: org.id,
          status: "DONE",
          ownerSide: { in: ["BUYER", "JOINT"] },
          internalOnly: false,
          buyerConfirmedAt: null,
          markedDoneAt: { gte: since },
          plan: LIVE_PLAN,
        },
        select: { ...STEP, plan: { select: { ...PLAN, participants: { where: { side: "BUYER" }, select: PERSON } } } },
      })),
    );
  }
  const markers = await sellerNames(
    org.id,
    rows.map((r) => r.markedDoneByUserId),
  );
  return rows.map((row) => ({
    facts: stepFactsOf(row),
    plan: planFactsOf(row.plan),
    buyers: row.plan.participants.map(recipientOf),
    context: contextOf(org, row, row.plan),
    markedBy: (row.markedDoneByUserId && markers.get(row.markedDoneByUserId)) || row.plan.deal.owner.name,
  }));
}

async function sellerNames(organizationId: string, ids: Array<string | null>) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map<string, string>();
  const users = await prisma.user.findMany({ where: { organizationId, id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** A change that moves a plan: anything a buyer can see. Internal notes and seller-only rows do not. */
const MOVES = { internalOnly: false, action: { not: "note.added" satisfies ActivityAction } };

/**
 * Live plans whose quiet spell reached QUIET_DAYS within the last LOOKBACK_DAYS: shared long
 * enough ago, no visible change since the start of the quiet window, and some sign of life (the
 * share or a change) within the lookback. Each with its open buyer steps, buyers and last change.
 */
export async function quietPlans(org: ReminderOrganization, today: string) {
  const quietFrom = addDays(today, -(QUIET_DAYS - 1));
  const lookbackFrom = addDays(today, -(QUIET_DAYS + LOOKBACK_DAYS - 1));
  const plans = await prisma.plan.findMany({
    where: {
      organizationId: org.id,
      status: { in: ["SHARED", "ACCEPTED"] },
      sharedOn: { lte: addDays(today, -QUIET_DAYS) },
      deal: { outcome: "OPEN", archivedAt: null, activities: { none: { ...MOVES, at: { gte: dayStartIn(org.timezone, quietFrom) } } } },
      OR: [{ sharedOn: { gte: lookbackFrom } }, { deal: { activities: { some: { ...MOVES, at: { gte: dayStartIn(org.timezone, lookbackFrom) } } } } }],
    },
    select: {
      ...PLAN,
      sharedOn: true,
      milestones: { where: { ownerSide: { in: ["BUYER", "JOINT"] }, internalOnly: false, status: { not: "DONE" } }, select: STEP },
      participants: { where: { side: "BUYER" }, select: PERSON },
    },
  });
  return Promise.all(
    plans.map(async (plan) => ({
      plan: { ...planFactsOf(plan), id: plan.id, sharedOn: plan.sharedOn },
      lastMove: await lastMoveOf(org, plan.deal.id),
      steps: plan.milestones.map(stepFactsOf),
      contexts: new Map(plan.milestones.map((row) => [row.id, contextOf(org, row, plan)])),
      buyers: plan.participants.map(recipientOf),
      title: plan.title,
    })),
  );
}

async function lastMoveOf(org: ReminderOrganization, dealId: string): Promise<LastMove | null> {
  const row = await prisma.activity.findFirst({
    where: { organizationId: org.id, dealId, ...MOVES },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { id: true, at: true },
  });
  return row ? { id: row.id, on: calendarDateIn(org.timezone, row.at) } : null;
}

export async function reminderOrganizations(): Promise<ReminderOrganization[]> {
  return prisma.organization.findMany({ select: { id: true, name: true, timezone: true }, orderBy: { id: "asc" } });
}
