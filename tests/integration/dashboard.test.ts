// The dashboard counts milestones in SQL and folds cached deal signals through app/domain/kpis.ts.
// Here every KPI is also computed the slow way (dashboard-reference.ts) and must match exactly;
// and every card must add up from the list it drills into, on the page and in the CSV.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import type { KpiWindow, Kpis } from "~/domain/kpis";
import { fiscalQuarterOf } from "~/domain/fiscal";
import { loadDashboard, type DashboardRow, type RepDealRow } from "~/models/dashboard.server";
import { refreshAllSignalCaches } from "~/models/signals.server";
import { actorToday, type SellerActor } from "~/models/actor.server";
import * as dashboardRoute from "~/routes/_seller.dashboard";
import * as csvRoute from "~/routes/dashboard[.]csv";
import { seedDemo } from "../../prisma/seed";
import { generateLargeOrganization } from "../../prisma/seed-large";
import { callLoader } from "../fixtures/routes";
import { actorFor, cookieFor } from "../fixtures/world";
import { readCsv } from "../fixtures/csv";
import { addCounts, countsOf, emptyCounts, kpisTheDomainWay, type CardCounts } from "./dashboard-reference";
import { threeWindowsFor } from "../fixtures/windows";

function expectSame(sql: Kpis | undefined, domain: Kpis | undefined, label: string) {
  // A group with no rows at all is empty both ways.
  const empty = { completion: { due: 0 }, coverage: { eligible: 0 }, multiThread: { openDeals: 0 } };
  if (!domain) return expect(sql, label).toMatchObject(empty);
  expect(sql, label).toEqual(domain);
}

async function compareBothWays(actor: SellerActor, window: KpiWindow) {
  const sql = await loadDashboard(actor, window);
  const domain = await kpisTheDomainWay(actor, window);
  expectSame(sql.overall, domain.overall, "overall");
  for (const person of sql.people) expectSame(sql.byRep.get(person.id), domain.byRep.get(person.id), `rep ${person.name}`);
  for (const [team, kpis] of sql.byTeam) expectSame(kpis, domain.byTeam.get(team), `team ${team}`);
  return sql;
}

// ---- Cards against the lists they drill into ----

type Page = { summary: Kpis; rows: DashboardRow[]; deals: RepDealRow[]; unreadable: Array<{ dealId: string }> };

/** The rep's cards added up from the deal list, by what each row shows. */
function countsFromDeals(deals: RepDealRow[]): CardCounts {
  const counts = emptyCounts();
  for (const d of deals) {
    counts.due += d.milestones.due;
    counts.onTime += d.milestones.onTime;
    counts.redated += d.milestones.redated;
    counts.daysSlipped += d.milestones.daysSlipped;
    if (d.outcome === "OPEN") {
      counts.openDeals++;
      counts.activeBuyers += d.activeBuyerCount;
      if (d.projectedOutsideQuarter) counts.projectedOut++;
      if (d.stage >= 3) {
        counts.eligible++;
        if (d.planState === "SHARED" || d.planState === "ACCEPTED") counts.shared++;
        if (d.planState === "ACCEPTED") counts.accepted++;
      }
    }
    if (d.inForecast) {
      if (d.overCalled) counts.overCalled++;
      for (const [side, category] of [
        ["rep", d.repCategory],
        ["derived", d.derivedCategory],
      ]) {
        const key = `${d.currency} ${side} ${category}`;
        if (d.amount) counts.forecast[key] = (counts.forecast[key] ?? 0) + d.amount;
      }
    }
  }
  return counts;
}

/** The same from the deals CSV, reading only its cells. */
function countsFromDealsCsv(csv: Array<Record<string, string>>): CardCounts {
  const counts = emptyCounts();
  const num = (value: string) => {
    expect(value, "a numeric cell holds a plain number").toMatch(/^-?\d+(\.\d+)?$/);
    return Number(value);
  };
  for (const row of csv) {
    counts.due += num(row["Milestones due"]);
    counts.onTime += num(row["Completed on time"]);
    counts.redated += num(row["Milestones re-dated"]);
    counts.daysSlipped += num(row["Days slipped"]);
    counts.projectedOut += num(row["Open and projected out of quarter"]);
    counts.overCalled += num(row["Over-called in window"]);
    if (row.Outcome === "Open") {
      counts.openDeals++;
      counts.activeBuyers += num(row["Active buyers"]);
      if (num(row.Stage) >= 3) {
        counts.eligible++;
        if (row.Plan === "Shared" || row.Plan === "Accepted") counts.shared++;
        if (row.Plan === "Accepted") counts.accepted++;
      }
    }
    if (row["Closes in window"] === "yes") {
      const amount = num(row.Amount);
      const category = (label: string) => label.toUpperCase().replace(" ", "_");
      for (const [side, label] of [
        ["rep", row["Rep call"]],
        ["derived", row["Plan-derived category"]],
      ]) {
        const key = `${row.Currency} ${side} ${category(label)}`;
        if (amount) counts.forecast[key] = (counts.forecast[key] ?? 0) + amount;
      }
    }
  }
  return counts;
}

