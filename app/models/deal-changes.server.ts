// What tells a seller's open deal page that something on it changed: the deal's and the plan's
// versions, how many history rows the deal has (every write records one in its own transaction)
// and the day (overdue steps and the figures move with it). A poll that finds the
// same tag costs this one read and a 304, so it is one lean statement, not an ORM call.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { NotFoundError } from "~/utils/http.server";
import { actorToday, visibleDealsSql, type SellerActor } from "./actor.server";
import { formatDealTag } from "./deal-change-tag";

/** How many history rows deal `d` has, read the same way wherever the tag is read. */
export const DEAL_HISTORY_ROWS = `(SELECT COUNT(*) FROM "Activity" h WHERE h."dealId" = d."id")`;

/** The tag from what was read: the deal's version, its plan's (none: 0), its history rows, and the reader's day. */
export function dealTagOf(actor: SellerActor, read: { dealVersion: number; planVersion: number | null; historyRows: number }, now = new Date()) {
  return formatDealTag({ deal: read.dealVersion, plan: read.planVersion ?? 0, history: read.historyRows, day: actorToday(actor, now) });
}

interface TagRow {
  dealVersion: number;
  planVersion: number | null;
  historyRows: number | bigint;
}

export async function dealChangeTag(actor: SellerActor, dealId: string, now = new Date()): Promise<string> {
  const [deal] = await prisma.$queryRaw<TagRow[]>`
    SELECT d."version" AS "dealVersion",
           (SELECT p."version" FROM "Plan" p WHERE p."dealId" = d."id") AS "planVersion",
           ${Prisma.raw(DEAL_HISTORY_ROWS)} AS "historyRows"
    FROM "Deal" d
    WHERE d."id" = ${dealId} AND ${visibleDealsSql(actor)}`;
  if (!deal) throw new NotFoundError();
  const planVersion = deal.planVersion === null ? null : Number(deal.planVersion);
  return dealTagOf(actor, { dealVersion: Number(deal.dealVersion), planVersion, historyRows: Number(deal.historyRows) }, now);
}
