// The scorecard's reads: each figure of app/domain/scorecard-rows.ts counted in SQL, grouped per
// deal owner so that teams and the organization add up from reps. tests/integration/scorecard.test.ts
// holds these counts to the definitions. Runs on SQLite and PostgreSQL alike: quoted identifiers,
// calendar dates compared as text, day arithmetic done here in TypeScript on grouped dates.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { addDays, daysBetween } from "~/domain/dates";
import { MEDDPICC_QUALIFIED, NEXT_STEP_DAYS, type DealRef } from "~/domain/scorecard";
import type { KpiWindow } from "~/domain/kpis";
import { COUNTS_AS_DONE } from "./dashboard-sql.server";

type Row = Record<string, unknown>;
const n = (value: unknown) => Number(value ?? 0);
const outcomeOf = (value: unknown) => String(value) as "OPEN" | "WON" | "LOST";

/** The owners' deals that count: archived deals leave every figure. */
function ownersDeals(organizationId: string, ownerIds: string[]) {
  return Prisma.sql`d."organizationId" = ${organizationId} AND d."ownerId" IN (${Prisma.join(ownerIds)}) AND d."archivedAt" IS NULL`;
}

const MEDDPICC_TOTAL = Prisma.sql`(m."metrics" + m."economicBuyer" + m."decisionCriteria" + m."decisionProcess" + m."paperProcess" + m."identifyPain" + m."champion" + m."competition")`;

/** Distinct deals that entered each stage in the window, by owner and by what became of them. */
export async function stageEntries(organizationId: string, ownerIds: string[], window: KpiWindow) {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT d."ownerId" AS "ownerId", s."toStage" AS "stage", d."outcome" AS "outcome", COUNT(DISTINCT s."dealId") AS "deals"
    FROM "DealStageChange" s
    JOIN "Deal" d ON d."id" = s."dealId"
    WHERE s."organizationId" = ${organizationId} AND ${ownersDeals(organizationId, ownerIds)}
      AND s."changedOn" >= ${window.from} AND s."changedOn" <= ${window.to}
    GROUP BY d."ownerId", s."toStage", d."outcome"`;
  return rows.map((r) => ({ ownerId: String(r.ownerId), stage: n(r.stage), outcome: outcomeOf(r.outcome), deals: n(r.deals) }));
}

/**
 * Stints that ended in the window, per owner and stage, over the whole organization: a team with
 * no stint of its own in a stage is measured against the organization's usual time.
 */
export async function stageStints(organizationId: string, window: KpiWindow) {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT d."ownerId" AS "ownerId", s."fromStage" AS "stage", COUNT(*) AS "stints", SUM(s."daysInFromStage") AS "days"
    FROM "DealStageChange" s
    JOIN "Deal" d ON d."id" = s."dealId"
    WHERE s."organizationId" = ${organizationId} AND d."organizationId" = ${organizationId} AND d."archivedAt" IS NULL
      AND s."fromStage" IS NOT NULL AND s."daysInFromStage" IS NOT NULL
      AND s."changedOn" >= ${window.from} AND s."changedOn" <= ${window.to}
    GROUP BY d."ownerId", s."fromStage"`;
  return rows.map((r) => ({ ownerId: String(r.ownerId), stage: n(r.stage), stints: n(r.stints), days: n(r.days) }));
}

/** Won deals closed in the window, grouped by the day they opened and the day they closed. */
export async function salesCycles(organizationId: string, ownerIds: string[], window: KpiWindow) {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT d."ownerId" AS "ownerId", d."closedOn" AS "closedOn", o."openedOn" AS "openedOn", COUNT(*) AS "deals"
    FROM "Deal" d
    JOIN (SELECT s."dealId" AS "dealId", MIN(s."changedOn") AS "openedOn" FROM "DealStageChange" s
          WHERE s."organizationId" = ${organizationId} AND s."fromStage" IS NULL GROUP BY s."dealId") o ON o."dealId" = d."id"
    WHERE ${ownersDeals(organizationId, ownerIds)} AND d."outcome" = 'WON' AND d."closedOn" >= ${window.from} AND d."closedOn" <= ${window.to}
    GROUP BY d."ownerId", d."closedOn", o."openedOn"`;
  return rows.map((r) => ({ ownerId: String(r.ownerId), days: daysBetween(String(r.openedOn), String(r.closedOn)), deals: n(r.deals) }));
}

/**
 * Open deals by owner, currency and MEDDPICC total (null: never scored): their count and value,
 * and of those closing in the window, the value and the rep-called Commit value.
 */
export async function meddpiccTotals(organizationId: string, ownerIds: string[], window: KpiWindow) {
  const closing = Prisma.sql`d."targetCloseDate" >= ${window.from} AND d."targetCloseDate" <= ${window.to}`;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT d."ownerId" AS "ownerId", d."currency" AS "currency", ${MEDDPICC_TOTAL} AS "total", COUNT(*) AS "deals", SUM(d."amount") AS "value",
           SUM(CASE WHEN ${closing} THEN d."amount" ELSE 0 END) AS "closingValue",
           SUM(CASE WHEN ${closing} AND d."repForecastCategory" = 'COMMIT' THEN d."amount" ELSE 0 END) AS "commitValue"
    FROM "Deal" d
    LEFT JOIN "MeddpiccScore" m ON m."dealId" = d."id"
    WHERE ${ownersDeals(organizationId, ownerIds)} AND d."outcome" = 'OPEN'
    GROUP BY d."ownerId", d."currency", ${MEDDPICC_TOTAL}`;
  return rows.map((r) => {
    const total = r.total === null ? null : n(r.total);
    return {
      ownerId: String(r.ownerId),
      currency: String(r.currency),
      total,
      deals: n(r.deals),
      value: n(r.value),
      commitValue: n(r.commitValue),
      qualifiedClosingValue: total !== null && total >= MEDDPICC_QUALIFIED ? n(r.closingValue) : 0,
    };
  });
}