/** A KPI table CSV's rows (and its Total row) as counts, from the counting columns. */
function countsFromTableCsv(row: Record<string, string>): CardCounts {
  const forecast: Record<string, number> = {};
  for (const [header, value] of Object.entries(row)) {
    const match = /^(Rep-called|Plan-derived) (.+) \((\w+)\)$/.exec(header);
    if (match && Number(value))
      forecast[`${match[3]} ${match[1] === "Rep-called" ? "rep" : "derived"} ${match[2].toUpperCase().replace(" ", "_")}`] = Number(value);
  }
  return {
    due: Number(row["Milestones due"]),
    onTime: Number(row["Completed on time"]),
    redated: Number(row["Milestones re-dated"]),
    daysSlipped: Number(row["Days slipped"]),
    eligible: Number(row["Open deals at stage 3 or later"]),
    shared: Number(row["With a shared plan"]),
    accepted: Number(row["With an accepted plan"]),
    projectedOut: Number(row["Projected out of quarter"]),
    openDeals: Number(row["Open deals"]),
    activeBuyers: Number(row["Active buyers on open deals"]),
    overCalled: Number(row["Over-called deals"]),
    forecast,
  };
}

/**
 * Opens the page, checks its cards against its list and its CSV, then drills into every row and
 * checks that the row's figures are the cards of the page it opens. Returns the pages visited.
 */
async function checkDrillDown(cookie: string, href: string, label: string, expected?: Kpis): Promise<number> {
  const page = await callLoader(dashboardRoute.loader, { path: href, cookie });
  expect(page.status, label).toBe(200);
  const { summary, rows, deals } = page.body as Page;
  if (expected) expect(countsOf(summary), `${label}: the card is the row that led here`).toEqual(countsOf(expected));
  const query = href.split("?")[1] ?? "";
  const isRep = new URLSearchParams(query).has("rep");
  const csvOf = async (table: string) => {
    const response = await callLoader(csvRoute.loader, { path: `/dashboard.csv?${query}&table=${table}`, cookie });
    expect(response.status).toBe(200);
    return readCsv(String(response.body));
  };
  if (isRep) {
    expect(countsFromDeals(deals), `${label}: cards from the deal list`).toEqual(countsOf(summary));
    expect(countsFromDealsCsv(await csvOf("deals")), `${label}: cards from the deals CSV`).toEqual(countsOf(summary));
    return 1;
  }
  const fromRows = rows.reduce((sum, r) => addCounts(sum, countsOf(r.kpis)), emptyCounts());
  expect(fromRows, `${label}: cards from the table's rows`).toEqual(countsOf(summary));
  const csv = await csvOf("rows");
  const total = csv.pop()!;
  expect(total.Name).toBe("Total");
  expect(
    csv.reduce((sum, r) => addCounts(sum, countsFromTableCsv(r)), emptyCounts()),
    `${label}: cards from the CSV's rows`,
  ).toEqual(countsOf(summary));
  expect(countsFromTableCsv(total), `${label}: the CSV's total`).toEqual(countsOf(summary));
  let visited = 1;
  for (const row of rows) visited += await checkDrillDown(cookie, row.href, `${label} › ${row.name}`, row.kpis);
  return visited;
}

function windowQuery(window: KpiWindow) {
  return `/dashboard?${new URLSearchParams({ window: "custom", ...window })}`;
}

describe("KPIs on the demo seed", () => {
  let admin: SellerActor;
  let manager: SellerActor;
  beforeAll(async () => {
    await seedDemo();
    await refreshAllSignalCaches();
    admin = await actorFor((await prisma.user.findUniqueOrThrow({ where: { email: "admin@mutual.test" } })).id);
    manager = await actorFor((await prisma.user.findUniqueOrThrow({ where: { email: "manager@mutual.test" } })).id);
  });

  it("agree between SQL and the domain definitions, for the admin and the manager, in three windows", async () => {
    for (const actor of [admin, manager]) for (const window of threeWindowsFor(actor)) await compareBothWays(actor, window);
  });

  it("add up from the lists and CSVs they drill into, by rep, by team and overall", async () => {
    for (const actor of [admin, manager]) {
      const cookie = await cookieFor(actor.userId);
      for (const window of threeWindowsFor(actor)) expect(await checkDrillDown(cookie, windowQuery(window), `${actor.role} ${window.from}`)).toBeGreaterThan(2);
    }
  });

  it("count what a reader can check by hand", async () => {
    const today = actorToday(admin);
    const quarter = fiscalQuarterOf(today, admin.fiscalYearStartMonth);
    const dashboard = await loadDashboard(admin, { from: quarter.start, to: quarter.end });
    // 12 deals: Vandelay (stage 2), Aperture (stage 2) are below stage 3; Wonka won, Massive lost.
    expect(dashboard.overall.coverage.eligible).toBe(8);
    expect(dashboard.overall.coverage.shared).toBe(8);
    expect(dashboard.overall.coverage.accepted).toBe(2);
    expect(dashboard.overall.forecast.overCalledDealIds.length).toBeGreaterThanOrEqual(1);
  });

  it("is refused to reps and served to managers through the route", async () => {
    const rep = await prisma.user.findUniqueOrThrow({ where: { email: "rep@mutual.test" } });
    const refused = await callLoader(dashboardRoute.loader, { path: "/dashboard", cookie: await cookieFor(rep.id) });
    expect(refused.status).toBe(403);
    const served = await callLoader(dashboardRoute.loader, { path: "/dashboard?window=quarter", cookie: await cookieFor(manager.userId) });
    expect(served.status).toBe(200);
  });
});

