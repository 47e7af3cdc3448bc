// (e) Forecast accuracy against its floor: the bare aggregate statement the page rests on; and
// what recording the weekly calls adds to a full signal refresh.
import { prisma } from "~/utils/db.server";
import { endedQuarters } from "~/domain/forecast-accuracy";
import { loadForecastAccuracy } from "~/models/forecast-accuracy.server";
import { accuracyStatement } from "~/models/forecast-accuracy-sql.server";
import { recordForecastCalls, type ComputedDeal } from "~/models/forecast-calls.server";
import { refreshAllSignalCaches } from "~/models/signals.server";
import { actorToday } from "~/models/actor.server";
import type { ForecastCategory } from "~/domain/types";
import { weekStart } from "~/domain/kpis";
import { largestOrganization, median } from "./dashboard";

/** The open deals as the refresh hands them to the recording step, with their cached categories. */
async function openDealsAsComputed(organizationId: string): Promise<ComputedDeal[]> {
  const deals = await prisma.deal.findMany({
    where: { organizationId, outcome: "OPEN", archivedAt: null },
    include: { organization: { select: { fiscalYearStartMonth: true } } },
  });
  const cached = new Map((await prisma.dealSignalCache.findMany({ where: { organizationId } })).map((c) => [c.dealId, c]));
  return deals.map((deal) => {
    const c = cached.get(deal.id);
    const forecast = { rep: (c?.repCategory ?? "PIPELINE") as ForecastCategory, derived: (c?.derivedCategory ?? "PIPELINE") as ForecastCategory };
    return { deal, figures: { signals: { forecast } } };
  });
}

export async function benchAccuracy() {
  const org = await largestOrganization();
  if (!org) throw new Error("No organization found: run npm run seed:large -- --deals 10000 first.");
  const today = actorToday(org.actor);
  const window = endedQuarters(today, org.actor.fiscalYearStartMonth, 2);
  const calls = await prisma.forecastCall.count({ where: { organizationId: org.organizationId } });
  const owners = (await prisma.user.findMany({ where: { organizationId: org.organizationId }, select: { id: true } })).map((u) => u.id);

  // Alternated, so that whatever else the machine does weighs on both alike.
  const loaderRuns: number[] = [];
  const floorRuns: number[] = [];
  for (let i = 0; i < 8; i++) {
    const loader = await median(1, () => loadForecastAccuracy(org.actor, window));
    const floor = await median(1, () => prisma.$queryRaw(accuracyStatement(org.organizationId, owners, window, today)));
    // The first of each warms the caches.
    if (i === 0) continue;
    loaderRuns.push(loader);
    floorRuns.push(floor);
  }
  const middle = (runs: number[]) => runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  const [loaderMs, floorMs] = [middle(loaderRuns), middle(floorRuns)];

  // A full refresh of every deal, which records this week's calls as it goes.
  await prisma.dealSignalCache.updateMany({ where: { organizationId: org.organizationId }, data: { stale: true } });
  const refreshStarted = performance.now();
  const refreshed = await refreshAllSignalCaches();
  const refreshMs = performance.now() - refreshStarted;
  // The recording step alone, in the refresh's chunks of 400 deals: the week's first refresh
  // (every call new), then any later one (every call there, updated in place).
  const computed = await openDealsAsComputed(org.organizationId);
  const record = async () => {
    const started = performance.now();
    for (let i = 0; i < computed.length; i += 400) await recordForecastCalls(computed.slice(i, i + 400), today);
    return performance.now() - started;
  };
  await prisma.forecastCall.deleteMany({ where: { organizationId: org.organizationId, weekOf: weekStart(today) } });
  const firstRecordMs = await record();
  const recordMs = await record();
  return {
    deals: org.deals,
    calls,
    window,
    loaderMs,
    floorMs,
    ratio: loaderMs / floorMs,
    refreshed,
    refreshMs,
    recorded: computed.length,
    firstRecordMs,
    recordMs,
  };
}

export async function printAccuracy() {
  const r = await benchAccuracy();
  const ms = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const count = (n: number) => n.toLocaleString("en-US");
  console.log(
    `  (e) forecast accuracy: ${ms(r.loaderMs)} ms against a raw SQL floor of ${ms(r.floorMs)} ms = ${r.ratio.toFixed(2)}× ` +
      `(${count(r.deals)} deals, ${count(r.calls)} weekly calls, quarters ending ${r.window.from}..${r.window.to}, median of 7; goal ≤ 3×). ` +
      `Recording the week's calls of ${count(r.recorded)} open deals: ${ms(r.recordMs)} ms (${((r.recordMs / r.refreshMs) * 100).toFixed(1)}% of a full signal ` +
      `refresh of ${count(r.refreshed)} deals, ${ms(r.refreshMs)} ms); the week's first, with new ids: ${ms(r.firstRecordMs)} ms`,
  );
}
