// Forecast accuracy: a hand count on a small built history; the SQL against the domain definition
// (forecast-accuracy-reference.ts) on the demo and on a generated organization; the weekly calls
// as the signal refresh records them; and who may see the page.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { emptyAccuracy, endedQuarters, type AccuracyFigures, type CalledCategory } from "~/domain/forecast-accuracy";
import { fiscalQuarterOf } from "~/domain/fiscal";
import { weekStart, type KpiWindow } from "~/domain/kpis";
import { addDays } from "~/domain/dates";
import { loadForecastAccuracy } from "~/models/forecast-accuracy.server";
import { refreshAllSignalCaches } from "~/models/signals.server";
import { updateDeal } from "~/models/deal.server";
import { actorToday, type SellerActor } from "~/models/actor.server";
import { createOrganization } from "~/models/organization.server";
import * as accuracyRoute from "~/routes/_seller.dashboard_.accuracy";
import { seedDemo } from "../../prisma/seed";
import { generateLargeOrganization } from "../../prisma/seed-large";
import { callLoader } from "../fixtures/routes";
import { actorFor, addUser, cookieFor, createTenant, uniqueSuffix } from "../fixtures/world";
import { accuracyTheDomainWay } from "./forecast-accuracy-reference";

async function compareBothWays(actor: SellerActor, window: KpiWindow) {
  const sql = await loadForecastAccuracy(actor, window);
  const domain = await accuracyTheDomainWay(actor, window);
  expect(sql.overall, `overall ${window.from}`).toEqual(domain.overall);
  for (const person of sql.people) expect(sql.byRep.get(person.id), `rep ${person.name}`).toEqual(domain.byRep.get(person.id));
  for (const [team, figures] of sql.byTeam) expect(figures, `team ${team}`).toEqual(domain.byTeam.get(team));
  return sql;
}

/** The last 2 ended quarters (the page's default), the last 4, and this quarter. */
function windowsFor(actor: SellerActor): KpiWindow[] {
  const today = actorToday(actor);
  const quarter = fiscalQuarterOf(today, actor.fiscalYearStartMonth);
  return [endedQuarters(today, actor.fiscalYearStartMonth, 2), endedQuarters(today, actor.fiscalYearStartMonth, 4), { from: quarter.start, to: quarter.end }];
}

// ---- A hand count ----

// Fiscal years start in February: Q2 FY2027 is May–Jul 2026, Q3 Aug–Oct, Q4 Nov 2026–Jan 2027.
const NOW = new Date("2026-11-15T12:00:00Z");
const Q2 = "2026-07-31";
const Q3 = "2026-10-31";
const LAST_TWO = { from: "2026-05-01", to: Q3 };
const THIS_QUARTER = { from: "2026-11-01", to: "2027-01-31" };

type Counts = Partial<Record<CalledCategory, { rep?: [right: number, settled: number]; derived?: [right: number, settled: number] }>>;

/** The totals a test writes by hand, as figures: [right, settled] per category and side. */
function expected(counts: Counts, unsettled = 0) {
  const figures = emptyAccuracy();
  for (const [category, sides] of Object.entries(counts) as [CalledCategory, NonNullable<Counts[CalledCategory]>][]) {
    for (const side of ["rep", "derived"] as const) {
      const [right, settled] = sides[side] ?? [0, 0];
      figures.total[category][side] = { right, settled };
    }
  }
  return { total: figures.total, unsettled };
}

const totals = (f: AccuracyFigures | undefined) => ({ total: f!.total, unsettled: f!.unsettled });

