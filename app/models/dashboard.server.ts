// The manager dashboard: every figure is a KPI of app/domain/kpis.ts, by rep, by team and for the
// whole scope. Deal-level figures fold the signal cache's rows through kpis.ts; milestones are
// counted in SQL (dashboard-sql.server.ts). A team's figures are the sum of its reps', and the
// scope's the sum of its teams', so every card adds up from the rows it drills into.
import { prisma } from "~/utils/db.server";
import { ForbiddenError, NotFoundError } from "~/utils/http.server";
import {
  addDeal,
  addKpis,
  addMilestoneFigures,
  dueWindow,
  inForecast,
  emptyKpis,
  finish,
  weeksOf,
  type KpiWindow,
  type Kpis,
  type MilestoneFigures,
} from "~/domain/kpis";
import { actorToday, managedMembersWhere, type SellerActor } from "./actor.server";
import { cachedDeals, countDueMilestones, type CachedDeal } from "./dashboard-sql.server";

export interface DashboardPerson {
  id: string;
  name: string;
  role: string;
  teamId: string | null;
  teamName: string | null;
}

/** Who a dashboard covers: a manager the members of every team they manage, an admin the organization. Reps have none. */
export async function dashboardPeople(actor: SellerActor): Promise<DashboardPerson[]> {
  if (actor.role === "REP") throw new ForbiddenError("The dashboard is for managers and admins.");
  const users = await prisma.user.findMany({
    where: { organizationId: actor.organizationId, ...(actor.role === "MANAGER" ? managedMembersWhere(actor) : {}) },
    select: { id: true, name: true, role: true, teamId: true, team: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
  return users.map((u) => ({ id: u.id, name: u.name, role: u.role, teamId: u.teamId, teamName: u.team?.name ?? null }));
}

export interface Dashboard {
  window: KpiWindow;
  /** The part of the window already due (completion and re-dating stop at today). */
  due: KpiWindow;
  today: string;
  people: DashboardPerson[];
  byRep: Map<string, Kpis>;
  byTeam: Map<string, Kpis>;
  overall: Kpis;
  trend: Array<{ week: string; due: number; onTime: number; redated: number }>;
  /** The scope's deals that count, from the signal cache. */
  deals: CachedDeal[];
  /** Deals whose figures are withheld because a stored date cannot be read: named, never hidden. */
  unreadable: CachedDeal[];
}

const NO_TEAM = "no-team";

export const teamKey = (person: DashboardPerson) => person.teamId ?? NO_TEAM;

/** Reads the cache as it is: a visit never recomputes signals (the background refresh does). */
export async function loadDashboard(actor: SellerActor, window: KpiWindow, now = new Date()): Promise<Dashboard> {
  const people = await dashboardPeople(actor);
  const ownerIds = people.map((p) => p.id);
  const today = actorToday(actor, now);
  // Completion and re-dating look only at milestones already due: a window may run past today.
  const due = dueWindow(window, today);
  const milestones = await countDueMilestones(actor.organizationId, ownerIds, due, "owner");
  const cached = await cachedDeals(actor.organizationId, ownerIds);
  const deals = cached.filter((d) => !d.unreadableDate);

  const byRep = new Map<string, Kpis>(people.map((p) => [p.id, emptyKpis()]));
  for (const [ownerId, figures] of milestones.byKey) addMilestoneFigures(byRep.get(ownerId)!, figures);
  for (const deal of deals) addDeal(byRep.get(deal.ownerId)!, deal, window);
  const byTeam = new Map<string, Kpis>();
  const overall = emptyKpis();
  for (const person of people) {
    if (!byTeam.has(teamKey(person))) byTeam.set(teamKey(person), emptyKpis());
    addKpis(byTeam.get(teamKey(person))!, byRep.get(person.id)!);
    addKpis(overall, byRep.get(person.id)!);
  }
  for (const k of [...byRep.values(), ...byTeam.values(), overall]) finish(k);
  const trend = weeksOf(due).map((week) => ({ week, ...(milestones.byWeek.get(week) ?? { due: 0, onTime: 0, redated: 0 }) }));
  return { window, due, today, people, byRep, byTeam, overall, trend, deals, unreadable: cached.filter((d) => d.unreadableDate) };
}

/** Reps have rows; a manager or admin only when they own deals themselves. */
function sells(person: DashboardPerson, dashboard: Dashboard) {
  const k = dashboard.byRep.get(person.id)!;
  return person.role === "REP" || k.coverage.eligible + k.multiThread.openDeals + k.completion.due > 0 || Object.keys(k.forecast.byCurrency).length > 0;
}

export interface DashboardRow {
  key: string;
  name: string;
  /** Where this row drills down to, keeping the window. */
  href: string;
  kpis: Kpis;
}

/** One deal of a rep's drill-down, with what it adds to each of the rep's cards. */
export interface RepDealRow extends CachedDeal {
  ownerName: string;
  /** Its target close date is in the window, so it counts in the window's forecast. */
  inForecast: boolean;
  milestones: MilestoneFigures;
  kpis: Kpis;
}

async function repDeals(actor: SellerActor, dashboard: Dashboard, person: DashboardPerson): Promise<RepDealRow[]> {
  const counted = await countDueMilestones(actor.organizationId, [person.id], dashboard.due, "deal");
  return dashboard.deals
    .filter((d) => d.ownerId === person.id)
    .map((deal) => {
      const milestones = counted.byKey.get(deal.dealId) ?? { due: 0, onTime: 0, redated: 0, daysSlipped: 0 };
      const kpis = emptyKpis();
      addMilestoneFigures(kpis, milestones);
      addDeal(kpis, deal, dashboard.window);
      return { ...deal, ownerName: person.name, inForecast: inForecast(deal, dashboard.window), milestones, kpis: finish(kpis) };
    })
    .sort((a, b) => a.healthScore - b.healthScore || a.accountName.localeCompare(b.accountName));
}

/** The unreadable deals inside what the page shows, so its note names them. */
function unreadableIn(dashboard: Dashboard, ownerIds: Set<string>) {
  return dashboard.unreadable.filter((d) => ownerIds.has(d.ownerId)).map((d) => ({ dealId: d.dealId, accountName: d.accountName, name: d.name }));
}

/**
 * The dashboard as a page shows it: the whole scope, one team's reps, or one rep's deals. The
 * drill-down target must be inside the actor's scope, or it is not found.
 */
export async function dashboardView(actor: SellerActor, window: KpiWindow, drill: { team: string | null; rep: string | null }, query: string) {
  const dashboard = await loadDashboard(actor, window);
  const withQuery = (params: Record<string, string>) => `/dashboard?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), ...params })}`;
  const teams = new Map<string, string>();
  for (const p of dashboard.people) teams.set(teamKey(p), p.teamName ?? "No team");

  if (drill.rep) {
    const person = dashboard.people.find((p) => p.id === drill.rep);
    if (!person) throw new NotFoundError();
    const deals = await repDeals(actor, dashboard, person);
    const scope = { kind: "rep" as const, name: person.name, team: teamKey(person), teamName: teams.get(teamKey(person))! };
    return { scope, dashboard, rows: [], summary: dashboard.byRep.get(person.id)!, deals, unreadable: unreadableIn(dashboard, new Set([person.id])) };
  }

  if (drill.team) {
    if (!teams.has(drill.team)) throw new NotFoundError();
    const members = dashboard.people.filter((p) => teamKey(p) === drill.team);
    const rows: DashboardRow[] = members
      .filter((p) => sells(p, dashboard))
      .map((p) => ({ key: p.id, name: p.name, href: withQuery({ rep: p.id, team: drill.team! }), kpis: dashboard.byRep.get(p.id)! }));
    const scope = { kind: "team" as const, name: teams.get(drill.team)!, team: drill.team, teamName: teams.get(drill.team)! };
    return {
      scope,
      dashboard,
      rows,
      summary: dashboard.byTeam.get(drill.team)!,
      deals: [],
      unreadable: unreadableIn(dashboard, new Set(members.map((p) => p.id))),
    };
  }

  // With several teams in scope (an admin's, or a manager's of several teams) the page starts from teams; with one, from its reps.
  const rows: DashboardRow[] =
    teams.size > 1
      ? [...teams].map(([key, name]) => ({ key, name, href: withQuery({ team: key }), kpis: dashboard.byTeam.get(key)! }))
      : dashboard.people
          .filter((p) => sells(p, dashboard))
          .map((p) => ({ key: p.id, name: p.name, href: withQuery({ rep: p.id, team: teamKey(p) }), kpis: dashboard.byRep.get(p.id)! }));
  const scope = {
    kind: "all" as const,
    name: actor.role === "ADMIN" ? "Whole organization" : teams.size > 1 ? "Your teams" : "Your team",
    team: null,
    teamName: null,
  };
  return { scope, dashboard, rows, summary: dashboard.overall, deals: [], unreadable: unreadableIn(dashboard, new Set(dashboard.people.map((p) => p.id))) };
}
