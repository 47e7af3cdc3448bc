// Sellers' comments on steps (the buyer reads them) and internal notes (the team alone does), and
// the emails an @mention in either sends: to whom, with which link, and to whom never.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { stopEmails } from "~/utils/unsubscribe.server";
import { listStepComments } from "~/models/seller-comment.server";
import { buyerLoad, buyerPost, inviteAndSignIn, opened, sellerLoad, sellerPost, textOf } from "../fixtures/buyers";
import { actorFor, addDealWithPlan, cookieFor, createTenant, type Tenant } from "../fixtures/world";

let tenant: Tenant;
const names = { rep: "Rita Rep", manager: "Mona Manager", otherRep: "Otto Other" };

beforeAll(async () => {
  tenant = await createTenant("Discussion");
  for (const [who, name] of Object.entries(names)) await prisma.user.update({ where: { id: tenant[who as keyof typeof names].id }, data: { name } });
});

/** A new deal of the rep whose plan Bea Buyer was invited to and opened (unless `shared` is false). */
async function planWithBuyer(shared = true) {
  const fixture = await addDealWithPlan(await actorFor(tenant.rep.id));
  const step = fixture.milestones.find((m) => !m.internalOnly)!;
  const cookie = shared ? (await inviteAndSignIn(fixture.deal.id, fixture.buyer.id)).cookie : "";
  return { ...fixture, step, cookie };
}

/** Mention emails queued for `to` since `since`, as their reader gets them. */
async function mentionsTo(to: string, since: Date) {
  const rows = await prisma.emailOutbox.findMany({ where: { to, kind: "MENTION", createdAt: { gte: since } }, orderBy: { createdAt: "asc" } });
  return rows.map(opened);
}

type Refused = { result: { error: Record<string, string[]>; initialValue: Record<string, string> } };

describe("the deal's step comments, read by the model itself", () => {
  it("are given to a seller who can see the deal, and to no other rep or organization", async () => {
    const p = await planWithBuyer(false);
    expect((await sellerPost(p.deal.id, { intent: "comment-step", milestoneId: p.step.id, body: "Only for those who see the deal" })).status).toBe(303);
    const bodies = async (actor: Awaited<ReturnType<typeof actorFor>>) =>
      Object.values(await listStepComments(actor, p.deal.id))
        .flat()
        .map((c) => c.body);
    expect(await bodies(await actorFor(tenant.rep.id))).toEqual(["Only for those who see the deal"]);
    expect(await bodies(await actorFor(tenant.otherRep.id))).toEqual([]);
    const elsewhere = await createTenant("Other discussion");
    expect(await bodies(await actorFor(elsewhere.admin.id))).toEqual([]);
  });
});