describe("forecast accuracy on a small history counted by hand", () => {
  let admin: SellerActor;
  let manager: SellerActor;
  const people: Record<string, string> = {};
  const teams: Record<string, string> = {};

  beforeAll(async () => {
    const { organization, admin: adminUser } = await createOrganization({
      name: `Hand Count ${uniqueSuffix()}`,
      timezone: "UTC",
      fiscalYearStartMonth: 2,
      admin: { email: `admin-${uniqueSuffix()}@example.test`, name: "Hand Admin" },
    });
    const orgId = organization.id;
    for (const name of ["North", "South"]) teams[name] = (await prisma.team.create({ data: { organizationId: orgId, name } })).id;
    const managerUser = await addUser(orgId, "MANAGER", teams.North);
    await prisma.teamManager.create({ data: { teamId: teams.North, userId: managerUser.id } });
    people.A = (await addUser(orgId, "REP", teams.North, "Ana")).id;
    people.B = (await addUser(orgId, "REP", teams.North, "Ben")).id;
    people.C = (await addUser(orgId, "REP", teams.South, "Cy")).id;
    admin = await actorFor(adminUser.id);
    manager = await actorFor(managerUser.id);

    // Each deal: owner, outcome, closedOn, target close date, archived, then its calls [rep, derived].
    const history: Array<[string, string, string | null, string, boolean, Array<[string, string]>]> = [
      [
        "A",
        "WON",
        Q3,
        "2026-10-15",
        false,
        [
          ["COMMIT", "COMMIT"],
          ["COMMIT", "BEST_CASE"],
        ],
      ], // won on the quarter's last day
      [
        "A",
        "WON",
        "2026-11-01",
        "2026-10-20",
        false,
        [
          ["COMMIT", "PIPELINE"],
          ["BEST_CASE", "PIPELINE"],
        ],
      ], // won a day late
      ["A", "WON", "2026-05-20", "2026-06-30", false, [["BEST_CASE", "COMMIT"]]],
      [
        "B",
        "LOST",
        "2026-09-10",
        "2026-09-30",
        false,
        [
          ["COMMIT", "OMITTED"],
          ["COMMIT", "PIPELINE"],
        ],
      ],
      [
        "B",
        "OPEN",
        null,
        "2026-07-20",
        false,
        [
          ["COMMIT", "BEST_CASE"],
          ["PIPELINE", "PIPELINE"],
        ],
      ], // its quarter ended while open
      [
        "C",
        "OPEN",
        null,
        "2026-12-15",
        false,
        [
          ["COMMIT", "COMMIT"],
          ["BEST_CASE", "COMMIT"],
        ],
      ], // this quarter, still open
      ["C", "WON", "2026-11-10", "2026-12-20", false, [["PIPELINE", "COMMIT"]]], // this quarter, already won
      ["C", "LOST", "2026-09-01", "2026-09-15", true, [["COMMIT", "COMMIT"]]], // archived: left out
    ];
    for (const [owner, outcome, closedOn, targetCloseDate, archived, calls] of history) {
      const deal = await prisma.deal.create({
        data: {
          organizationId: orgId,
          ownerId: people[owner],
          accountName: `Account ${uniqueSuffix()}`,
          name: "Deal",
          amount: 10_000,
          targetCloseDate,
          outcome,
          closedOn,
          archivedAt: archived ? NOW : null,
        },
      });
      const quarter = fiscalQuarterOf(targetCloseDate, 2);
      await prisma.forecastCall.createMany({
        data: calls.map(([repCategory, derivedCategory], i) => ({
          organizationId: orgId,
          dealId: deal.id,
          ownerId: people[owner],
          weekOf: addDays("2026-06-01", 7 * i),
          repCategory,
          derivedCategory,
          amount: 10_000,
          currency: "USD",
          targetCloseDate,
          quarterStart: quarter.start,
          quarterEnd: quarter.end,
        })),
      });
    }
  });

  it("by rep, team and organization over the last two quarters", async () => {
    const accuracy = await loadForecastAccuracy(admin, LAST_TWO, NOW);
    const ana = expected({ COMMIT: { rep: [2, 3], derived: [2, 2] }, BEST_CASE: { rep: [1, 2], derived: [1, 1] }, PIPELINE: { derived: [2, 2] } });
    const ben = expected({ COMMIT: { rep: [0, 3] }, BEST_CASE: { derived: [0, 1] }, PIPELINE: { rep: [1, 1], derived: [2, 2] }, OMITTED: { derived: [1, 1] } });
    const north = expected({
      COMMIT: { rep: [2, 6], derived: [2, 2] },
      BEST_CASE: { rep: [1, 2], derived: [1, 2] },
      PIPELINE: { rep: [1, 1], derived: [4, 4] },
      OMITTED: { derived: [1, 1] },
    });
    expect(totals(accuracy.byRep.get(people.A))).toEqual(ana);
    expect(totals(accuracy.byRep.get(people.B))).toEqual(ben);
    expect(totals(accuracy.byRep.get(people.C))).toEqual(expected({}));
    expect(totals(accuracy.byTeam.get(teams.North))).toEqual(north);
    expect(totals(accuracy.byTeam.get(teams.South))).toEqual(expected({}));
    expect(totals(accuracy.overall)).toEqual(north);
    // Quarter by quarter: Ana's Q3 calls, then her one Q2 call.
    const anaQuarters = accuracy.byRep.get(people.A)!.byQuarter;
    expect(anaQuarters.get(Q3)!.COMMIT.rep).toEqual({ right: 2, settled: 3 });
    expect(anaQuarters.get(Q3)!.BEST_CASE.rep).toEqual({ right: 0, settled: 1 });
    expect(anaQuarters.get(Q2)!.BEST_CASE.rep).toEqual({ right: 1, settled: 1 });
    expect(anaQuarters.get(Q2)!.COMMIT.derived).toEqual({ right: 1, settled: 1 });
  });

  it("this quarter: a won deal is settled, an open one is still open", async () => {
    const accuracy = await loadForecastAccuracy(admin, THIS_QUARTER, NOW);
    const cy = expected({ PIPELINE: { rep: [0, 1] }, COMMIT: { derived: [1, 1] } }, 2);
    expect(totals(accuracy.byRep.get(people.C))).toEqual(cy);
    expect(totals(accuracy.overall)).toEqual(cy);
  });

  it("a manager's scope is their team only", async () => {
    const accuracy = await loadForecastAccuracy(manager, LAST_TWO, NOW);
    expect([...accuracy.byTeam.keys()]).toEqual([teams.North]);
    expect(accuracy.byRep.has(people.C)).toBe(false);
  });

  it("agrees with the domain definition, row by row", async () => {
    for (const actor of [admin, manager]) for (const window of [LAST_TWO, THIS_QUARTER]) await compareBothWays(actor, window);
  });

  it("drills down from team to rep; another team's rep or another organization's ids are not found", async () => {
    const cookie = await cookieFor(manager.userId);
    const query = "window=custom&from=2026-05-01&to=2026-10-31";
    const page = await callLoader(accuracyRoute.loader, { path: `/dashboard/accuracy?${query}&team=${teams.North}&rep=${people.A}`, cookie });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ scope: { kind: "rep", name: "Ana" } });
    expect((await callLoader(accuracyRoute.loader, { path: `/dashboard/accuracy?rep=${people.C}`, cookie })).status).toBe(404);
    expect((await callLoader(accuracyRoute.loader, { path: `/dashboard/accuracy?team=${teams.South}`, cookie })).status).toBe(404);

    const stranger = await createTenant("Stranger");
    const strangerCookie = await cookieFor(stranger.manager.id);
    // Their own page: nothing settled yet, only this week's calls.
    const own = await callLoader(accuracyRoute.loader, { path: "/dashboard/accuracy?window=current", cookie: strangerCookie });
    expect(own.body).toMatchObject({ summary: { settled: 0 } });
    for (const drill of [`team=${teams.North}`, `rep=${people.A}`, `team=${teams.North}&rep=${people.A}`]) {
      expect((await callLoader(accuracyRoute.loader, { path: `/dashboard/accuracy?${drill}`, cookie: strangerCookie })).status, drill).toBe(404);
    }
    const strangerAdmin = await cookieFor(stranger.admin.id);
    expect((await callLoader(accuracyRoute.loader, { path: `/dashboard/accuracy?rep=${people.B}`, cookie: strangerAdmin })).status).toBe(404);
  });

  it("is refused to reps, and sends the signed-out to sign in", async () => {
    const rep = await callLoader(accuracyRoute.loader, { path: "/dashboard/accuracy", cookie: await cookieFor(people.A) });
    expect(rep.status).toBe(403);
    const signedOut = await callLoader(accuracyRoute.loader, { path: "/dashboard/accuracy" });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toMatch(/^\/login/);
  });
});

