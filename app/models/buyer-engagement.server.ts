// Buyer engagement: visits and opened steps, recorded as counters (one row per buyer and day, one
// per buyer and step) rather than a row per page view, and read back for the seller's deal page.
// The rules are in docs/notifications.md, "Buyer engagement"; the figures in app/domain/buyer-visits.ts.
import { Prisma } from "~/generated/prisma/client";
import { addDays, organizationToday } from "~/domain/dates";
import { engagementTrend, stakeholderVisits, startsNewVisit, type EngagementTrend, type StakeholderVisits } from "~/domain/buyer-visits";
import { ENGAGEMENT } from "~/domain/thresholds";
import type { ActivityEntry } from "./activity.types";
import { activityEntryOf } from "./activity.server";
import { visiblePlansWhere, type BuyerActor, type SellerActor } from "./actor.server";
import { prisma } from "~/utils/db.server";
import { countPageView, latestCountedView } from "./page-view-counts.server";
import { storedDate } from "~/utils/stored-date";
import { dailyPass } from "~/utils/daily-pass.server";
import type { JobPass } from "~/utils/job-pass";

const DAY_MS = 86_400_000;

/** What one page view of the buyer's plan was: a plain view, or the opening of a step's forms. */
export interface PageView {
  /** The buyer's previous recorded view, which tells whether this one starts a visit. */
  previousViewAt: Date | null;
  /** The step whose forms the view opened, if any (not yet checked to be the buyer's). */
  openedStepId: string | null;
}

/**
 * Records a page view: a view adds to the buyer's row for the organization's day, counted in memory
 * and written within a second with every other view (app/models/page-view-counts.server.ts);
 * opening a step's forms adds to that step's row at once instead, and to the day's row too only
 * when it starts a visit (the forms were opened straight from a link). A failure is logged, never
 * shown: counting a visit must not cost the buyer their page.
 */
export async function recordPageView(buyer: BuyerActor, view: PageView, now = new Date()): Promise<void> {
  const counted = latestCountedView(buyer.participantId);
  const previousViewAt = counted && (!view.previousViewAt || counted > view.previousViewAt) ? counted : view.previousViewAt;
  const newVisit = startsNewVisit(previousViewAt, now);
  try {
    if (view.openedStepId) {
      await recordStepOpen(buyer, view.openedStepId, now);
      if (!newVisit) return;
    }
    const viewed = { participantId: buyer.participantId, day: organizationToday(buyer, now), organizationId: buyer.organizationId, planId: buyer.planId };
    countPageView(viewed, newVisit, now);
  } catch (error) {
    console.error("[engagement] a buyer's page view was not recorded", error);
  }
}

/** Counts an opened step, only when it is a step of the buyer's plan that buyers see (the insert selects it). */
async function recordStepOpen(buyer: BuyerActor, milestoneId: string, now: Date) {
  await prisma.$executeRaw`
    INSERT INTO "BuyerStepOpen" ("participantId", "milestoneId", "organizationId", "planId", "opens", "lastOpenedAt")
    SELECT ${buyer.participantId}, m."id", m."organizationId", m."planId", 1, ${now}
    FROM "Milestone" m
    WHERE m."id" = ${milestoneId} AND m."planId" = ${buyer.planId} AND m."organizationId" = ${buyer.organizationId} AND m."internalOnly" = false
    ON CONFLICT ("participantId", "milestoneId") DO UPDATE SET
      "opens" = "BuyerStepOpen"."opens" + 1,
      "lastOpenedAt" = excluded."lastOpenedAt"`;
}

/** One buyer stakeholder's figures on the deal page. */
export interface StakeholderEngagement extends StakeholderVisits {
  /** Their latest change to the plan, worded on the page (app/components/activity-text.ts). */
  lastAction: ActivityEntry | null;
  /** Steps they opened, most recent first. */
  openedSteps: Array<{ milestoneId: string; opens: number }>;
}

export interface DealEngagement {
  stakeholders: Record<string, StakeholderEngagement>;
  trend: EngagementTrend;
}

/**
 * The deal page's engagement figures for a seller who can see the deal; null when the deal has no
 * plan or is not theirs to see. Narrow reads: the plan's buyers, their visit days of the last four
 * weeks, the moments of buyer changes, each buyer's latest change and their opened steps.
 */