describe("seller comments", () => {
  it("appear on the buyer's page beside the buyer's own, and in the plan's history as the rep's", async () => {
    const p = await planWithBuyer();
    expect((await buyerPost(p.plan.id, p.cookie, { intent: "comment", milestoneId: p.step.id, body: "Buyer asks first" })).status).toBe(303);
    const posted = await sellerPost(p.deal.id, { intent: "comment-step", milestoneId: p.step.id, body: "The rep answers" });
    expect(posted.status).toBe(303);
    expect(posted.headers.get("Location")).toBe(`/deals/${p.deal.id}#milestone-${p.step.id}`);

    const buyer = await buyerLoad(p.plan.id, p.cookie);
    expect(buyer.status).toBe(200);
    const text = textOf(buyer.body);
    expect(text).toContain("Bea Buyer (buyer) : Buyer asks first");
    expect(text).toContain(`${names.rep} (seller) : The rep answers`);
    expect(buyer.view.comments.map((c) => [c.milestoneId, c.side, c.body])).toEqual([
      [p.step.id, "BUYER", "Buyer asks first"],
      [p.step.id, "SELLER", "The rep answers"],
    ]);

    expect(await prisma.activity.findFirstOrThrow({ where: { dealId: p.deal.id, action: "comment.added", actorSide: "SELLER" } })).toMatchObject({
      actorUserId: tenant.rep.id,
      entityId: p.step.id,
      internalOnly: false,
      after: JSON.stringify({ body: "The rep answers" }),
    });
    const seller = await sellerLoad(p.deal.id);
    expect(seller.view.discussion.commentsByStep[p.step.id].map((c) => [c.side, c.authorName, c.body])).toEqual([
      ["BUYER", "Bea Buyer", "Buyer asks first"],
      ["SELLER", names.rep, "The rep answers"],
    ]);
  });

  it("are the seller's: a buyer posting a seller comment or a note gets 403 and nothing is stored", async () => {
    const p = await planWithBuyer();
    const before = { comments: await prisma.comment.count(), notes: await prisma.internalNote.count() };
    for (const intent of ["comment-step", "add-note"]) {
      expect((await buyerPost(p.plan.id, p.cookie, { intent, milestoneId: p.step.id, body: "Forged by a buyer" })).status).toBe(403);
    }
    expect({ comments: await prisma.comment.count(), notes: await prisma.internalNote.count() }).toEqual(before);
  });

  it.each([
    { intent: "comment-step", body: "", error: "Comment is required" },
    { intent: "comment-step", body: "   ", error: "Comment is required" },
    { intent: "comment-step", body: "c".repeat(2001), error: "Comment is too long (2000 characters at most)" },
    { intent: "add-note", body: "", error: "Note is required" },
    { intent: "add-note", body: "n".repeat(4001), error: "Note is too long (4000 characters at most)" },
  ])("$intent refuses $error with 400, gives back what was typed, and stores nothing", async ({ intent, body, error }) => {
    const p = await planWithBuyer(false);
    const before = { comments: await prisma.comment.count(), notes: await prisma.internalNote.count(), activity: await prisma.activity.count() };
    const result = await sellerPost(p.deal.id, { intent, milestoneId: p.step.id, body });
    expect(result.status).toBe(400);
    const refused = result.body as Refused;
    expect(refused.result.error.body).toEqual([error]);
    // An empty field is left out of what comes back; anything typed comes back as typed.
    expect(refused.result.initialValue.body ?? "").toBe(body);
    expect({ comments: await prisma.comment.count(), notes: await prisma.internalNote.count(), activity: await prisma.activity.count() }).toEqual(before);
  });
});

describe("internal notes", () => {
  it("are kept on the deal and on a step, with their author and time, for everyone on the team who sees the deal", async () => {
    const p = await planWithBuyer(false);
    const onDeal = await sellerPost(p.deal.id, { intent: "add-note", milestoneId: "", body: "Budget is approved but unannounced" });
    expect(onDeal.headers.get("Location")).toBe(`/deals/${p.deal.id}#deal-notes`);
    const onStep = await sellerPost(p.deal.id, { intent: "add-note", milestoneId: p.step.id, body: "Their CISO is the blocker" });
    expect(onStep.headers.get("Location")).toBe(`/deals/${p.deal.id}#milestone-${p.step.id}`);

    for (const cookie of [undefined, await cookieFor(tenant.manager.id), await cookieFor(tenant.admin.id)]) {
      const { discussion } = (await sellerLoad(p.deal.id, cookie)).view;
      expect(discussion.dealNotes).toEqual([
        { id: expect.any(String), authorName: names.rep, body: "Budget is approved but unannounced", at: expect.any(String) },
      ]);
      expect(discussion.notesByStep[p.step.id].map((n) => [n.authorName, n.body])).toEqual([[names.rep, "Their CISO is the blocker"]]);
      expect(Date.now() - Date.parse(discussion.dealNotes[0].at)).toBeLessThan(60_000);
    }
    expect((await sellerLoad(p.deal.id, await cookieFor(tenant.otherRep.id))).status).toBe(404);

    // The history says a note was left, never what it says.
    const history = await prisma.activity.findMany({ where: { dealId: p.deal.id, action: "note.added" }, orderBy: { at: "asc" } });
    expect(history.map((a) => [a.entityType, a.entityId, a.internalOnly, a.before, a.after])).toEqual([
      ["DEAL", p.deal.id, true, null, null],
      ["MILESTONE", p.step.id, true, null, null],
    ]);
  });

  it("of a step that is then deleted join the deal's notes", async () => {
    const p = await planWithBuyer(false);
    await sellerPost(p.deal.id, { intent: "add-note", milestoneId: p.step.id, body: "Outlives its step" });
    const { version } = await prisma.milestone.findUniqueOrThrow({ where: { id: p.step.id } });
    expect((await sellerPost(p.deal.id, { intent: "delete-milestone", milestoneId: p.step.id, version })).status).toBe(303);
    const { discussion } = (await sellerLoad(p.deal.id)).view;
    expect(discussion.dealNotes.map((n) => n.body)).toEqual(["Outlives its step"]);
    expect(discussion.notesByStep).toEqual({});
  });
});

