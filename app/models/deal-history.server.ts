// Stage and close-date history: the rows the scorecard's win rate by stage, days in stage, sales
// cycle and close-date pushes are counted from (docs/scorecard.md). Written in the same transaction
// as the deal change they record, dated on the organization's calendar.
import type { Tx } from "~/utils/db.server";
import { isCalendarDate, daysBetween } from "~/domain/dates";
import { actingUserId, type SellerActor } from "./actor.server";

interface DealFacts {
  id: string;
  organizationId: string;
  stage: number;
  targetCloseDate: string;
}

const who = (actor: SellerActor) => ({ changedById: actingUserId(actor), changedByName: actor.name });

/** The deal opened today at its first stage: the start of its stage history and its sales cycle. */
export async function recordDealOpened(tx: Tx, actor: SellerActor, deal: DealFacts, today: string) {
  await tx.dealStageChange.create({
    data: { organizationId: deal.organizationId, dealId: deal.id, fromStage: null, toStage: deal.stage, changedOn: today, ...who(actor) },
  });
}

/** Records what moved between two versions of a deal: its stage, its target close date, or both. */
export async function recordDealMoves(tx: Tx, actor: SellerActor, before: DealFacts, after: Pick<DealFacts, "stage" | "targetCloseDate">, today: string) {
  if (after.stage !== before.stage) {
    const entered = await tx.dealStageChange.findFirst({ where: { dealId: before.id }, orderBy: { at: "desc" }, select: { changedOn: true } });
    await tx.dealStageChange.create({
      data: {
        organizationId: before.organizationId,
        dealId: before.id,
        fromStage: before.stage,
        toStage: after.stage,
        changedOn: today,
        daysInFromStage: entered && isCalendarDate(entered.changedOn) ? Math.max(0, daysBetween(entered.changedOn, today)) : null,
        ...who(actor),
      },
    });
  }
  if (after.targetCloseDate !== before.targetCloseDate && isCalendarDate(before.targetCloseDate) && isCalendarDate(after.targetCloseDate)) {
    await tx.dealCloseDateChange.create({
      data: {
        organizationId: before.organizationId,
        dealId: before.id,
        fromDate: before.targetCloseDate,
        toDate: after.targetCloseDate,
        daysMoved: daysBetween(before.targetCloseDate, after.targetCloseDate),
        changedOn: today,
        ...who(actor),
      },
    });
  }
}
