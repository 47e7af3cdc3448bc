// Internal notes: a seller's words on a deal or one of its steps that only the seller's team reads.
// They live in their own table, which nothing on the buyer's side (page, poll, email, export)
// reads, and their words are kept out of the plan's history: a leak would need new code, not a
// forgotten filter.
import { prisma } from "~/utils/db.server";
import { storedDate } from "~/utils/stored-date";
import { NotFoundError } from "~/utils/http.server";
import type { InternalNoteInput } from "~/forms/discussion";
import type { DealDiscussion, InternalNoteView } from "./discussion.types";
import { visibleDealsSql, visibleDealsWhere, type SellerActor } from "./actor.server";
import { recordActivity, sellerActivityActor } from "./activity.server";
import { notifyMentions } from "./mention.server";
import { findStepOfDeal, listStepComments } from "./seller-comment.server";

export async function addInternalNote(actor: SellerActor, dealId: string, input: InternalNoteInput, baseUrl: string) {
  return prisma.$transaction(async (tx) => {
    const deal = await tx.deal.findFirst({ where: { id: dealId, ...visibleDealsWhere(actor) }, select: { id: true, plan: { select: { id: true } } } });
    if (!deal) throw new NotFoundError();
    const step = input.milestoneId ? await findStepOfDeal(tx, actor, dealId, input.milestoneId) : null;
    const note = await tx.internalNote.create({
      data: { organizationId: actor.organizationId, dealId, milestoneId: step?.id ?? null, authorUserId: actor.userId, body: input.body },
    });
    // History says a note was left, never what it says: its words stay in this table alone.
    await recordActivity(tx, sellerActivityActor(actor), {
      organizationId: actor.organizationId,
      dealId,
      planId: deal.plan?.id ?? null,
      entityType: step ? "MILESTONE" : "DEAL",
      entityId: step?.id ?? dealId,
      action: "note.added",
      internalOnly: true,
    });
    await notifyMentions(tx, actor, { kind: "note", id: note.id, dealId, body: input.body, step }, baseUrl);
    return note;
  });
}

interface InternalNoteRow {
  id: string;
  stepId: string | null;
  body: string;
  createdAt: Date | string;
  authorName: string | null;
}

/**
 * The deal's notes, oldest first, split into the deal's own and each step's; none for a seller who
 * cannot see the deal. A deleted step's notes join the deal's: nothing written is lost.
 */
async function listInternalNotes(actor: SellerActor, dealId: string) {
  // A note's step counts only while it is a step of this deal's plan (stepId is null otherwise).
  const rows = await prisma.$queryRaw<InternalNoteRow[]>`
    SELECT n."id", m."id" AS "stepId", n."body", n."createdAt", u."name" AS "authorName"
    FROM "InternalNote" n
    JOIN "Deal" d ON d."id" = n."dealId" AND ${visibleDealsSql(actor)}
    LEFT JOIN "Milestone" m ON m."id" = n."milestoneId" AND m."organizationId" = n."organizationId"
      AND m."planId" IN (SELECT pl."id" FROM "Plan" pl WHERE pl."dealId" = n."dealId" AND pl."organizationId" = n."organizationId")
    LEFT JOIN "User" u ON u."id" = n."authorUserId"
    WHERE n."organizationId" = ${actor.organizationId} AND n."dealId" = ${dealId}
    ORDER BY n."createdAt" ASC, n."id" ASC`;
  const dealNotes: InternalNoteView[] = [];
  const notesByStep: Record<string, InternalNoteView[]> = {};
  for (const row of rows) {
    const view = { id: row.id, authorName: row.authorName ?? "A former teammate", body: row.body, at: storedDate(row.createdAt).toISOString() };
    if (row.stepId) (notesByStep[row.stepId] ??= []).push(view);
    else dealNotes.push(view);
  }
  return { dealNotes, notesByStep };
}

/** What the deal page shows of the deal's conversation, for a seller who can see the deal; 404 otherwise. */
export async function getDealDiscussion(actor: SellerActor, dealId: string): Promise<DealDiscussion> {
  const visible = await prisma.deal.count({ where: { id: dealId, ...visibleDealsWhere(actor) } });
  if (!visible) throw new NotFoundError();
  const [commentsByStep, notes] = await Promise.all([listStepComments(actor, dealId), listInternalNotes(actor, dealId)]);
  return { timezone: actor.timezone, commentsByStep, ...notes };
}
