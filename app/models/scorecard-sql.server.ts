// The scorecard's reads: each figure of app/domain/scorecard-rows.ts counted in SQL, grouped per
// deal owner so that teams and the organization add up from reps. tests/integration/scorecard.test.ts
// holds these counts to the definitions. Runs on SQLite and PostgreSQL alike: quoted identifiers,
// calendar dates compared as text, day arithmetic done here in TypeScript on grouped dates.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { addDays } from "~/domain/dates";
import { MEDDPICC_QUALIFIED, NEXT_STEP_DAYS, readableDaysBetween, type DealRef } from "~/domain/scorecard";
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

/** Won deals closed in the window, with the day each opened (its first stage row). */
export async function salesCycles(organizationId: string, ownerIds: string[], window: KpiWindow) {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT d."ownerId" AS "ownerId", d."closedOn" AS "closedOn", MIN(s."changedOn") AS "openedOn"
    FROM "Deal" d
    JOIN "DealStageChange" s ON s."dealId" = d."id" AND s."fromStage" IS NULL
    WHERE ${ownersDeals(organizationId, ownerIds)} AND d."outcome" = 'WON' AND d."closedOn" >= ${window.from} AND d."closedOn" <= ${window.to}
    GROUP BY d."id", d."ownerId", d."closedOn"`;
  return rows.flatMap((r) => {
    const days = readableDaysBetween(String(r.openedOn), String(r.closedOn));
    return days === null ? [] : [{ ownerId: String(r.ownerId), days, deals: 1 }];
  });
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
  // The deals with a next step, found from the few milestones dated in the next two weeks.
  const withNextStep = Prisma.sql`(SELECT np."dealId" FROM "Milestone" m JOIN "Plan" np ON np."id" = m."planId"
    WHERE m."organizationId" = ${organizationId} AND m."targetDate" >= ${today} AND m."targetDate" <= ${addDays(today, NEXT_STEP_DAYS)}
      AND m."ownerParticipantId" IS NOT NULL AND NOT COALESCE(${COUNTS_AS_DONE}, false))`;
  // One pass: each owner's deals with a next step fall into one group, each deal without one is a group of its own.
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT x."ownerId" AS "ownerId", x."dealId" AS "dealId", w."accountName" AS "accountName", w."name" AS "name", COUNT(*) AS "deals"
    FROM (SELECT d."ownerId" AS "ownerId", CASE WHEN d."id" IN ${withNextStep} THEN NULL ELSE d."id" END AS "dealId"
          FROM "Deal" d JOIN "Plan" p ON p."dealId" = d."id"
          WHERE ${ownersDeals(organizationId, ownerIds)} AND d."outcome" = 'OPEN' AND p."status" IN ('SHARED', 'ACCEPTED')) x
    LEFT JOIN "Deal" w ON w."id" = x."dealId"
    GROUP BY x."ownerId", x."dealId", w."accountName", w."name"`;
  const byOwner = new Map<string, { ownerId: string; active: number; withNextStep: number }>();
  for (const r of rows) {
    const owner = byOwner.get(String(r.ownerId)) ?? { ownerId: String(r.ownerId), active: 0, withNextStep: 0 };
    owner.active += n(r.deals);
    if (r.dealId === null) owner.withNextStep += n(r.deals);
    byOwner.set(owner.ownerId, owner);
  }
  return { byOwner: [...byOwner.values()], without: rows.filter((r) => r.dealId !== null).map(dealRef) };
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
