// A seller's comment on a step, written from the deal page. Comments are the plan's shared
// conversation: the buyer reads them on their plan page beside their own (buyer-plan-read.server.ts),
// unless the step is internal-only.
import { prisma, type Tx } from "~/utils/db.server";
import { NotFoundError } from "~/utils/http.server";
import type { SellerCommentInput } from "~/forms/discussion";
import type { StepComment } from "./discussion.types";
import { storedDate } from "~/utils/stored-date";
import { visibleDealsSql, visiblePlansWhere, type SellerActor } from "./actor.server";
import { recordActivity, sellerActivityActor } from "./activity.server";
import { notifyMentions } from "./mention.server";

/** A step of this deal's plan, if the seller may see the deal; 404 otherwise, foreign or missing alike. */
export async function findStepOfDeal(tx: Tx, actor: SellerActor, dealId: string, milestoneId: string) {
  const step = await tx.milestone.findFirst({
    where: { id: milestoneId, organizationId: actor.organizationId, plan: { dealId, ...visiblePlansWhere(actor) } },
    select: { id: true, title: true, internalOnly: true, planId: true },
  });
  if (!step) throw new NotFoundError();
  return step;
}

export async function addSellerComment(actor: SellerActor, dealId: string, input: SellerCommentInput, baseUrl: string) {
  return prisma.$transaction(async (tx) => {
    const step = await findStepOfDeal(tx, actor, dealId, input.milestoneId);
    const comment = await tx.comment.create({
      data: {
        organizationId: actor.organizationId,
        planId: step.planId,
        milestoneId: step.id,
        side: "SELLER",
        authorUserId: actor.userId,
        body: input.body,
      },
    });
    await recordActivity(tx, sellerActivityActor(actor), {
      organizationId: actor.organizationId,
      dealId,
      planId: step.planId,
      entityType: "COMMENT",
      entityId: step.id,
      action: "comment.added",
      after: { body: input.body },
      // A comment on a step the buyer cannot see stays out of the buyer's history with the step.
      internalOnly: step.internalOnly,
    });
    await notifyMentions(tx, actor, { kind: "comment", id: comment.id, dealId, body: input.body, step }, baseUrl);
    return comment;
  });
}

interface StepCommentRow {
  id: string;
  milestoneId: string;
  side: string;
  body: string;
  createdAt: Date | string;
  participantName: string | null;
  userName: string | null;
}

/**
 * Every step's comments, both sides', oldest first; none for a seller who cannot see the deal.
 * One statement: the deal page reloads after every save, and each ORM query costs more to
 * prepare than this costs to run.
 */
export async function listStepComments(actor: SellerActor, dealId: string): Promise<Record<string, StepComment[]>> {
  const rows = await prisma.$queryRaw<StepCommentRow[]>`
    SELECT c."id", c."milestoneId", c."side", c."body", c."createdAt", ap."name" AS "participantName", au."name" AS "userName"
    FROM "Comment" c
    JOIN "Plan" pl ON pl."id" = c."planId" AND pl."organizationId" = c."organizationId"
    JOIN "Deal" d ON d."id" = pl."dealId" AND ${visibleDealsSql(actor)}
    LEFT JOIN "Participant" ap ON ap."id" = c."authorParticipantId"
    LEFT JOIN "User" au ON au."id" = c."authorUserId"
    WHERE c."organizationId" = ${actor.organizationId} AND pl."dealId" = ${dealId}
      AND c."milestoneId" IS NOT NULL AND c."internalOnly" = false
    ORDER BY c."createdAt" ASC, c."id" ASC`;
  const byStep: Record<string, StepComment[]> = {};
  for (const row of rows) {
    (byStep[row.milestoneId] ??= []).push({
      id: row.id,
      side: row.side === "BUYER" ? "BUYER" : "SELLER",
      // The same name the buyer's page shows: the person on the plan, else the user.
      authorName: row.participantName ?? row.userName ?? "Someone",
      body: row.body,
      at: storedDate(row.createdAt).toISOString(),
    });
  }
  return byStep;
}
