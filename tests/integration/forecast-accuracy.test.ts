// Forecast accuracy on a small history counted by hand (forecast-accuracy-history.ts), by rep, team
// and organization, and the weekly calls as deal changes and the signal refresh record them.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { emptyAccuracy, type AccuracyFigures, type CalledCategory } from "~/domain/forecast-accuracy";
import { weekStart } from "~/domain/kpis";
import { addDays } from "~/domain/dates";
import { loadForecastAccuracy } from "~/models/forecast-accuracy.server";
import { refreshAllSignalCaches } from "~/models/signals.server";
import { updateDeal } from "~/models/deal.server";
import { actorToday } from "~/models/actor.server";
import { createTenant } from "../fixtures/world";
import { buildHandHistory, LAST_TWO, NOW, Q2, Q3, THIS_QUARTER, type HandHistory } from "./forecast-accuracy-history";

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
  let admin: HandHistory["admin"];
  let manager: HandHistory["manager"];
  let people: HandHistory["people"];
  let teams: HandHistory["teams"];

  beforeAll(async () => {
    ({ admin, manager, people, teams } = await buildHandHistory());
  });

  it("by rep, team and organization over the last two quarters", async () => {
    const accuracy = await loadForecastAccuracy(admin, LAST_TWO, NOW);
    // Ben's call of Closed on his open deal is left out: the plan's Pipeline that week is not counted either.
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
    // Cy's call of Closed on the open deal is neither judged nor still open.
    const cy = expected({ PIPELINE: { rep: [0, 1] }, COMMIT: { derived: [1, 1] } }, 2);
    expect(totals(accuracy.byRep.get(people.C))).toEqual(cy);
    expect(totals(accuracy.overall)).toEqual(cy);
  });

  it("a manager's scope is their team only", async () => {
    const accuracy = await loadForecastAccuracy(manager, LAST_TWO, NOW);
    expect([...accuracy.byTeam.keys()]).toEqual([teams.North]);
    expect(accuracy.byRep.has(people.C)).toBe(false);
  });
});

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