export async function dealEngagement(actor: SellerActor, dealId: string, now = new Date()): Promise<DealEngagement | null> {
  const plan = await prisma.plan.findFirst({
    where: { ...visiblePlansWhere(actor), dealId },
    select: { id: true, participants: { where: { side: "BUYER" }, select: { id: true, lastSeenAt: true } } },
  });
  if (!plan) return null;
  const today = organizationToday(actor, now);
  const [visitDays, changes, lastActions, opens] = await Promise.all([
    readVisitDays(plan.id, actor.organizationId, addDays(today, -(2 * ENGAGEMENT.windowDays))),
    // A day more than the windows, in moments: the organization's days are cut out of it exactly.
    prisma.activity.findMany({
      where: {
        dealId,
        organizationId: actor.organizationId,
        ...buyerChangeOn(plan.id),
        at: { gte: new Date(now.getTime() - (2 * ENGAGEMENT.windowDays + 1) * DAY_MS) },
      },
      select: { at: true },
    }),
    latestBuyerChanges(actor.organizationId, dealId, plan.id),
    readStepOpens(plan.id, actor.organizationId),
  ]);
  const visits = stakeholderVisits(plan.participants, visitDays, today);
  const stakeholders: Record<string, StakeholderEngagement> = {};
  for (const person of plan.participants) {
    stakeholders[person.id] = {
      ...(visits.get(person.id) ?? { lastSeenAt: person.lastSeenAt, visitsThisWeek: 0 }),
      lastAction: lastActions.get(person.id) ?? null,
      openedSteps: opens.filter((o) => o.participantId === person.id).map(({ milestoneId, opens }) => ({ milestoneId, opens })),
    };
  }
  const trend = engagementTrend({ today, timeZone: actor.timezone, visitDays, buyerChanges: changes.map((c) => c.at) });
  return { stakeholders, trend };
}

// The deal page reloads after every save: lean reads here cost a fraction of an ORM query's preparation.
async function readVisitDays(planId: string, organizationId: string, fromDay: string) {
  const rows = await prisma.$queryRaw<{ participantId: string; day: string; visits: number | bigint; lastViewAt: Date | string }[]>`
    SELECT "participantId", "day", "visits", "lastViewAt" FROM "BuyerVisitDay"
    WHERE "planId" = ${planId} AND "organizationId" = ${organizationId} AND "day" >= ${fromDay}`;
  return rows.map((row) => ({ ...row, visits: Number(row.visits), lastViewAt: storedDate(row.lastViewAt) }));
}

async function readStepOpens(planId: string, organizationId: string) {
  const rows = await prisma.$queryRaw<{ participantId: string; milestoneId: string; opens: number | bigint }[]>`
    SELECT "participantId", "milestoneId", "opens" FROM "BuyerStepOpen"
    WHERE "planId" = ${planId} AND "organizationId" = ${organizationId}
    ORDER BY "lastOpenedAt" DESC`;
  return rows.map((row) => ({ ...row, opens: Number(row.opens) }));
}

/** A buyer change: a history row written by one of the plan's buyer participants (as the signals engine counts them). */
function buyerChangeOn(planId: string): Prisma.ActivityWhereInput {
  return { actorSide: "BUYER", actorParticipant: { side: "BUYER", planId } };
}

type ActivityRow = Omit<ActivityEntry, "at" | "before" | "after" | "internalOnly"> & {
  actorParticipantId: string;
  at: Date | string;
  before: string | null;
  after: string | null;
};

/** Each buyer participant's latest history row on the deal, in one statement. */
async function latestBuyerChanges(organizationId: string, dealId: string, planId: string): Promise<Map<string, ActivityEntry>> {
  const rows = await prisma.$queryRaw<ActivityRow[]>`
    SELECT "id", "at", "actorName", "actorSide", "actorParticipantId", "entityType", "entityId", "action", "before", "after"
    FROM (
      SELECT a."id", a."at", a."actorName", a."actorSide", a."actorParticipantId", a."entityType", a."entityId", a."action", a."before", a."after",
             ROW_NUMBER() OVER (PARTITION BY a."actorParticipantId" ORDER BY a."at" DESC, a."id" DESC) AS "rank"
      FROM "Activity" a
      JOIN "Participant" buyer ON buyer."id" = a."actorParticipantId" AND buyer."side" = 'BUYER' AND buyer."planId" = ${planId}
      WHERE a."dealId" = ${dealId} AND a."organizationId" = ${organizationId} AND a."actorSide" = 'BUYER'
    ) latest
    WHERE "rank" = 1`;
  return new Map(rows.map((row) => [row.actorParticipantId, activityEntryOf({ ...row, internalOnly: false })]));
}

/** The engagement rows of a plan, deleted with its deal (they carry no foreign key). */
export function forgetPlanEngagement(planId: string) {
  return [prisma.buyerVisitDay.deleteMany({ where: { planId } }), prisma.buyerStepOpen.deleteMany({ where: { planId } })];
}

/**
 * Visit and step rows are kept 400 days. The deal page reads four weeks; a little over a year
 * lets a seller compare a renewal with last year's evaluation, and past that a buyer's reading
 * habits are not ours to keep.
 */
export const VISIT_RETENTION_DAYS = 400;

/** Once a day at most, since the job round runs every minute. */
const pruneVisits = dailyPass("buyer-visits-prune", async (now) => {
  // Days are the organizations' calendar days; a day either way does not matter at 400.
  const oldestKept = addDays(now.toISOString().slice(0, 10), -VISIT_RETENTION_DAYS);
  const [days, steps] = await prisma.$transaction([
    prisma.buyerVisitDay.deleteMany({ where: { day: { lt: oldestKept } } }),
    prisma.buyerStepOpen.deleteMany({ where: { lastOpenedAt: { lt: new Date(now.getTime() - VISIT_RETENTION_DAYS * DAY_MS) } } }),
  ]);
  return `${days.count} visit days and ${steps.count} opened steps older than ${VISIT_RETENTION_DAYS} days deleted`;
});

export const engagementJobs: JobPass[] = [pruneVisits];
