// (e) The dashboard with the scorecard: loadDashboard and loadScorecard together against a floor of
// bare SQL over the same rows: the dashboard's floor statement plus one aggregate per scorecard figure.
import { prisma } from "~/utils/db.server";
import { loadDashboard } from "~/models/dashboard.server";
import { loadScorecard } from "~/models/scorecard.server";
import { refreshAllSignalCaches } from "~/models/signals.server";
import { actorToday } from "~/models/actor.server";
import { addDays, isCalendarDate } from "~/domain/dates";
import { resolveWindow } from "~/domain/kpis";
import { largestOrganization } from "./dashboard";

async function median(runs: number, work: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/** One bare aggregate per figure, each over the rows its figure reads, with no grouping by owner. */
function floorStatements(organizationId: string, window: { from: string; to: string }, today: string) {
  return [
    prisma.$queryRaw`
      SELECT COUNT(*) AS "due",
             SUM(CASE WHEN m."status" = 'DONE' AND m."completedOn" <= m."targetDate" THEN 1 ELSE 0 END) AS "onTime",
             SUM(CASE WHEN m."targetDate" > m."originalTargetDate" THEN 1 ELSE 0 END) AS "redated"
      FROM "Milestone" m
      WHERE m."organizationId" = ${organizationId} AND m."targetDate" >= ${window.from} AND m."targetDate" <= ${window.to}`,
    // Win rate by stage.
    prisma.$queryRaw`
      SELECT s."toStage", COUNT(*) FROM "DealStageChange" s
      WHERE s."organizationId" = ${organizationId} AND s."changedOn" >= ${window.from} AND s."changedOn" <= ${window.to} GROUP BY s."toStage"`,
    // Days in stage.
    prisma.$queryRaw`
      SELECT s."fromStage", COUNT(*), SUM(s."daysInFromStage") FROM "DealStageChange" s
      WHERE s."organizationId" = ${organizationId} AND s."fromStage" IS NOT NULL AND s."changedOn" >= ${window.from} AND s."changedOn" <= ${window.to}
      GROUP BY s."fromStage"`,
    // Aging: each open deal's latest stage change.
    prisma.$queryRaw`
      SELECT COUNT(*) FROM (SELECT s."dealId", MAX(s."changedOn") AS "enteredOn" FROM "DealStageChange" s
      JOIN "Deal" d ON d."id" = s."dealId" WHERE d."organizationId" = ${organizationId} AND d."outcome" = 'OPEN' GROUP BY s."dealId") x`,
    // Sales cycle.
    prisma.$queryRaw`
      SELECT COUNT(*) FROM "Deal" d JOIN "DealStageChange" s ON s."dealId" = d."id" AND s."fromStage" IS NULL
      WHERE d."organizationId" = ${organizationId} AND d."outcome" = 'WON' AND d."closedOn" >= ${window.from} AND d."closedOn" <= ${window.to}`,
    // MEDDPICC distribution.
    prisma.$queryRaw`
      SELECT m."metrics" + m."economicBuyer" + m."decisionCriteria" + m."decisionProcess" + m."paperProcess" + m."identifyPain" + m."champion" + m."competition",
             COUNT(*), SUM(d."amount")
      FROM "Deal" d LEFT JOIN "MeddpiccScore" m ON m."dealId" = d."id"
      WHERE d."organizationId" = ${organizationId} AND d."outcome" = 'OPEN'
      GROUP BY m."metrics" + m."economicBuyer" + m."decisionCriteria" + m."decisionProcess" + m."paperProcess" + m."identifyPain" + m."champion" + m."competition"`,
    // Next steps.
    prisma.$queryRaw`
      SELECT COUNT(DISTINCT p."dealId") FROM "Milestone" m JOIN "Plan" p ON p."id" = m."planId"
      WHERE m."organizationId" = ${organizationId} AND m."status" <> 'DONE' AND m."ownerParticipantId" IS NOT NULL
        AND m."targetDate" >= ${today} AND m."targetDate" <= ${addDays(today, 14)}`,
    // Close-date pushes.
    prisma.$queryRaw`
      SELECT COUNT(*), COUNT(DISTINCT c."dealId"), SUM(c."daysMoved") FROM "DealCloseDateChange" c
      WHERE c."organizationId" = ${organizationId} AND c."daysMoved" > 0 AND c."changedOn" >= ${window.from} AND c."changedOn" <= ${window.to}`,
  ];
}

export async function benchScorecard() {
  const org = await largestOrganization();
  if (!org) throw new Error("No organization found: run npm run seed:large -- --deals 10000 first.");
  const today = actorToday(org.actor);
  const { window } = resolveWindow("quarter", today, org.actor.fiscalYearStartMonth, null, null, isCalendarDate);
  const stageChanges = await prisma.dealStageChange.count({ where: { organizationId: org.organizationId } });
  const closeDateChanges = await prisma.dealCloseDateChange.count({ where: { organizationId: org.organizationId } });
  // The dashboard reads the signal cache as it is: fill it first, as the server's background refresh would.
  await refreshAllSignalCaches();
  // Warm both paths once: the first query of a kind pays for compiling it.
  await Promise.all([loadDashboard(org.actor, window), loadScorecard(org.actor, window)]);
  const scorecardMs = await median(7, () => loadScorecard(org.actor, window));
  const loaderMs = await median(7, async () => {
    await loadDashboard(org.actor, window);
    await loadScorecard(org.actor, window);
  });
  const floorMs = await median(7, async () => {
    for (const statement of floorStatements(org.organizationId, window, today)) await statement;
  });
  return { deals: org.deals, stageChanges, closeDateChanges, window, scorecardMs, loaderMs, floorMs, ratio: loaderMs / floorMs };
}
