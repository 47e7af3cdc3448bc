// The manager's scorecard (docs/scorecard.md), by rep, by team and for the whole scope, over the
// same people as the dashboard (dashboardPeople). The SQL in scorecard-sql.server.ts counts per
// owner; a team's figures are the sum of its reps', and the scope's the sum of its teams'.
import {
  addClosingDeal,
  addMeddpiccDeal,
  addScorecard,
  addStageOutcome,
  addStageTime,
  agingDeal,
  emptyScorecard,
  finishScorecard,
  usualDaysInStage,
  usualTimeWindow,
  type Scorecard,
} from "~/domain/scorecard";
import type { KpiWindow } from "~/domain/kpis";
import { actorToday, type SellerActor } from "./actor.server";
import { dashboardPeople } from "./dashboard.server";
import { resolveDrill, sumByTeam, teamKey, type DashboardPerson, type Drill } from "./dashboard-scope.server";
import { closeDatePushes, meddpiccTotals, nextSteps, openDealStages, salesCycles, stageEntries, stageStints } from "./scorecard-sql.server";

export interface ScorecardData {
  window: KpiWindow;
  today: string;
  people: DashboardPerson[];
  byRep: Map<string, Scorecard>;
  byTeam: Map<string, Scorecard>;
  overall: Scorecard;
}

/** Usual days in each stage: per team of the scope, and over the whole organization. */
function usualTimes(people: DashboardPerson[], stints: Awaited<ReturnType<typeof stageStints>>) {
  const teamOf = new Map(people.map((p) => [p.id, teamKey(p)]));
  const byTeam = new Map<string, Scorecard>();
  const organization = emptyScorecard();
  for (const row of stints) {
    addStageTime(organization, row.stage, row.stints, row.days);
    const team = teamOf.get(row.ownerId);
    if (team === undefined) continue;
    if (!byTeam.has(team)) byTeam.set(team, emptyScorecard());
    addStageTime(byTeam.get(team)!, row.stage, row.stints, row.days);
  }
  for (const s of [...byTeam.values(), organization]) finishScorecard(s);
  return (ownerId: string, stage: number) => usualDaysInStage(byTeam.get(teamOf.get(ownerId)!), organization, stage);
}

export async function loadScorecard(actor: SellerActor, window: KpiWindow, now = new Date()): Promise<ScorecardData> {
  const people = await dashboardPeople(actor);
  const ownerIds = people.map((p) => p.id);
  const today = actorToday(actor, now);
  const byRep = new Map<string, Scorecard>(people.map((p) => [p.id, emptyScorecard()]));
  const rep = (ownerId: string) => byRep.get(ownerId)!;
  if (ownerIds.length > 0) {
    const orgId = actor.organizationId;
    const stints = await stageStints(orgId, window);
    for (const row of stints) if (byRep.has(row.ownerId)) addStageTime(rep(row.ownerId), row.stage, row.stints, row.days);
    for (const row of await stageEntries(orgId, ownerIds, window)) addStageOutcome(rep(row.ownerId), row.stage, row.outcome, row.deals);
    for (const row of await salesCycles(orgId, ownerIds, window)) rep(row.ownerId).salesCycle.days.push(...Array<number>(row.deals).fill(row.days));
    for (const row of await meddpiccTotals(orgId, ownerIds, window)) {
      addMeddpiccDeal(rep(row.ownerId), row.total, row.currency, row.value, row.deals);
      addClosingDeal(rep(row.ownerId), row.currency, row.commitValue, row.qualifiedClosingValue);
    }
    // A short window holds too few ended stints to say what is usual: aging is judged on the year.
    const usualDays = usualTimes(people, await stageStints(orgId, usualTimeWindow(today)));
    for (const deal of await openDealStages(orgId, ownerIds)) {
      const aging = agingDeal(deal, deal.enteredOn, today, usualDays(deal.ownerId, deal.stage));
      if (aging) rep(deal.ownerId).aging.push(aging);
    }
    const steps = await nextSteps(orgId, ownerIds, today);
    for (const row of steps.byOwner) Object.assign(rep(row.ownerId).nextStep, { active: row.active, withNextStep: row.withNextStep });
    for (const deal of steps.without) rep(deal.ownerId).nextStep.without.push(deal);
    for (const row of await closeDatePushes(orgId, ownerIds, window)) {
      const pushes = rep(row.ownerId).pushes;
      pushes.pushes += row.pushes;
      pushes.dealsPushed += row.deals;
      pushes.daysPushed += row.days;
      if (row.outcome === "OPEN") pushes.openDealsPushed += row.deals;
    }
  }
  const { byTeam, overall } = sumByTeam(people, byRep, emptyScorecard, addScorecard, finishScorecard);
  return { window, today, people, byRep, byTeam, overall };
}

export interface ScorecardRow {
  key: string;
  name: string;
  /** Where this row drills down to, keeping the window. */
  href: string;
  scorecard: Scorecard;
}

/** A person has a row when they sell, or own a deal that counts in a figure. */
function hasFigures(person: DashboardPerson, s: Scorecard) {
  return (
    person.role === "REP" ||
    s.meddpicc.openDeals + s.salesCycle.count + s.pushes.pushes + s.nextStep.active > 0 ||
    Object.values(s.winRate).some((r) => r.entered > 0) ||
    Object.values(s.daysInStage).some((t) => t.stints > 0)
  );
}

/** The scorecard as its page shows it: the whole scope, one team's reps, or one rep (resolveDrill). */
export async function scorecardView(actor: SellerActor, window: KpiWindow, drill: Drill, query: string) {
  const data = await loadScorecard(actor, window);
  const { people, byRep, byTeam, overall } = data;
  const view = resolveDrill({ role: actor.role, people, drill, path: "/dashboard/scorecard", query, sums: { byRep, byTeam, overall }, hasRow: hasFigures });
  const rows: ScorecardRow[] = view.rows.map((row) => ({ key: row.key, name: row.name, href: row.href, scorecard: row.figures }));
  const ownerNames = Object.fromEntries(people.map((p) => [p.id, p.name]));
  return { today: data.today, ownerNames, scope: view.scope, rows, rowsAre: view.rowsAre, summary: view.summary };
}
