// What tells a seller's open deal page that something on it changed: the deal's and the plan's
// versions, how many history rows the deal has (every write records one in its own transaction)
// and the day (overdue steps and the figures move with it). A poll that finds the
// same tag costs this one read and a 304, so it is one lean statement, not an ORM call.
import { prisma } from "~/utils/db.server";
import { NotFoundError } from "~/utils/http.server";
import { actorToday, visibleDealsSql, type SellerActor } from "./actor.server";
import { formatDealTag } from "./deal-change-tag";

interface TagRow {
  dealVersion: number;
  planVersion: number | null;
  history: number | bigint;
}

export async function dealChangeTag(actor: SellerActor, dealId: string, now = new Date()): Promise<string> {
  const [deal] = await prisma.$queryRaw<TagRow[]>`
    SELECT d."version" AS "dealVersion",
           (SELECT p."version" FROM "Plan" p WHERE p."dealId" = d."id") AS "planVersion",
           (SELECT COUNT(*) FROM "Activity" a WHERE a."dealId" = d."id") AS "history"
    FROM "Deal" d
    WHERE d."id" = ${dealId} AND ${visibleDealsSql(actor)}`;
  if (!deal) throw new NotFoundError();
  return formatDealTag({
    deal: Number(deal.dealVersion),
    plan: Number(deal.planVersion ?? 0),
    history: Number(deal.history),
    day: actorToday(actor, now),
  });
}