// ---- SQL against the domain definition ----

describe("forecast accuracy on the demo seed", () => {
  let admin: SellerActor;
  let manager: SellerActor;
  beforeAll(async () => {
    await seedDemo();
    await refreshAllSignalCaches();
    admin = await actorFor((await prisma.user.findUniqueOrThrow({ where: { email: "admin@mutual.test" } })).id);
    manager = await actorFor((await prisma.user.findUniqueOrThrow({ where: { email: "manager@mutual.test" } })).id);
  });

  it("agrees between SQL and the domain definition, for the admin and the manager, in three windows", async () => {
    for (const actor of [admin, manager]) for (const window of windowsFor(actor)) await compareBothWays(actor, window);
  });

  it("has settled calls in the default window, where the plan's Commit beats the rep's", async () => {
    const { overall } = await loadForecastAccuracy(admin, windowsFor(admin)[0]);
    const { rep, derived } = overall.total.COMMIT;
    expect(derived.settled).toBeGreaterThan(20);
    expect(derived.right / derived.settled).toBeGreaterThan(0.75);
    expect(rep.right / rep.settled).toBeLessThan(0.65);
    const page = await callLoader(accuracyRoute.loader, { path: "/dashboard/accuracy", cookie: await cookieFor(manager.userId) });
    expect(page.status).toBe(200);
  });
});

