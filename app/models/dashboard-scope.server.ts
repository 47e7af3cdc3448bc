// What the dashboard, the scorecard and forecast accuracy share: the people of a scope in their
// teams, figures that add up from reps to teams to the scope, a drill-down from the scope to a team
// to a rep, and the window their links carry. Each page brings its own figures.
import { NotFoundError } from "~/utils/http.server";
import { isCalendarDate } from "~/domain/dates";
import type { KpiWindow } from "~/domain/kpis";
import { actorToday, type SellerActor } from "./actor.server";

export interface DashboardPerson {
  id: string;
  name: string;
  role: string;
  teamId: string | null;
  teamName: string | null;
}

const NO_TEAM = "no-team";

export const teamKey = (person: Pick<DashboardPerson, "teamId">) => person.teamId ?? NO_TEAM;

/**
 * A team's figures are the sum of its reps', and the scope's the sum of all its reps (so of its
 * teams'): every figure adds up from the rows it drills into. `finish` then runs on every group.
 */
export function sumByTeam<T>(
  people: DashboardPerson[],
  byRep: Map<string, T>,
  empty: () => T,
  add: (into: T, from: T) => void,
  finish?: (figures: T) => void,
): { byTeam: Map<string, T>; overall: T } {
  const byTeam = new Map<string, T>();
  const overall = empty();
  for (const person of people) {
    if (!byTeam.has(teamKey(person))) byTeam.set(teamKey(person), empty());
    add(byTeam.get(teamKey(person))!, byRep.get(person.id)!);
    add(overall, byRep.get(person.id)!);
  }
  if (finish) for (const figures of [...byRep.values(), ...byTeam.values(), overall]) finish(figures);
  return { byTeam, overall };
}

export interface Drill {
  team: string | null;
  rep: string | null;
}

export type DrillScope = { kind: "all"; name: string; team: null; teamName: null } | { kind: "team" | "rep"; name: string; team: string; teamName: string };

export interface DrillRow<T> {
  key: string;
  name: string;
  /** Where this row drills down to, keeping the window. */
  href: string;
  figures: T;
}

export interface DrillOptions<T> {
  role: SellerActor["role"];
  people: DashboardPerson[];
  drill: Drill;
  /** The page's path and the window query its links keep. */
  path: string;
  query: string;
  sums: { byRep: Map<string, T>; byTeam: Map<string, T>; overall: T };
  /** Whether a rep gets a row of their own: not a manager or admin who sells nothing. */
  hasRow: (person: DashboardPerson, figures: T) => boolean;
}

/**
 * What a page shows: the whole scope, one team's reps, or one rep. The drill-down target must be
 * inside the actor's scope, or it is not found. With several teams in scope (an admin's, or a
 * manager's of several teams) the page starts from teams; with one, from its reps.
 */
export function resolveDrill<T>({ role, people, drill, path, query, sums, hasRow }: DrillOptions<T>) {
  const withQuery = (params: Record<string, string>) => `${path}?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), ...params })}`;
  const teams = new Map<string, string>();
  for (const p of people) teams.set(teamKey(p), p.teamName ?? "No team");
  const repRows = (members: DashboardPerson[]): Array<DrillRow<T>> =>
    members
      .filter((p) => hasRow(p, sums.byRep.get(p.id)!))
      .map((p) => ({ key: p.id, name: p.name, href: withQuery({ rep: p.id, team: teamKey(p) }), figures: sums.byRep.get(p.id)! }));

  if (drill.rep) {
    const person = people.find((p) => p.id === drill.rep);
    if (!person) throw new NotFoundError();
    const scope: DrillScope = { kind: "rep", name: person.name, team: teamKey(person), teamName: teams.get(teamKey(person))! };
    return { scope, rep: person, members: [person], summary: sums.byRep.get(person.id)!, rows: [] as Array<DrillRow<T>>, rowsAre: "rep" as const };
  }
  if (drill.team) {
    const name = teams.get(drill.team);
    if (name === undefined) throw new NotFoundError();
    const members = people.filter((p) => teamKey(p) === drill.team);
    const scope: DrillScope = { kind: "team", name, team: drill.team, teamName: name };
    return { scope, rep: null, members, summary: sums.byTeam.get(drill.team)!, rows: repRows(members), rowsAre: "rep" as const };
  }
  const byTeams = teams.size > 1;
  const rows: Array<DrillRow<T>> = byTeams
    ? [...teams].map(([key, name]) => ({ key, name, href: withQuery({ team: key }), figures: sums.byTeam.get(key)! }))
    : repRows(people);
  const scope: DrillScope = { kind: "all", name: role === "ADMIN" ? "Whole organization" : byTeams ? "Your teams" : "Your team", team: null, teamName: null };
  return { scope, rep: null, members: people, summary: sums.overall, rows, rowsAre: byTeams ? ("team" as const) : ("rep" as const) };
}

/** The window as the page's links carry it on. */
export function windowQueryOf(resolved: { kind: string; window: KpiWindow }): string {
  return new URLSearchParams({ window: resolved.kind, ...(resolved.kind === "custom" ? resolved.window : {}) }).toString();
}

type WindowResolver<R> = (
  kind: string | null,
  today: string,
  fiscalYearStartMonth: number,
  from: string | null,
  to: string | null,
  isDate: (value: string) => boolean,
) => R;

/** The window a page's URL asks for, read by the page's own rules, with the query its links keep. */
export function requestedWindow<R extends { kind: string; window: KpiWindow }>(actor: SellerActor, params: URLSearchParams, resolve: WindowResolver<R>) {
  const resolved = resolve(params.get("window"), actorToday(actor), actor.fiscalYearStartMonth, params.get("from"), params.get("to"), isCalendarDate);
  return { ...resolved, query: windowQueryOf(resolved) };
}

/** The drill-down's team and rep, from the URL. */
export const drillOf = (params: URLSearchParams): Drill => ({ team: params.get("team"), rep: params.get("rep") });
