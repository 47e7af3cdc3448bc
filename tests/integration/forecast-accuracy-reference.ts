// Forecast accuracy the slow, obvious way, for tests to hold the SQL to: every recorded call read
// with Prisma and put through app/domain/forecast-accuracy.ts, one by one.
import { prisma } from "~/utils/db.server";
import { addAccuracy, addCall, emptyAccuracy, type AccuracyFigures } from "~/domain/forecast-accuracy";
import type { KpiWindow } from "~/domain/kpis";
import { actorToday, type SellerActor } from "~/models/actor.server";

export async function accuracyTheDomainWay(actor: SellerActor, window: KpiWindow, now = new Date()) {
  const organizationId = actor.organizationId;
  const today = actorToday(actor, now);
  const users = await prisma.user.findMany({
    where: { organizationId, ...(actor.role === "MANAGER" ? { team: { managers: { some: { userId: actor.userId } } } } : {}) },
  });
  const calls = await prisma.forecastCall.findMany({
    where: { organizationId, ownerId: { in: users.map((u) => u.id) } },
    include: { deal: { select: { outcome: true, closedOn: true, archivedAt: true } } },
  });
  const byRep = new Map<string, AccuracyFigures>(users.map((u) => [u.id, emptyAccuracy()]));
  for (const call of calls) {
    const outcome = {
      ownerId: call.ownerId,
      quarterEnd: call.quarterEnd,
      repCategory: call.repCategory,
      derivedCategory: call.derivedCategory,
      dealOutcome: call.deal.outcome as "OPEN" | "WON" | "LOST",
      dealClosedOn: call.deal.closedOn,
      dealArchived: call.deal.archivedAt !== null,
    };
    addCall(byRep.get(call.ownerId)!, outcome, window, today);
  }
  const byTeam = new Map<string, AccuracyFigures>();
  const overall = emptyAccuracy();
  for (const user of users) {
    const team = user.teamId ?? "no-team";
    if (!byTeam.has(team)) byTeam.set(team, emptyAccuracy());
    addAccuracy(byTeam.get(team)!, byRep.get(user.id)!);
    addAccuracy(overall, byRep.get(user.id)!);
  }
  return { byRep, byTeam, overall };
}
