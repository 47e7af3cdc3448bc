// Forecast accuracy for a manager or an admin (docs/forecast-accuracy.md), by rep, team and for the
// whole scope. Calls are counted in SQL per rep (forecast-accuracy-sql.server.ts); a team's figures
// are the sum of its reps' and the scope's the sum of its teams', as on the dashboard.
import { NotFoundError } from "~/utils/http.server";
import {
  CALLED_CATEGORIES,
  addAccuracy,
  addCounts,
  emptyAccuracy,
  settledCalls,
  type AccuracyFigures,
  type CalledCategory,
  type CategoryTallies,
} from "~/domain/forecast-accuracy";
import { fiscalQuarterOf } from "~/domain/fiscal";
import type { KpiWindow } from "~/domain/kpis";
import { actorToday, type SellerActor } from "./actor.server";
import { dashboardPeople, teamKey, type DashboardPerson } from "./dashboard.server";
import { countCalls } from "./forecast-accuracy-sql.server";

export interface ForecastAccuracy {
  window: KpiWindow;
  today: string;
  people: DashboardPerson[];
  byRep: Map<string, AccuracyFigures>;
  byTeam: Map<string, AccuracyFigures>;
  overall: AccuracyFigures;
}

/** Calls made for the quarters whose last day falls in the window, settled as of today. */
export async function loadForecastAccuracy(actor: SellerActor, window: KpiWindow, now = new Date()): Promise<ForecastAccuracy> {
  const people = await dashboardPeople(actor);
  const today = actorToday(actor, now);
  const counted = await countCalls(
    actor.organizationId,
    people.map((p) => p.id),
    window,
    today,
  );
  const byRep = new Map<string, AccuracyFigures>();
  const byTeam = new Map<string, AccuracyFigures>();
  const overall = emptyAccuracy();
  for (const person of people) {
    const figures = emptyAccuracy();
    const owner = counted.get(person.id);
    for (const counts of owner?.counts ?? []) addCounts(figures, counts);
    figures.unsettled = owner?.unsettled ?? 0;
    byRep.set(person.id, figures);
    if (!byTeam.has(teamKey(person))) byTeam.set(teamKey(person), emptyAccuracy());
    addAccuracy(byTeam.get(teamKey(person))!, figures);
  }
  for (const team of byTeam.values()) addAccuracy(overall, team);
  return { window, today, people, byRep, byTeam, overall };
}

/** One group's figures as the page shows them: plain rows, quarter by quarter and for the whole window. */
export interface AccuracySummary {
  quarters: Array<{ quarterEnd: string; label: string; settled: number; tallies: CategoryTallies }>;
  total: CategoryTallies;
  settled: number;
  unsettled: number;
}

function summaryOf(figures: AccuracyFigures, fiscalYearStartMonth: number): AccuracySummary {
  const quarters = [...figures.byQuarter]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quarterEnd, tallies]) => ({ quarterEnd, label: fiscalQuarterOf(quarterEnd, fiscalYearStartMonth).label, settled: settledCalls(tallies), tallies }));
  return { quarters, total: figures.total, settled: settledCalls(figures.total), unsettled: figures.unsettled };
}

export interface AccuracyRow {
  key: string;
  name: string;
  href: string;
  settled: number;
  unsettled: number;
  byCategory: Record<CalledCategory, CategoryTallies[CalledCategory]>;
}

function rowOf(key: string, name: string, href: string, figures: AccuracyFigures): AccuracyRow {
  const byCategory = Object.fromEntries(CALLED_CATEGORIES.map((c) => [c, figures.total[c]])) as AccuracyRow["byCategory"];
  return { key, name, href, settled: settledCalls(figures.total), unsettled: figures.unsettled, byCategory };
}

/** Reps have rows; a manager or admin only when calls were recorded on deals they own. */
function calls(person: DashboardPerson, accuracy: ForecastAccuracy) {
  const figures = accuracy.byRep.get(person.id)!;
  return person.role === "REP" || figures.unsettled + settledCalls(figures.total) > 0;
}

/**
 * The page: the whole scope, one team's reps, or one rep. A team or rep outside the actor's
 * scope is not found.
 */
export async function forecastAccuracyView(actor: SellerActor, window: KpiWindow, drill: { team: string | null; rep: string | null }, query: string) {
  const accuracy = await loadForecastAccuracy(actor, window);
  const fy = actor.fiscalYearStartMonth;
  const withQuery = (params: Record<string, string>) =>
    `/dashboard/accuracy?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), ...params })}`;
  const teams = new Map<string, string>();
  for (const p of accuracy.people) teams.set(teamKey(p), p.teamName ?? "No team");
  const repRow = (p: DashboardPerson) => rowOf(p.id, p.name, withQuery({ team: teamKey(p), rep: p.id }), accuracy.byRep.get(p.id)!);

  if (drill.rep) {
    const person = accuracy.people.find((p) => p.id === drill.rep);
    if (!person) throw new NotFoundError();
    const scope = { kind: "rep" as const, name: person.name, team: teamKey(person), teamName: teams.get(teamKey(person))! };
    return { scope, today: accuracy.today, summary: summaryOf(accuracy.byRep.get(person.id)!, fy), rows: [] as AccuracyRow[], rowsAre: "reps" as const };
  }
  if (drill.team) {
    if (!teams.has(drill.team)) throw new NotFoundError();
    const members = accuracy.people.filter((p) => teamKey(p) === drill.team && calls(p, accuracy));
    const scope = { kind: "team" as const, name: teams.get(drill.team)!, team: drill.team, teamName: teams.get(drill.team)! };
    return { scope, today: accuracy.today, summary: summaryOf(accuracy.byTeam.get(drill.team)!, fy), rows: members.map(repRow), rowsAre: "reps" as const };
  }
  const byTeams = teams.size > 1;
  const rows = byTeams
    ? [...teams].map(([key, name]) => rowOf(key, name, withQuery({ team: key }), accuracy.byTeam.get(key)!)).filter((row) => row.settled + row.unsettled > 0)
    : accuracy.people.filter((p) => calls(p, accuracy)).map(repRow);
  const scope = {
    kind: "all" as const,
    name: actor.role === "ADMIN" ? "Whole organization" : byTeams ? "Your teams" : "Your team",
    team: null,
    teamName: null,
  };
  return { scope, today: accuracy.today, summary: summaryOf(accuracy.overall, fy), rows, rowsAre: byTeams ? ("teams" as const) : ("reps" as const) };
}
