import { prisma } from "~/utils/db.server";
import { NotFoundError, VersionConflictError } from "~/utils/http.server";
import { MEDDPICC_LETTERS, meddpiccTotal, type MeddpiccScores } from "~/domain/meddpicc";
import type { MeddpiccInput } from "~/forms/meddpicc";
import { visibleDealsWhere, type SellerActor } from "./actor.server";
import { changedFields, recordActivity, sellerActivityActor } from "./activity.server";

/** Records the deal's MEDDPICC scores (seller-only: buyers never see them). Version 0 creates. */
export async function saveMeddpicc(actor: SellerActor, dealId: string, input: MeddpiccInput) {
  const { version, ...scores } = input;
  return prisma.$transaction(async (tx) => {
    const deal = await tx.deal.findFirst({ where: { id: dealId, ...visibleDealsWhere(actor) }, include: { meddpicc: true, plan: { select: { id: true } } } });
    if (!deal) throw new NotFoundError();
    const current = deal.meddpicc;
    if ((current?.version ?? 0) !== version) throw new VersionConflictError(current);
    const before: MeddpiccScores | null = current ? pick(current) : null;
    if (current) {
      const result = await tx.meddpiccScore.updateMany({
        where: { id: current.id, version },
        data: { ...scores, updatedById: actor.userId, version: { increment: 1 } },
      });
      if (result.count === 0) throw new VersionConflictError(await tx.meddpiccScore.findUnique({ where: { id: current.id } }));
    } else {
      await tx.meddpiccScore.create({ data: { ...scores, organizationId: actor.organizationId, dealId, updatedById: actor.userId } });
    }
    const diff = before ? changedFields(before, scores) : { before: null, after: scores };
    if (!diff) return;
    await recordActivity(tx, sellerActivityActor(actor), {
      organizationId: actor.organizationId,
      dealId,
      planId: deal.plan?.id,
      entityType: "MEDDPICC",
      entityId: dealId,
      action: "meddpicc.scored",
      before: before ? { total: meddpiccTotal(before) } : null,
      after: { total: meddpiccTotal(scores) },
      internalOnly: true,
    });
  });
}

function pick(row: MeddpiccScores): MeddpiccScores {
  return Object.fromEntries(MEDDPICC_LETTERS.map(({ key }) => [key, row[key]])) as MeddpiccScores;
}
