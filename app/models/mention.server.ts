// Emails for "@name" in a seller's comment or internal note, queued in the transaction that saves
// it. Who may be named is decided here: in an internal note only the seller side (users of the
// organization who can see the deal, and the plan's seller people); in a comment on a step the
// buyer sees, the plan's buyers too. A buyer is never told of an internal note, whatever it says.
import { createElement } from "react";
import MentionEmail from "../../emails/mention";
import { findMentions, type Mentionable } from "~/domain/mentions";
import type { Role } from "~/domain/types";
import type { Tx } from "~/utils/db.server";
import { queueEmail, renderEmail } from "~/utils/email.server";
import { stopLink } from "~/utils/unsubscribe.server";
import { visibleDealsWhere, type SellerActor } from "./actor.server";

export const MENTION_EMAIL_KIND = "MENTION";

export interface MentionSource {
  kind: "comment" | "note";
  /** The comment's or the note's id: one email per source and reader, however often it is retried. */
  id: string;
  dealId: string;
  body: string;
  step: { id: string; title: string; internalOnly: boolean } | null;
}

interface Reader extends Mentionable {
  email: string;
  side: "SELLER" | "BUYER";
}

/** Queues one email to each person the text names, the author aside. */
export async function notifyMentions(tx: Tx, author: SellerActor, source: MentionSource, baseUrl: string) {
  if (!source.body.includes("@")) return;
  const deal = await tx.deal.findUniqueOrThrow({
    where: { id: source.dealId },
    select: {
      accountName: true,
      organization: { select: { name: true } },
      plan: { select: { id: true, title: true, status: true, participants: { where: { side: "BUYER", accessState: { not: "REVOKED" } } } } },
    },
  });
  const buyerPeople = deal.plan?.participants ?? [];
  // The plan's seller people are users who see the deal through it, so this finds them too.
  const sellers = await sellersWhoSeeTheDeal(tx, author, source);
  // Buyers may be named only where they will read the words: a comment on a step of a shared plan they see.
  const buyersRead = source.kind === "comment" && !source.step?.internalOnly && deal.plan !== null && deal.plan.status !== "DRAFT";
  const buyers: Reader[] = buyersRead ? buyerPeople.map((p) => ({ id: `participant:${p.id}`, name: p.name, email: p.email, side: "BUYER" })) : [];
  const readers = [...sellers, ...buyers];
  const named = new Set(findMentions(source.body, readers));
  for (const reader of readers) {
    if (!named.has(reader.id) || reader.email === author.email.toLowerCase()) continue;
    const planLink = deal.plan ? { planId: deal.plan.id, planTitle: deal.plan.title } : null;
    await queueMentionEmail(tx, author, source, reader, { accountName: deal.accountName, sellerCompany: deal.organization.name, planLink }, baseUrl);
  }
}

/**
 * Users of the organization the text may name who can see the deal. Only those whose first name
 * follows an "@" are checked, each through the one visibility rule (visibleDealsWhere).
 */
async function sellersWhoSeeTheDeal(tx: Tx, author: SellerActor, source: MentionSource): Promise<Reader[]> {
  const text = source.body.toLowerCase().replace(/\s+/g, " ");
  const users = await tx.user.findMany({
    where: { organizationId: author.organizationId, deactivatedAt: null },
    select: { id: true, name: true, email: true, role: true, teamId: true },
  });
  const readers: Reader[] = [];
  for (const user of users) {
    const firstName = user.name.trim().split(/\s+/)[0]?.toLowerCase();
    if (!firstName || !text.includes(`@${firstName}`)) continue;
    const asActor: SellerActor = { ...author, userId: user.id, role: user.role as Role, teamId: user.teamId, name: user.name, email: user.email };
    const sees = await tx.deal.count({ where: { id: source.dealId, ...visibleDealsWhere(asActor) } });
    if (sees) readers.push({ id: `user:${user.id}`, name: user.name, email: user.email.toLowerCase(), side: "SELLER" });
  }
  return readers;
}

interface DealWords {
  accountName: string;
  sellerCompany: string;
  planLink: { planId: string; planTitle: string } | null;
}

async function queueMentionEmail(tx: Tx, author: SellerActor, source: MentionSource, reader: Reader, deal: DealWords, baseUrl: string) {
  const on = source.step ? `“${source.step.title}”` : `the ${deal.accountName} deal`;
  const toBuyer = reader.side === "BUYER" && deal.planLink;
  const where = source.kind === "note" ? `an internal note on ${on}` : `a comment on ${on}`;
  const action = toBuyer
    ? { label: "Open the plan", href: `${baseUrl}/p/${deal.planLink!.planId}${source.step ? `#step-${source.step.id}` : ""}` }
    : { label: "Open the deal", href: `${baseUrl}/deals/${source.dealId}${source.step ? `#milestone-${source.step.id}` : "#deal-notes"}` };
  const subject = toBuyer
    ? `${author.name} from ${deal.sellerCompany} mentioned you on “${deal.planLink!.planTitle}”`
    : `${author.name} mentioned you on ${deal.accountName}`;
  const rendered = await renderEmail(
    subject,
    createElement(MentionEmail, {
      authorName: author.name,
      where,
      // A buyer only ever hears of comments, whose words they read on the plan anyway.
      excerpt: reader.side === "SELLER" || source.kind === "comment" ? source.body : undefined,
      internal: source.kind === "note",
      action,
      stopHref: stopLink(baseUrl, reader.email, MENTION_EMAIL_KIND),
    }),
  );
  await queueEmail(tx, {
    ...rendered,
    kind: MENTION_EMAIL_KIND,
    to: reader.email,
    organizationId: author.organizationId,
    containsSecret: false,
    idempotencyKey: `mention:${source.id}:${reader.email}`,
  });
}
