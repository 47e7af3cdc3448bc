// What tells a seller's open deal page that something on it changed: the deal's and the plan's
// versions, the deal's latest history row (every write records one in its own transaction) and
// the day (overdue steps and the figures move with it). A poll that finds the same tag costs this
// one read and a 304.
import { prisma } from "~/utils/db.server";
import { NotFoundError } from "~/utils/http.server";
import { actorToday, visibleDealsWhere, type SellerActor } from "./actor.server";

export async function dealChangeTag(actor: SellerActor, dealId: string, now = new Date()): Promise<string> {
  const deal = await prisma.deal.findFirst({
    where: { id: dealId, ...visibleDealsWhere(actor) },
    select: {
      version: true,
      plan: { select: { version: true } },
      activities: { select: { id: true }, orderBy: [{ at: "desc" }, { id: "desc" }], take: 1 },
    },
  });
  if (!deal) throw new NotFoundError();
  return `W/"${deal.version}.${deal.plan?.version ?? 0}.${deal.activities[0]?.id ?? "none"}.${actorToday(actor, now)}"`;
}
