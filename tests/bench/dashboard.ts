// (a) The dashboard loader against its floor: one raw SQL aggregate over the same milestone rows.
import { prisma } from "~/utils/db.server";
import { loadDashboard } from "~/models/dashboard.server";
import { refreshAllSignalCaches } from "~/models/signals.server";
import { actorToday, toSellerActor } from "~/models/actor.server";
import { resolveWindow } from "~/domain/kpis";
import { isCalendarDate } from "~/domain/dates";

export async function median(runs: number, work: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/** The organization with the most deals: the one `npm run seed:large` made. */
export async function largestOrganization() {
  const counts = await prisma.deal.groupBy({ by: ["organizationId"], _count: { _all: true }, orderBy: { _count: { organizationId: "desc" } }, take: 1 });
  if (!counts.length) return null;
  const organizationId = counts[0].organizationId;
  const admin = await prisma.user.findFirst({ where: { organizationId, role: "ADMIN" }, include: { organization: true } });
  return admin ? { organizationId, deals: counts[0]._count._all, actor: toSellerActor(admin) } : null;
}

export async function benchDashboard() {
  const org = await largestOrganization();
  if (!org) throw new Error("No organization found: run npm run seed:large -- --deals 10000 first.");
  const { window } = resolveWindow("quarter", actorToday(org.actor), org.actor.fiscalYearStartMonth, null, null, isCalendarDate);
  const milestones = await prisma.milestone.count({ where: { organizationId: org.organizationId } });
  // The server's background refresh keeps the cache; here it runs once, before anything is timed.
  const refreshStarted = performance.now();
  await refreshAllSignalCaches();
  const refreshMs = performance.now() - refreshStarted;

  const loaderMs = await median(7, () => loadDashboard(org.actor, window));
  // The first visit after "today" moves reads the cache as it is (the background refresh catches up).
  const tomorrow = new Date(Date.now() + 86_400_000);
  const newDayMs = await median(7, () => loadDashboard(org.actor, window, tomorrow));
  const floorMs = await median(
    7,
    () =>
      prisma.$queryRaw`
      SELECT COUNT(*) AS "due",
             SUM(CASE WHEN m."status" = 'DONE' AND m."completedOn" <= m."targetDate" THEN 1 ELSE 0 END) AS "onTime",
             SUM(CASE WHEN m."targetDate" > m."originalTargetDate" THEN 1 ELSE 0 END) AS "redated"
      FROM "Milestone" m
      WHERE m."organizationId" = ${org.organizationId} AND m."targetDate" >= ${window.from} AND m."targetDate" <= ${window.to}`,
  );
  return { deals: org.deals, milestones, window, refreshMs, loaderMs, newDayMs, floorMs, ratio: loaderMs / floorMs, newDayRatio: newDayMs / floorMs };
}
