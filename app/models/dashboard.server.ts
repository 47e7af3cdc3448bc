// The manager dashboard: every figure is a KPI of app/domain/kpis.ts, by rep, by team and for the
// whole scope. Deal-level figures fold the signal cache's rows through kpis.ts; milestones are
// counted in SQL (dashboard-sql.server.ts). A team's figures are the sum of its reps', and the
// scope's the sum of its teams', so every card adds up from the rows it drills into.
import { prisma } from "~/utils/db.server";
import { ForbiddenError } from "~/utils/http.server";
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
import { resolveDrill, sumByTeam, type DashboardPerson, type Drill } from "./dashboard-scope.server";

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
  const { byTeam, overall } = sumByTeam(people, byRep, emptyKpis, addKpis, finish);
  const trend = weeksOf(due).map((week) => ({ week, ...(milestones.byWeek.get(week) ?? { due: 0, onTime: 0, redated: 0 }) }));
  return { window, due, today, people, byRep, byTeam, overall, trend, deals, unreadable: cached.filter((d) => d.unreadableDate) };
}

/** Reps have rows; a manager or admin only when they own deals themselves. */
function sells(person: DashboardPerson, k: Kpis) {
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

/** The dashboard as a page shows it: the whole scope, one team's reps, or one rep's deals (resolveDrill). */
export async function dashboardView(actor: SellerActor, window: KpiWindow, drill: Drill, query: string) {
  const dashboard = await loadDashboard(actor, window);
  const { people, byRep, byTeam, overall } = dashboard;
  const view = resolveDrill({ role: actor.role, people, drill, path: "/dashboard", query, sums: { byRep, byTeam, overall }, hasRow: sells });
  const rows: DashboardRow[] = view.rows.map((row) => ({ key: row.key, name: row.name, href: row.href, kpis: row.figures }));
  const deals = view.rep ? await repDeals(actor, dashboard, view.rep) : [];
  const unreadable = unreadableIn(dashboard, new Set(view.members.map((p) => p.id)));
  return { scope: view.scope, dashboard, rows, rowsAre: view.rowsAre, summary: view.summary, deals, unreadable };
}
