// Forecast accuracy: the SQL against the domain definition (forecast-accuracy-reference.ts), by rep,
// team and organization, on a small history counted by hand, on the demo and on a generated
// organization; and who may open the page and drill into what.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { endedQuarters } from "~/domain/forecast-accuracy";
import { fiscalQuarterOf } from "~/domain/fiscal";
import type { KpiWindow } from "~/domain/kpis";
import { loadForecastAccuracy } from "~/models/forecast-accuracy.server";
import { refreshAllSignalCaches } from "~/models/signals.server";
import { actorToday, type SellerActor } from "~/models/actor.server";
import * as accuracyRoute from "~/routes/_seller.dashboard_.accuracy";
import { seedDemo } from "../../prisma/seed";
import { generateLargeOrganization } from "../../prisma/seed-large";
import { callLoader } from "../fixtures/routes";
import { actorFor, cookieFor, createTenant } from "../fixtures/world";
import { buildHandHistory, LAST_TWO, THIS_QUARTER, type HandHistory } from "./forecast-accuracy-history";
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

describe("forecast accuracy on a small history: SQL, domain and access", () => {
  let admin: SellerActor;
  let manager: SellerActor;
  let people: HandHistory["people"];
  let teams: HandHistory["teams"];

  beforeAll(async () => {
    ({ admin, manager, people, teams } = await buildHandHistory());
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

    // The admin's page starts from the teams with calls in the window (South's only deal is archived), and each opens on its reps.
    const adminCookie = await cookieFor(admin.userId);
    const top = await callLoader(accuracyRoute.loader, { path: `/dashboard/accuracy?${query}`, cookie: adminCookie });
    expect(top.body).toMatchObject({ scope: { kind: "all", name: "Whole organization" }, rowsAre: "team", rows: [{ key: teams.North, name: "North" }] });
    const north = await callLoader(accuracyRoute.loader, { path: (top.body as { rows: Array<{ href: string }> }).rows[0].href, cookie: adminCookie });
    expect(north.body).toMatchObject({ scope: { kind: "team", name: "North" }, rowsAre: "rep", rows: [{ name: "Ana" }, { name: "Ben" }] });

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
