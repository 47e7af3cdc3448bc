// The steps that can be due in 2 days or overdue today, for the reminder pass that runs every
// minute: one statement over the [organizationId, targetDate] index, skipping what was mailed.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { storedDate } from "~/utils/stored-date";
import { addDays } from "~/domain/dates";
import { DUE_SOON_DAYS, KEY_PREFIXES, LOOKBACK_DAYS } from "~/domain/reminders";
import { contextOf, planFactsOf, repOf, stepFactsOf, type PersonRow, type PlanRow, type ReminderOrganization, type StepRow } from "./reminder-facts.server";

// A seller owner is mailed at their account's address (recipientOf).
const OWNER_EMAIL = 'COALESCE(ou."email", op."email")';
// Who recipientOf and the domain let hear of a step, so that steps of owners who never will (a
// buyer only invited, an internal step) do not come back every minute. The domain checks again.
const OWNER_CAN_HEAR = Prisma.raw(`(
  (op."side" = 'BUYER' AND op."accessState" = 'ACTIVE' AND m."internalOnly" = false)
  OR (op."side" = 'SELLER' AND op."accessState" <> 'REVOKED' AND ou."id" IS NOT NULL AND ou."deactivatedAt" IS NULL))`);

interface NearStepRow {
  id: string;
  title: string;
  ownerSide: string;
  internalOnly: boolean | number;
  targetDate: string;
  status: string;
  ownerId: string | null;
  ownerSideOfPerson: string | null;
  ownerEmail: string | null;
  ownerName: string | null;
  ownerAccess: string | null;
  ownerUserEmail: string | null;
  ownerUserName: string | null;
  ownerDeactivatedAt: Date | string | null;
  planId: string;
  planTitle: string;
  planStatus: string;
  dealId: string;
  accountName: string;
  outcome: string;
  archivedAt: Date | string | null;
  repId: string;
  repEmail: string;
  repName: string;
  repDeactivatedAt: Date | string | null;
}

/** The key a reminder about a step would have, built in SQL the way app/domain/reminders.ts builds it. */
function stepKeySql(kind: "STEP_DUE_SOON" | "STEP_OVERDUE", email: string) {
  return `'${KEY_PREFIXES[kind]}:' || m."id" || ':' || m."targetDate" || ':' || LOWER(${email})`;
}

const unmailed = (key: string) => Prisma.raw(`NOT EXISTS (SELECT 1 FROM "EmailOutbox" e WHERE e."idempotencyKey" = ${key})`);

/**
 * Open steps of live plans due in DUE_SOON_DAYS or overdue by 1 to LOOKBACK_DAYS days, leaving
 * out those whose owner and rep were both mailed already: what can still be reminded of today.
 * One statement, because this runs every minute over every deal: the date range is a scan of the
 * [organizationId, targetDate] index, the joins and the outbox lookups stay in SQL, and a minute
 * in which nothing changed returns no rows. The domain decides on each row again.
 */
export async function stepsNearTheirDate(org: ReminderOrganization, today: string) {
  const dueSoonOn = addDays(today, DUE_SOON_DAYS);
  const rows = await prisma.$queryRaw<NearStepRow[]>`
    SELECT m."id", m."title", m."ownerSide", m."internalOnly", m."targetDate", m."status",
           op."id" AS "ownerId", op."side" AS "ownerSideOfPerson", op."email" AS "ownerEmail", op."name" AS "ownerName",
           op."accessState" AS "ownerAccess", ou."email" AS "ownerUserEmail", ou."name" AS "ownerUserName", ou."deactivatedAt" AS "ownerDeactivatedAt",
           p."id" AS "planId", p."title" AS "planTitle", p."status" AS "planStatus",
           d."id" AS "dealId", d."accountName", d."outcome", d."archivedAt",
           r."id" AS "repId", r."email" AS "repEmail", r."name" AS "repName", r."deactivatedAt" AS "repDeactivatedAt"
    FROM "Milestone" m
    JOIN "Plan" p ON p."id" = m."planId" AND p."organizationId" = m."organizationId"
    JOIN "Deal" d ON d."id" = p."dealId" AND d."organizationId" = m."organizationId"
    JOIN "User" r ON r."id" = d."ownerId"
    LEFT JOIN "Participant" op ON op."id" = m."ownerParticipantId" AND op."planId" = m."planId"
    LEFT JOIN "User" ou ON ou."id" = op."userId"
    WHERE m."organizationId" = ${org.id}
      AND m."targetDate" >= ${addDays(today, -LOOKBACK_DAYS)} AND m."targetDate" <= ${dueSoonOn}
      AND m."status" <> 'DONE'
      AND p."status" IN ('SHARED', 'ACCEPTED') AND d."outcome" = 'OPEN' AND d."archivedAt" IS NULL
      AND (
        (m."targetDate" = ${dueSoonOn} AND ${OWNER_CAN_HEAR} AND ${unmailed(stepKeySql("STEP_DUE_SOON", OWNER_EMAIL))})
        OR (m."targetDate" < ${today} AND ${OWNER_CAN_HEAR} AND ${unmailed(stepKeySql("STEP_OVERDUE", OWNER_EMAIL))})
        OR (m."targetDate" < ${today} AND r."deactivatedAt" IS NULL AND ${unmailed(stepKeySql("STEP_OVERDUE", 'r."email"'))})
      )`;
  return rows.map((row) => {
    const owner: PersonRow | null = row.ownerId
      ? {
          id: row.ownerId,
          side: row.ownerSideOfPerson ?? "BUYER",
          email: row.ownerEmail ?? "",
          name: row.ownerName ?? "",
          accessState: row.ownerAccess ?? "INVITED",
          user: row.ownerUserEmail ? { email: row.ownerUserEmail, name: row.ownerUserName ?? "", deactivatedAt: storedDate(row.ownerDeactivatedAt) } : null,
        }
      : null;
    const step: StepRow = {
      id: row.id,
      title: row.title,
      ownerSide: row.ownerSide,
      internalOnly: Boolean(Number(row.internalOnly)),
      targetDate: row.targetDate,
      status: row.status,
      // Never done, by the query: no done mark to read.
      markedDoneAt: null,
      markedDoneBySide: null,
      markedDoneByUserId: null,
      buyerConfirmedAt: null,
      ownerParticipant: owner,
    };
    const plan: PlanRow = {
      id: row.planId,
      title: row.planTitle,
      status: row.planStatus,
      deal: { id: row.dealId, accountName: row.accountName, outcome: row.outcome, archivedAt: storedDate(row.archivedAt) },
    };
    const rep = { id: row.repId, email: row.repEmail, name: row.repName, deactivatedAt: storedDate(row.repDeactivatedAt) };
    return { facts: stepFactsOf(step), plan: planFactsOf(plan), rep: repOf(rep), context: contextOf(org, step, plan) };
  });
}