/** Each open deal's stage and the day of its latest stage change, for aging. */
export async function openDealStages(organizationId: string, ownerIds: string[]) {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT d."id" AS "dealId", d."ownerId" AS "ownerId", d."accountName" AS "accountName", d."name" AS "name", d."stage" AS "stage",
           MAX(s."changedOn") AS "enteredOn"
    FROM "Deal" d
    JOIN "DealStageChange" s ON s."dealId" = d."id"
    WHERE ${ownersDeals(organizationId, ownerIds)} AND d."outcome" = 'OPEN'
    GROUP BY d."id", d."ownerId", d."accountName", d."name", d."stage"`;
  return rows.map((r) => ({ ...dealRef(r), stage: n(r.stage), enteredOn: String(r.enteredOn) }));
}

function dealRef(r: Row): DealRef {
  return { dealId: String(r.dealId), ownerId: String(r.ownerId), accountName: String(r.accountName), name: String(r.name) };
}

/** Active deals (open, plan shared or accepted) per owner, those with a next step, and the deals without one. */
export async function nextSteps(organizationId: string, ownerIds: string[], today: string) {
  const nextStep = Prisma.sql`EXISTS (SELECT 1 FROM "Milestone" m WHERE m."planId" = p."id" AND NOT ${COUNTS_AS_DONE}
    AND m."ownerParticipantId" IS NOT NULL AND m."targetDate" >= ${today} AND m."targetDate" <= ${addDays(today, NEXT_STEP_DAYS)})`;
  const active = Prisma.sql`FROM "Deal" d JOIN "Plan" p ON p."dealId" = d."id"
    WHERE ${ownersDeals(organizationId, ownerIds)} AND d."outcome" = 'OPEN' AND p."status" IN ('SHARED', 'ACCEPTED')`;
  const counts = await prisma.$queryRaw<Row[]>`
    SELECT d."ownerId" AS "ownerId", COUNT(*) AS "active", SUM(CASE WHEN ${nextStep} THEN 1 ELSE 0 END) AS "withNextStep"
    ${active}
    GROUP BY d."ownerId"`;
  const without = await prisma.$queryRaw<Row[]>`
    SELECT d."id" AS "dealId", d."ownerId" AS "ownerId", d."accountName" AS "accountName", d."name" AS "name"
    ${active} AND NOT ${nextStep}`;
  return {
    byOwner: counts.map((r) => ({ ownerId: String(r.ownerId), active: n(r.active), withNextStep: n(r.withNextStep) })),
    without: without.map(dealRef),
  };
}

/** Close dates moved later in the window, by owner and by whether the deal is open now. */
export async function closeDatePushes(organizationId: string, ownerIds: string[], window: KpiWindow) {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT d."ownerId" AS "ownerId", d."outcome" AS "outcome", COUNT(*) AS "pushes", COUNT(DISTINCT c."dealId") AS "deals", SUM(c."daysMoved") AS "days"
    FROM "DealCloseDateChange" c
    JOIN "Deal" d ON d."id" = c."dealId"
    WHERE c."organizationId" = ${organizationId} AND ${ownersDeals(organizationId, ownerIds)}
      AND c."daysMoved" > 0 AND c."changedOn" >= ${window.from} AND c."changedOn" <= ${window.to}
    GROUP BY d."ownerId", d."outcome"`;
  return rows.map((r) => ({ ownerId: String(r.ownerId), outcome: outcomeOf(r.outcome), pushes: n(r.pushes), deals: n(r.deals), days: n(r.days) }));
}