describe("KPIs on a generated organization", () => {
  let admin: SellerActor;
  let organizationId: string;
  beforeAll(async () => {
    const org = await generateLargeOrganization({ deals: 120, seed: 11 });
    await refreshAllSignalCaches();
    organizationId = org.organizationId;
    admin = await actorFor((await prisma.user.findUniqueOrThrow({ where: { email: org.adminEmail } })).id);
  });

  it("agree between SQL and the domain definitions, by rep, by team and overall", async () => {
    for (const window of threeWindowsFor(admin)) {
      const dashboard = await compareBothWays(admin, window);
      expect(dashboard.overall.completion.due).toBeGreaterThan(0);
    }
  });

  it("add up from the lists and CSVs they drill into, by rep, by team and overall", async () => {
    const cookie = await cookieFor(admin.userId);
    for (const window of threeWindowsFor(admin)) expect(await checkDrillDown(cookie, windowQuery(window), window.from)).toBeGreaterThan(3);
  });

  it("leave out archived deals and deals with a date nobody can read, and name the latter", async () => {
    const [archived, unreadable] = await prisma.deal.findMany({
      where: { organizationId, outcome: "OPEN", plan: { status: { not: "DRAFT" } } },
      take: 2,
      orderBy: { id: "asc" },
    });
    await prisma.deal.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    await prisma.dealSignalCache.update({ where: { dealId: archived.id }, data: { archived: true } });
    // A date forced into the database, past what any form accepts: the engine cannot read it.
    const milestones = await prisma.milestone.findMany({ where: { plan: { dealId: unreadable.id } }, select: { id: true, targetDate: true } });
    await prisma.deal.update({ where: { id: unreadable.id }, data: { targetCloseDate: "10000-01-01" } });
    await prisma.milestone.updateMany({ where: { plan: { dealId: unreadable.id } }, data: { targetDate: "+010000-01-01" } });
    await prisma.dealSignalCache.update({ where: { dealId: unreadable.id }, data: { unreadableDate: true } });

    for (const window of threeWindowsFor(admin)) await compareBothWays(admin, window);
    const cookie = await cookieFor(admin.userId);
    await checkDrillDown(cookie, windowQuery(threeWindowsFor(admin)[0]), "with an archived and an unreadable deal");

    const top = (await callLoader(dashboardRoute.loader, { path: "/dashboard", cookie })).body as Page;
    expect(top.unreadable.map((d) => d.dealId)).toEqual([unreadable.id]);
    for (const deal of [archived, unreadable]) {
      const repPage = (await callLoader(dashboardRoute.loader, { path: `/dashboard?rep=${deal.ownerId}`, cookie })).body as Page;
      expect(repPage.deals.map((d) => d.dealId)).not.toContain(deal.id);
      expect(repPage.unreadable.map((d) => d.dealId)).toEqual(deal.ownerId === unreadable.ownerId ? [unreadable.id] : []);
    }

    // Put the dates back: the engine's own tests below run over every organization.
    await prisma.deal.update({ where: { id: unreadable.id }, data: { targetCloseDate: unreadable.targetCloseDate } });
    for (const m of milestones) await prisma.milestone.update({ where: { id: m.id }, data: { targetDate: m.targetDate } });
  });

  it("reads the signal cache as it is: a visit recomputes nothing and writes nothing", async () => {
    const deal = await prisma.deal.findFirstOrThrow({ where: { organizationId, outcome: "OPEN", archivedAt: null } });
    await prisma.dealSignalCache.update({ where: { dealId: deal.id }, data: { stale: true, computedFor: "2000-01-01" } });
    const before = await prisma.dealSignalCache.findMany({ where: { organizationId }, orderBy: { dealId: "asc" } });
    await loadDashboard(admin, threeWindowsFor(admin)[0]);
    await callLoader(dashboardRoute.loader, { path: `/dashboard?rep=${deal.ownerId}`, cookie: await cookieFor(admin.userId) });
    expect(await prisma.dealSignalCache.findMany({ where: { organizationId }, orderBy: { dealId: "asc" } })).toEqual(before);
  });
});

describe("the background refresh", () => {
  it("recomputes stale deal signals for every organization, and nothing once they are fresh", async () => {
    await refreshAllSignalCaches();
    await prisma.dealSignalCache.updateMany({ data: { stale: true } });
    const stale = await prisma.dealSignalCache.count();
    expect(await refreshAllSignalCaches()).toBe(stale);
    expect(await refreshAllSignalCaches()).toBe(0);
    // The next day every row is stale again: overdue counts move with the date.
    expect(await refreshAllSignalCaches(new Date(Date.now() + 86_400_000))).toBe(stale);
  });
});