describe("forecast accuracy on a generated organization", () => {
  let admin: SellerActor;
  beforeAll(async () => {
    const org = await generateLargeOrganization({ deals: 150, seed: 5 });
    await refreshAllSignalCaches();
    admin = await actorFor((await prisma.user.findUniqueOrThrow({ where: { email: org.adminEmail } })).id);
  });

  it("agrees between SQL and the domain definition, by rep, team and organization, in three windows", async () => {
    for (const window of windowsFor(admin)) await compareBothWays(admin, window);
    const { overall } = await loadForecastAccuracy(admin, windowsFor(admin)[0]);
    const { rep, derived } = overall.total.COMMIT;
    expect(derived.settled).toBeGreaterThan(10);
    expect(derived.right / derived.settled).toBeGreaterThan(rep.right / rep.settled);
  });

  it("still agrees with an archived deal, which both leave out", async () => {
    const call = await prisma.forecastCall.findFirstOrThrow({ where: { organizationId: admin.organizationId, deal: { outcome: { not: "OPEN" } } } });
    await prisma.deal.update({ where: { id: call.dealId }, data: { archivedAt: new Date() } });
    for (const window of windowsFor(admin)) await compareBothWays(admin, window);
    await prisma.deal.update({ where: { id: call.dealId }, data: { archivedAt: null } });
  });
});

// ---- Recording ----

describe("recording the weekly calls", () => {
  it("follows a change of the rep's call this week, adds next week's row in the background refresh, and stops once the deal is won", async () => {
    const tenant = await createTenant("Recorder");
    const { repActor } = tenant;
    const dealId = tenant.repDeal.deal.id;
    const thisWeek = weekStart(actorToday(repActor));
    const callsOf = (id: string) => prisma.forecastCall.findMany({ where: { dealId: id }, orderBy: { weekOf: "asc" } });
    expect(await callsOf(dealId)).toMatchObject([{ weekOf: thisWeek, repCategory: "PIPELINE", ownerId: tenant.rep.id, quarterEnd: "2027-03-31" }]);

    const deal = await prisma.deal.findUniqueOrThrow({ where: { id: dealId } });
    const fields = {
      accountName: deal.accountName,
      name: deal.name,
      amount: deal.amount,
      currency: deal.currency as "USD",
      stage: deal.stage,
      targetCloseDate: deal.targetCloseDate,
      outcome: "OPEN" as const,
    };
    await updateDeal(repActor, dealId, { ...fields, repForecastCategory: "COMMIT", version: deal.version });
    expect(await callsOf(dealId)).toMatchObject([{ weekOf: thisWeek, repCategory: "COMMIT" }]);

    const nextWeek = new Date(Date.now() + 7 * 86_400_000);
    await refreshAllSignalCaches(nextWeek);
    expect((await callsOf(dealId)).map((c) => c.weekOf)).toEqual([thisWeek, addDays(thisWeek, 7)]);

    const other = await prisma.deal.findUniqueOrThrow({ where: { id: tenant.otherRepDeal.deal.id } });
    await updateDeal(tenant.otherRepActor, other.id, {
      ...fields,
      accountName: other.accountName,
      repForecastCategory: "COMMIT",
      outcome: "WON",
      version: other.version,
    });
    const before = await callsOf(other.id);
    await refreshAllSignalCaches(new Date(Date.now() + 14 * 86_400_000));
    expect(await callsOf(other.id)).toEqual(before);
    expect((await callsOf(dealId)).map((c) => c.weekOf)).toEqual([thisWeek, addDays(thisWeek, 7), addDays(thisWeek, 14)]);
  });
});
