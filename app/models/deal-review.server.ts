// The weekly deal review: whose review the actor may open, a rep's open deals with what to
// discuss (the order and the risks come from app/domain/deal-review.ts), and the notes kept per
// deal and week. Seller-only.
import { prisma } from "~/utils/db.server";
import { NotFoundError } from "~/utils/http.server";
import { reviewAgenda, type ReviewItem } from "~/domain/deal-review";
import { actorToday, managedMembersWhere, visibleDealsWhere, type SellerActor } from "./actor.server";
import { loadDealsWithFigures, stakeholderMapOfLoadedDeal } from "./signals.server";
import type { ReviewNoteInput } from "~/forms/stakeholders";

export interface ReviewPerson {
  id: string;
  name: string;
  role: string;
  teamName: string | null;
}

/** Earlier weeks' notes shown per deal, most recent first. */
export const EARLIER_NOTES_LIMIT = 10;

/** The deals a review is about: a rep's open ones that are not archived. */
const OPEN_DEALS = { outcome: "OPEN", archivedAt: null } as const;

/**
 * Whose reviews the actor may open: a rep their own; a manager also the members of the teams they
 * manage; an admin anyone in the organization. Deactivated people are left out, and so are managers
 * and admins who own no open deal: they have nothing to review.
 */
export async function reviewPeople(actor: SellerActor): Promise<ReviewPerson[]> {
  const scope = actor.role === "ADMIN" ? {} : actor.role === "MANAGER" ? { OR: [{ id: actor.userId }, managedMembersWhere(actor)] } : { id: actor.userId };
  const users = await prisma.user.findMany({
    where: {
      organizationId: actor.organizationId,
      deactivatedAt: null,
      AND: [scope, { OR: [{ role: "REP" }, { ownedDeals: { some: OPEN_DEALS } }] }],
    },
    select: { id: true, name: true, role: true, team: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
  return users.map((u) => ({ id: u.id, name: u.name, role: u.role, teamName: u.team?.name ?? null }));
}

/**
 * The rep named in the URL, if the actor may review them (else 404, the same for a foreign or
 * made-up id). None named: a rep's own review; a manager's or admin's first rep by name. Their
 * own review is always open to the actor, empty when they own no open deal.
 */
export async function reviewSubject(actor: SellerActor, repId: string | null) {
  const people = await reviewPeople(actor);
  const fallback = actor.role === "REP" ? actor.userId : (people.find((p) => p.role === "REP")?.id ?? actor.userId);
  const wanted = repId ?? fallback;
  const yourself = { id: actor.userId, name: actor.name, role: actor.role, teamName: null };
  const subject = people.find((p) => p.id === wanted) ?? (wanted === actor.userId ? yourself : undefined);
  if (!subject) throw new NotFoundError();
  return { subject, people };
}

export interface ReviewNoteView {
  id: string;
  weekOf: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface DealReview extends ReviewItem {
  notes: ReviewNoteView[];
  earlierNotes: ReviewNoteView[];
}

/** The rep's open, non-archived deals the actor may see, in the order to discuss them, with the week's notes and earlier ones. */
export async function loadDealReview(actor: SellerActor, repId: string, week: string, now = new Date()): Promise<DealReview[]> {
  const today = actorToday(actor, now);
  const loaded = await loadDealsWithFigures(actor, { ownerId: repId, ...OPEN_DEALS }, now);
  const agenda = reviewAgenda(
    loaded.map(({ deal, figures }) => ({
      id: deal.id,
      name: deal.name,
      accountName: deal.accountName,
      amount: deal.amount,
      currency: deal.currency,
      stage: deal.stage,
      signals: figures.signals,
      unreadableDate: figures.unreadableDate,
      stakeholders: stakeholderMapOfLoadedDeal(deal, today),
      milestones: deal.plan?.milestones ?? [],
    })),
    today,
  );
  const notes = await notesUpTo(
    actor,
    agenda.map((d) => d.id),
    week,
  );
  return agenda.map((item) => {
    const mine = notes.get(item.id) ?? [];
    return { ...item, notes: mine.filter((n) => n.weekOf === week).reverse(), earlierNotes: mine.filter((n) => n.weekOf < week).slice(0, EARLIER_NOTES_LIMIT) };
  });
}

async function notesUpTo(actor: SellerActor, dealIds: string[], week: string) {
  const rows = await prisma.dealReviewNote.findMany({
    where: { organizationId: actor.organizationId, dealId: { in: dealIds }, weekOf: { lte: week } },
    orderBy: [{ weekOf: "desc" }, { createdAt: "desc" }],
  });
  const byDeal = new Map<string, ReviewNoteView[]>();
  for (const r of rows) {
    const list = byDeal.get(r.dealId) ?? [];
    list.push({ id: r.id, weekOf: r.weekOf, authorName: r.authorName, body: r.body, createdAt: r.createdAt.toISOString() });
    byDeal.set(r.dealId, list);
  }
  return byDeal;
}

/** A note for the given week's review of the subject (both resolved by the caller), on one of the subject's open deals the actor may see. */
export async function addReviewNote(actor: SellerActor, subjectId: string, week: string, input: ReviewNoteInput) {
  const deal = await prisma.deal.findFirst({
    where: { id: input.dealId, ownerId: subjectId, ...OPEN_DEALS, ...visibleDealsWhere(actor) },
    select: { id: true },
  });
  if (!deal) throw new NotFoundError();
  return prisma.dealReviewNote.create({
    data: { organizationId: actor.organizationId, dealId: deal.id, weekOf: week, authorId: actor.userId, authorName: actor.name, body: input.body },
  });
}
