// The manager dashboard's figures, aggregated in SQL so they stay fast at 10,000 deals. The
// definitions are app/domain/kpis.ts's: tests/integration/dashboard.test.ts computes every KPI
// both ways and expects the same numbers. Deal-level figures come from the signal cache, which
// the engine keeps fresh (refreshSignalCache).
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { ForbiddenError, NotFoundError } from "~/utils/http.server";
import { dueWindow, emptyKpis, finish, weeksOf, type KpiWindow, type Kpis } from "~/domain/kpis";
import { FORECAST_CATEGORIES, type ForecastCategory } from "~/domain/types";
import { actorToday, type SellerActor } from "./actor.server";
import { refreshSignalCache } from "./signals.server";

export interface DashboardPerson {
  id: string;
  name: string;
  role: string;
  teamId: string | null;
  teamName: string | null;
}

/** Who a dashboard covers: a manager their team, an admin the organization. Reps have none. */
export async function dashboardPeople(actor: SellerActor): Promise<DashboardPerson[]> {
  if (actor.role === "REP") throw new ForbiddenError("The dashboard is for managers and admins.");
  const users = await prisma.user.findMany({
    where: { organizationId: actor.organizationId, ...(actor.role === "MANAGER" ? { teamId: actor.teamId ?? "-" } : {}) },
    select: { id: true, name: true, role: true, teamId: true, team: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
  return users.map((u) => ({ id: u.id, name: u.name, role: u.role, teamId: u.teamId, teamName: u.team?.name ?? null }));
}

const n = (value: unknown) => Number(value ?? 0);

const COUNTS_AS_DONE = Prisma.sql`(m.status = 'DONE' AND (m.ownerSide = 'SELLER' OR m.markedDoneBySide = 'BUYER' OR m.buyerConfirmedAt IS NOT NULL))`;
/** Milestones in scope: the owners' active deals (plan shared or accepted, not lost), due in the window. */
function dueMilestonesIn(organizationId: string, ownerIds: string[], window: KpiWindow) {
  return Prisma.sql`
    FROM Milestone m
    JOIN Plan p ON p.id = m.planId
    JOIN Deal d ON d.id = p.dealId
    WHERE m.organizationId = ${organizationId}
      AND d.ownerId IN (${Prisma.join(ownerIds)})
      AND m.targetDate BETWEEN ${window.from} AND ${window.to}
      AND p.status <> 'DRAFT' AND d.outcome <> 'LOST'`;
}

/** Milestones due in the window on active deals, per owner: completion and re-dating. */
async function milestoneFigures(organizationId: string, ownerIds: string[], window: KpiWindow) {
  if (ownerIds.length === 0) return [];
  const rows = await prisma.$queryRaw<Array<Record<string, unknown>>>`
    SELECT d.ownerId AS ownerId,
           COUNT(*) AS due,
           SUM(CASE WHEN ${COUNTS_AS_DONE} AND m.completedOn IS NOT NULL AND m.completedOn <= m.targetDate THEN 1 ELSE 0 END) AS onTime,
           SUM(CASE WHEN m.targetDate > m.originalTargetDate THEN 1 ELSE 0 END) AS redated,
           SUM(CASE WHEN m.targetDate > m.originalTargetDate
                    THEN CAST(julianday(m.targetDate) - julianday(m.originalTargetDate) AS INTEGER) ELSE 0 END) AS daysSlipped
    ${dueMilestonesIn(organizationId, ownerIds, window)}
    GROUP BY d.ownerId`;
  return rows.map((r) => ({ ownerId: String(r.ownerId), due: n(r.due), onTime: n(r.onTime), redated: n(r.redated), daysSlipped: n(r.daysSlipped) }));
}

/** Deal-level figures per owner from the signal cache. */
async function dealFigures(organizationId: string, ownerIds: string[], window: KpiWindow) {
  if (ownerIds.length === 0) return { perOwner: [], forecast: [], overCalled: [] };
  const perOwner = await prisma.$queryRaw<Array<Record<string, unknown>>>`
    SELECT ownerId,
           SUM(CASE WHEN outcome = 'OPEN' AND stage >= 3 THEN 1 ELSE 0 END) AS eligible,
           SUM(CASE WHEN outcome = 'OPEN' AND stage >= 3 AND planState IN ('SHARED', 'ACCEPTED') THEN 1 ELSE 0 END) AS shared,
           SUM(CASE WHEN outcome = 'OPEN' AND stage >= 3 AND planState = 'ACCEPTED' THEN 1 ELSE 0 END) AS accepted,
           SUM(CASE WHEN outcome = 'OPEN' AND projectedOutsideQuarter THEN 1 ELSE 0 END) AS projectedOut,
           SUM(CASE WHEN outcome = 'OPEN' THEN 1 ELSE 0 END) AS threadedDeals,
           SUM(CASE WHEN outcome = 'OPEN' THEN activeBuyerCount ELSE 0 END) AS activeBuyers
    FROM DealSignalCache
    WHERE organizationId = ${organizationId} AND ownerId IN (${Prisma.join(ownerIds)})
    GROUP BY ownerId`;
  const forecast = await prisma.$queryRaw<Array<Record<string, unknown>>>`
    SELECT ownerId, currency, 'rep' AS side, repCategory AS category, SUM(amount) AS total
    FROM DealSignalCache
    WHERE organizationId = ${organizationId} AND ownerId IN (${Prisma.join(ownerIds)}) AND targetCloseDate BETWEEN ${window.from} AND ${window.to}
    GROUP BY ownerId, currency, repCategory
    UNION ALL
    SELECT ownerId, currency, 'derived' AS side, derivedCategory AS category, SUM(amount) AS total
    FROM DealSignalCache
    WHERE organizationId = ${organizationId} AND ownerId IN (${Prisma.join(ownerIds)}) AND targetCloseDate BETWEEN ${window.from} AND ${window.to}
    GROUP BY ownerId, currency, derivedCategory`;
  const overCalled = await prisma.dealSignalCache.findMany({
    where: { organizationId, ownerId: { in: ownerIds }, overCalled: true, targetCloseDate: { gte: window.from, lte: window.to } },
    select: { dealId: true, ownerId: true },
  });
  return {
    perOwner: perOwner.map((r) => ({
      ownerId: String(r.ownerId),
      eligible: n(r.eligible),
      shared: n(r.shared),
      accepted: n(r.accepted),
      projectedOut: n(r.projectedOut),
      threadedDeals: n(r.threadedDeals),
      activeBuyers: n(r.activeBuyers),
    })),
    forecast: forecast.map((r) => ({ ownerId: String(r.ownerId), currency: String(r.currency), side: r.side as "rep" | "derived", category: r.category as ForecastCategory, total: n(r.total) })),
    overCalled,
  };
}

/** The weekly trend of completion and re-dating over the window, for the whole scope. */
async function weeklyTrend(organizationId: string, ownerIds: string[], window: KpiWindow) {
  const rows =
    ownerIds.length === 0
      ? []
      : await prisma.$queryRaw<Array<Record<string, unknown>>>`
    SELECT date(m.targetDate, '-6 days', 'weekday 1') AS week,
           COUNT(*) AS due,
           SUM(CASE WHEN ${COUNTS_AS_DONE} AND m.completedOn IS NOT NULL AND m.completedOn <= m.targetDate THEN 1 ELSE 0 END) AS onTime,
           SUM(CASE WHEN m.targetDate > m.originalTargetDate THEN 1 ELSE 0 END) AS redated
    ${dueMilestonesIn(organizationId, ownerIds, window)}
    GROUP BY week`;
  const byWeek = new Map(rows.map((r) => [String(r.week), { due: n(r.due), onTime: n(r.onTime), redated: n(r.redated) }]));
  return weeksOf(window).map((week) => ({ week, ...(byWeek.get(week) ?? { due: 0, onTime: 0, redated: 0 }) }));
}

function ensure(map: Map<string, Kpis>, key: string) {
  let k = map.get(key);
  if (!k) map.set(key, (k = emptyKpis()));
  return k;
}

const zero = () => Object.fromEntries(FORECAST_CATEGORIES.map((c) => [c, 0])) as Record<ForecastCategory, number>;

/** Folds one owner's figures into a group's KPIs (numerators and denominators add up). */
function addOwnerFigures(
  k: Kpis,
  m: Awaited<ReturnType<typeof milestoneFigures>>[number] | undefined,
  d: Awaited<ReturnType<typeof dealFigures>>["perOwner"][number] | undefined,
  forecast: Awaited<ReturnType<typeof dealFigures>>["forecast"],
  overCalled: string[],
) {
  if (m) {
    k.completion.due += m.due;
    k.completion.onTime += m.onTime;
    k.slippage.milestones += m.due;
    k.slippage.redated += m.redated;
    k.slippage.daysSlipped += m.daysSlipped;
  }
  if (d) {
    k.coverage.eligible += d.eligible;
    k.coverage.shared += d.shared;
    k.coverage.accepted += d.accepted;
    k.slippage.dealsProjectedOut += d.projectedOut;
    k.multiThread.openDeals += d.threadedDeals;
    k.multiThread.activeBuyers += d.activeBuyers;
  }
  for (const f of forecast) {
    const totals = (k.forecast.byCurrency[f.currency] ??= { rep: zero(), derived: zero() });
    totals[f.side][f.category] += f.total;
  }
  k.forecast.overCalledDealIds.push(...overCalled);
}

export interface Dashboard {
  window: KpiWindow;
  today: string;
  people: DashboardPerson[];
  byRep: Map<string, Kpis>;
  byTeam: Map<string, Kpis>;
  overall: Kpis;
  trend: Awaited<ReturnType<typeof weeklyTrend>>;
}

const NO_TEAM = "no-team";

export async function loadDashboard(actor: SellerActor, window: KpiWindow, now = new Date()): Promise<Dashboard> {
  const people = await dashboardPeople(actor);
  const ownerIds = people.map((p) => p.id);
  const today = actorToday(actor, now);
  await refreshSignalCache(actor.organizationId, ownerIds, today);
  // Completion and re-dating look only at milestones already due: a window may run past today.
  const due = dueWindow(window, today);
  const [milestones, deals, trend] = await Promise.all([
    milestoneFigures(actor.organizationId, ownerIds, due),
    dealFigures(actor.organizationId, ownerIds, window),
    weeklyTrend(actor.organizationId, ownerIds, due),
  ]);

  const byRep = new Map<string, Kpis>();
  const byTeam = new Map<string, Kpis>();
  const overall = emptyKpis();
  for (const person of people) {
    const m = milestones.find((x) => x.ownerId === person.id);
    const d = deals.perOwner.find((x) => x.ownerId === person.id);
    const f = deals.forecast.filter((x) => x.ownerId === person.id);
    const o = deals.overCalled.filter((x) => x.ownerId === person.id).map((x) => x.dealId);
    for (const k of [ensure(byRep, person.id), ensure(byTeam, person.teamId ?? NO_TEAM), overall]) addOwnerFigures(k, m, d, f, o);
  }
  for (const k of [...byRep.values(), ...byTeam.values(), overall]) finish(k);
  return { window, today, people, byRep, byTeam, overall, trend };
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

export interface RepDealRow {
  dealId: string;
  accountName: string;
  amount: number;
  currency: string;
  stage: number;
  targetCloseDate: string;
  outcome: string;
  planState: string | null;
  planStatus: string | null;
  healthScore: number;
  healthLabel: string;
  repCategory: string;
  derivedCategory: string;
  overCalled: boolean;
  projectedOutsideQuarter: boolean;
  activeBuyerCount: number;
}

/**
 * The dashboard as a page shows it: the whole scope, one team's reps, or one rep's deals. The
 * drill-down target must be inside the actor's scope, or it is not found.
 */
export async function dashboardView(actor: SellerActor, window: KpiWindow, drill: { team: string | null; rep: string | null }, query: string) {
  const dashboard = await loadDashboard(actor, window);
  const withQuery = (params: Record<string, string>) => `/dashboard?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), ...params })}`;
  const teams = new Map<string, string>();
  for (const p of dashboard.people) teams.set(p.teamId ?? NO_TEAM, p.teamName ?? "No team");

  if (drill.rep) {
    const person = dashboard.people.find((p) => p.id === drill.rep);
    if (!person) throw new NotFoundError();
    const cached = await prisma.dealSignalCache.findMany({ where: { organizationId: actor.organizationId, ownerId: person.id } });
    const names = new Map(
      (await prisma.deal.findMany({ where: { organizationId: actor.organizationId, id: { in: cached.map((c) => c.dealId) } }, select: { id: true, accountName: true } })).map(
        (d) => [d.id, d.accountName],
      ),
    );
    const deals: RepDealRow[] = cached
      .map((c) => ({ ...c, accountName: names.get(c.dealId) ?? "" }))
      .sort((a, b) => a.healthScore - b.healthScore);
    return { scope: { kind: "rep" as const, name: person.name, team: person.teamId ?? NO_TEAM, teamName: teams.get(person.teamId ?? NO_TEAM)! }, dashboard, rows: [], summary: dashboard.byRep.get(person.id)!, deals };
  }

  if (drill.team) {
    if (!teams.has(drill.team)) throw new NotFoundError();
    const rows: DashboardRow[] = dashboard.people
      .filter((p) => (p.teamId ?? NO_TEAM) === drill.team && sells(p, dashboard))
      .map((p) => ({ key: p.id, name: p.name, href: withQuery({ rep: p.id, team: drill.team! }), kpis: dashboard.byRep.get(p.id)! }));
    return { scope: { kind: "team" as const, name: teams.get(drill.team)!, team: drill.team, teamName: teams.get(drill.team)! }, dashboard, rows, summary: dashboard.byTeam.get(drill.team)!, deals: [] };
  }

  // An admin starts from teams; a manager's scope is one team, so they start from its reps.
  const rows: DashboardRow[] =
    actor.role === "ADMIN" && teams.size > 1
      ? [...teams].map(([key, name]) => ({ key, name, href: withQuery({ team: key }), kpis: dashboard.byTeam.get(key)! }))
      : dashboard.people.filter((p) => sells(p, dashboard)).map((p) => ({ key: p.id, name: p.name, href: withQuery({ rep: p.id, team: p.teamId ?? NO_TEAM }), kpis: dashboard.byRep.get(p.id)! }));
  return { scope: { kind: "all" as const, name: actor.role === "ADMIN" ? "Whole organization" : "Your team", team: null, teamName: null }, dashboard, rows, summary: dashboard.overall, deals: [] };
}