describe("mentions", () => {
  it("in a note email a teammate who sees the deal, and never the buyer or a teammate who cannot see it", async () => {
    const p = await planWithBuyer();
    const since = new Date();
    const body = "@Mona Manager can you call their legal team? @Bea Buyer must not hear of this. @otto and @Rita Rep too.";
    expect((await sellerPost(p.deal.id, { intent: "add-note", milestoneId: p.step.id, body })).status).toBe(303);

    const [email, ...more] = await mentionsTo(tenant.manager.email, since);
    expect(more).toEqual([]);
    expect(email.subject).toBe(`${names.rep} mentioned you on ${p.deal.accountName}`);
    expect(email.text).toContain(`${names.rep} mentioned you in an internal note on “${p.step.title}”`);
    expect(email.text).toContain("can you call their legal team?");
    expect(email.text).toContain(`http://localhost:3000/deals/${p.deal.id}#milestone-${p.step.id}`);
    expect(email.html).toContain("Stop these emails");
    // The buyer, a rep of the same team who cannot see the deal, and the author herself: nothing.
    for (const to of [p.buyer.email, tenant.otherRep.email, tenant.rep.email]) expect(await mentionsTo(to, since)).toEqual([]);
  });

  it("in a comment email the buyer a link to their plan, and a teammate a link to the deal", async () => {
    const p = await planWithBuyer();
    const since = new Date();
    const body = "@bea could you confirm the date? cc @Mona";
    expect((await sellerPost(p.deal.id, { intent: "comment-step", milestoneId: p.step.id, body })).status).toBe(303);

    const [toBuyer, ...moreToBuyer] = await mentionsTo(p.buyer.email, since);
    expect(moreToBuyer).toEqual([]);
    expect(toBuyer.subject).toBe(`${names.rep} from ${tenant.organization.name} mentioned you on “${p.plan.title}”`);
    expect(toBuyer.text).toContain(`http://localhost:3000/p/${p.plan.id}#step-${p.step.id}`);
    expect(toBuyer.text).not.toContain("/deals/");
    expect(toBuyer.text).toContain("could you confirm the date?");
    const [toManager] = await mentionsTo(tenant.manager.email, since);
    expect(toManager.text).toContain(`http://localhost:3000/deals/${p.deal.id}#milestone-${p.step.id}`);
  });

  it("in a comment tell no buyer while the plan is a draft or the step is internal", async () => {
    const draft = await planWithBuyer(false);
    const since = new Date();
    await sellerPost(draft.deal.id, { intent: "comment-step", milestoneId: draft.step.id, body: "@Bea Buyer draft thoughts" });
    expect(await mentionsTo(draft.buyer.email, since)).toEqual([]);

    const p = await planWithBuyer();
    await prisma.milestone.update({ where: { id: p.step.id }, data: { internalOnly: true } });
    await sellerPost(p.deal.id, { intent: "comment-step", milestoneId: p.step.id, body: "@Bea Buyer internal step" });
    expect(await mentionsTo(p.buyer.email, since)).toEqual([]);
    expect(textOf((await buyerLoad(p.plan.id, p.cookie)).body)).not.toContain("internal step");
  });

  it("respect a reader who stopped these emails", async () => {
    const p = await planWithBuyer(false);
    await stopEmails(tenant.manager.email, "MENTION");
    try {
      const since = new Date();
      await sellerPost(p.deal.id, { intent: "add-note", milestoneId: "", body: "@mona have a look" });
      const rows = await prisma.emailOutbox.findMany({ where: { to: tenant.manager.email, kind: "MENTION", createdAt: { gte: since } } });
      expect(rows.map((r) => r.status)).toEqual(["SUPPRESSED"]);
    } finally {
      await prisma.emailPreference.deleteMany({ where: { email: tenant.manager.email } });
    }
  });
});
