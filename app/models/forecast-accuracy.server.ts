// Forecast accuracy for a manager or an admin (docs/forecast-accuracy.md), by rep, team and for the
// whole scope. Calls are counted in SQL per rep (forecast-accuracy-sql.server.ts); a team's figures
// are the sum of its reps' and the scope's the sum of its teams', as on the dashboard.
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
import { dashboardPeople } from "./dashboard.server";
import { resolveDrill, sumByTeam, type DashboardPerson, type Drill } from "./dashboard-scope.server";
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
  for (const person of people) {
    const figures = emptyAccuracy();
    const owner = counted.get(person.id);
    for (const counts of owner?.counts ?? []) addCounts(figures, counts);
    figures.unsettled = owner?.unsettled ?? 0;
    byRep.set(person.id, figures);
  }
  const { byTeam, overall } = sumByTeam(people, byRep, emptyAccuracy, addAccuracy);
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
function calls(person: DashboardPerson, figures: AccuracyFigures) {
  return person.role === "REP" || figures.unsettled + settledCalls(figures.total) > 0;
}

/** The page: the whole scope, one team's reps, or one rep (resolveDrill). A team is listed only when it has calls. */
export async function forecastAccuracyView(actor: SellerActor, window: KpiWindow, drill: Drill, query: string) {
  const accuracy = await loadForecastAccuracy(actor, window);
  const { people, byRep, byTeam, overall } = accuracy;
  const view = resolveDrill({ role: actor.role, people, drill, path: "/dashboard/accuracy", query, sums: { byRep, byTeam, overall }, hasRow: calls });
  const rows = view.rows
    .map((row) => rowOf(row.key, row.name, row.href, row.figures))
    .filter((row) => view.rowsAre === "rep" || row.settled + row.unsettled > 0);
  const summary = summaryOf(view.summary, actor.fiscalYearStartMonth);
  return { scope: view.scope, today: accuracy.today, summary, rows, rowsAre: view.rowsAre };
}
