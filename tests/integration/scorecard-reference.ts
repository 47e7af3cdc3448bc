// The scorecard computed the slow, obvious way, for tests to hold the SQL to: plain rows read with
// Prisma, grouped by rep, team and organization, through the definitions of
// app/domain/scorecard-rows.ts.
import { prisma } from "~/utils/db.server";
import { countsAsDone } from "~/domain/completion";
import { meddpiccTotal } from "~/domain/meddpicc";
import type { KpiWindow } from "~/domain/kpis";
import { usualDaysInStage, usualTimeWindow, type Scorecard } from "~/domain/scorecard";
import { scorecardOfRows, stageTimesOf, type ScorecardDealRow, type ScorecardRows } from "~/domain/scorecard-rows";
import type { MilestoneStatus, OwnerSide, Side } from "~/domain/types";
import { actorToday, type SellerActor } from "~/models/actor.server";

async function rowsOf(organizationId: string, ownerIds: string[] | null): Promise<ScorecardRows> {
  const deals = await prisma.deal.findMany({
    where: { organizationId, ...(ownerIds ? { ownerId: { in: ownerIds } } : {}) },
    include: { plan: true, meddpicc: true },
  });
  const dealIds = deals.map((d) => d.id);
  const dealRows: ScorecardDealRow[] = deals.map((d) => ({
    dealId: d.id,
    ownerId: d.ownerId,
    accountName: d.accountName,
    name: d.name,
    outcome: d.outcome as ScorecardDealRow["outcome"],
    stage: d.stage,
    amount: d.amount,
    currency: d.currency,
    targetCloseDate: d.targetCloseDate,
    closedOn: d.closedOn,
    repCategory: d.repForecastCategory,
    planState: (d.plan?.status ?? null) as ScorecardDealRow["planState"],
    archived: d.archivedAt !== null,
    meddpiccTotal: d.meddpicc ? meddpiccTotal(d.meddpicc) : null,
  }));
  const milestones = await prisma.milestone.findMany({ where: { organizationId, plan: { dealId: { in: dealIds } } }, include: { plan: true } });
  return {
    deals: dealRows,
    stageChanges: await prisma.dealStageChange.findMany({ where: { organizationId, dealId: { in: dealIds } } }),
    closeDateChanges: await prisma.dealCloseDateChange.findMany({ where: { organizationId, dealId: { in: dealIds } } }),
    milestones: milestones.map((m) => ({
      dealId: m.plan.dealId,
      countsAsDone: countsAsDone({
        ownerSide: m.ownerSide as OwnerSide,
        status: m.status as MilestoneStatus,
        markedDoneBySide: m.markedDoneBySide as Side | null,
        buyerConfirmed: m.buyerConfirmedAt !== null,
      }),
      hasOwner: m.ownerParticipantId !== null,
      targetDate: m.targetDate,
    })),
  };
}

/** The rows of the deals whose owner is in the group. */
function only(rows: ScorecardRows, owners: Set<string>): ScorecardRows {
  const deals = rows.deals.filter((d) => owners.has(d.ownerId));
  const ids = new Set(deals.map((d) => d.dealId));
  return {
    deals,
    stageChanges: rows.stageChanges.filter((c) => ids.has(c.dealId)),
    closeDateChanges: rows.closeDateChanges.filter((c) => ids.has(c.dealId)),
    milestones: rows.milestones.filter((m) => ids.has(m.dealId)),
  };
}

export async function scorecardTheDomainWay(actor: SellerActor, window: KpiWindow, now = new Date()) {
  const organizationId = actor.organizationId;
  const users = await prisma.user.findMany({
    where: { organizationId, ...(actor.role === "MANAGER" ? { team: { managers: { some: { userId: actor.userId } } } } : {}) },
  });
  const teamOf = new Map(users.map((u) => [u.id, u.teamId ?? "no-team"]));
  const rows = await rowsOf(
    organizationId,
    users.map((u) => u.id),
  );
  const today = actorToday(actor, now);
  const organizationTimes = stageTimesOf(await rowsOf(organizationId, null), usualTimeWindow(today));
  const teams = [...new Set(teamOf.values())];
  const teamRows = new Map(teams.map((t) => [t, only(rows, new Set(users.filter((u) => teamOf.get(u.id) === t).map((u) => u.id)))]));
  const teamTimes = new Map(teams.map((t) => [t, stageTimesOf(teamRows.get(t)!, usualTimeWindow(today))]));
  const usualDays = (ownerId: string, stage: number) => usualDaysInStage(teamTimes.get(teamOf.get(ownerId)!), organizationTimes, stage);
  const of = (group: ScorecardRows) => scorecardOfRows(group, window, today, usualDays);
  return {
    byRep: new Map<string, Scorecard>(users.map((u) => [u.id, of(only(rows, new Set([u.id])))])),
    byTeam: new Map<string, Scorecard>(teams.map((t) => [t, of(teamRows.get(t)!)])),
    overall: of(rows),
  };
}
