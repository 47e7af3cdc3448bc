// What a signed-in buyer can see and do on a plan: only their own plan, never internal rows, never
// the seller's intents, and every act recorded as theirs (product.md, "Who uses it", "The core rule").
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { addBuyerParticipant } from "~/models/participant.server";
import { buyerConfirm } from "~/models/buyer-plan.server";
import { requireBuyerForPlan } from "~/utils/buyer-auth.server";
import { organizationToday } from "~/domain/dates";
import {
  buyerLoad,
  buyerPost,
  emailsDuring,
  inviteAndSignIn,
  milestoneForm,
  ownerCookie,
  post,
  sellerLoad,
  sellerPost,
  setAllowedDomains,
  sharePlan,
  snapshotPlan,
  textOf,
  type Form,
} from "../fixtures/buyers";
import { addDealWithPlan, createTenant, uniqueSuffix, type Tenant } from "../fixtures/world";
import { callLoader } from "../fixtures/routes";
import * as planPage from "~/routes/p.$planId";
import * as dealChanges from "~/routes/deals.$dealId.changes";

let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant("Buyer plan");
});

/** A new deal of the rep whose plan Bea Buyer was invited to and opened. */
async function signedInPlan() {
  const fixture = await addDealWithPlan(tenant.repActor);
  const { cookie } = await inviteAndSignIn(fixture.deal.id, fixture.buyer.id);
  return { ...fixture, cookie };
}

const milestone = (id: string) => prisma.milestone.findUniqueOrThrow({ where: { id } });
type Step = Tenant["repDeal"]["milestones"][number];
const stepOf = (fixture: { milestones: Step[] }, side: string, nth = 0) => fixture.milestones.filter((m) => m.ownerSide === side)[nth];

/** The buyer's forms, aimed at a plan and its milestones: `open` is a buyer step, `awaiting` one the seller marked done. */
interface Target {
  planVersion: number;
  open: { id: string; version: number };
  awaiting: { id: string; version: number };
  participantId: string;
}
const BUYER_FORMS: Array<[string, (t: Target) => Form]> = [
  ["add-milestone", () => ({ intent: "add-milestone", title: "Forged step", ownerSide: "BUYER", ownerParticipantId: "", targetDate: "2027-01-15" })],
  ["redate", (t) => ({ intent: "redate", milestoneId: t.open.id, version: t.open.version, targetDate: "2027-01-20", reason: "forged" })],
  ["assign-owner", (t) => ({ intent: "assign-owner", milestoneId: t.open.id, version: t.open.version, ownerParticipantId: t.participantId })],
  ["mark-done", (t) => ({ intent: "mark-done", milestoneId: t.open.id, version: t.open.version })],
  ["confirm", (t) => ({ intent: "confirm", milestoneId: t.awaiting.id, version: t.awaiting.version })],
  ["comment", (t) => ({ intent: "comment", milestoneId: t.open.id, body: "Forged comment" })],
  ["accept-plan", (t) => ({ intent: "accept-plan", version: t.planVersion })],
  ["invite-colleague", () => ({ intent: "invite-colleague", name: "Mole", email: `mole-${uniqueSuffix()}@buyer.example`, title: "", role: "OTHER" })],
  ["sign-out", () => ({ intent: "sign-out" })],
];
const MILESTONE_INTENTS = ["redate", "assign-owner", "mark-done", "confirm", "comment"];

describe("another plan of the same organization", () => {
  let a: Awaited<ReturnType<typeof signedInPlan>>;
  let b: Tenant["otherRepDeal"];
  let target: () => Promise<Target>;

  beforeAll(async () => {
    a = await signedInPlan();
    b = tenant.otherRepDeal;
    // Plan B is shared, allows the buyer's domain, and has a step awaiting confirmation, so a
    // leaked request would succeed there: a 404 can only come from scoping.
    await setAllowedDomains(b.deal.id, "buyer.example");
    await sharePlan(b.deal.id);
    const awaiting = stepOf(b, "BUYER", 1);
    await sellerPost(b.deal.id, await milestoneForm(awaiting.id, { status: "DONE" }));
    target = async () => ({
      planVersion: (await prisma.plan.findUniqueOrThrow({ where: { id: b.plan.id } })).version,
      open: await milestone(stepOf(b, "BUYER", 0).id),
      awaiting: await milestone(awaiting.id),
      participantId: b.buyer.id,
    });
  });

  it("is not found for a buyer of plan A, exactly like a made-up plan or another organization's", async () => {
    expect((await buyerLoad(a.plan.id, a.cookie)).status).toBe(200);
    const other = await createTenant("Elsewhere");
    await sharePlan(other.repDeal.deal.id);
    const madeUp = await buyerLoad("made-up-plan", a.cookie);
    expect(madeUp.status).toBe(404);
    for (const planId of [b.plan.id, other.repDeal.plan.id]) {
      const page = await buyerLoad(planId, a.cookie);
      // The same page, but for the plan id the buyer typed, which the way-back link repeats.
      expect({ status: page.status, body: page.body.replaceAll(planId, "made-up-plan") }).toEqual({ status: madeUp.status, body: madeUp.body });
      const acted = await buyerPost(planId, a.cookie, { intent: "comment", milestoneId: "", body: "Hello?" });
      expect(acted.status).toBe(404);
    }
    expect(await prisma.comment.count({ where: { planId: { in: [b.plan.id, other.repDeal.plan.id] } } })).toBe(0);
  });

  it.each(BUYER_FORMS)("answers %s posted to plan B's URL with 404, changing nothing", async (_, form) => {
    const before = [await snapshotPlan(b.plan.id), await snapshotPlan(a.plan.id)];
    const response = await buyerPost(b.plan.id, a.cookie, form(await target()));
    expect(response.status).toBe(404);
    expect([await snapshotPlan(b.plan.id), await snapshotPlan(a.plan.id)]).toEqual(before);
  });

  it.each(BUYER_FORMS.filter(([intent]) => MILESTONE_INTENTS.includes(intent)))(
    "answers %s of a plan B milestone posted to plan A's URL with 404, changing nothing",
    async (_, form) => {
      const before = [await snapshotPlan(b.plan.id), await snapshotPlan(a.plan.id)];
      const response = await buyerPost(a.plan.id, a.cookie, form({ ...(await target()), participantId: a.buyer.id }));
      expect(response.status).toBe(404);
      expect([await snapshotPlan(b.plan.id), await snapshotPlan(a.plan.id)]).toEqual(before);
    },
  );
});

describe("internal-only rows", () => {
  const secretTitle = `Approve walk-away discount ${uniqueSuffix()}`;
  const secretNote = `Internal note: they will sign at 38% off ${uniqueSuffix()}`;
  const secretAmount = 7_654_321;
  let p: Awaited<ReturnType<typeof signedInPlan>>;
  let internalOpen: { id: string };
  let internalAwaiting: { id: string };
  let secrets: string[];

  beforeAll(async () => {
    p = await signedInPlan();
    [internalOpen, internalAwaiting] = [stepOf(p, "BUYER", 2), stepOf(p, "BUYER", 3)];
    expect((await sellerPost(p.deal.id, await milestoneForm(internalOpen.id, { internalOnly: "on", title: secretTitle }))).status).toBe(303);
    expect((await sellerPost(p.deal.id, await milestoneForm(internalAwaiting.id, { internalOnly: "on", status: "DONE" }))).status).toBe(303);
    await prisma.comment.create({
      data: {
        organizationId: tenant.organization.id,
        planId: p.plan.id,
        milestoneId: stepOf(p, "BUYER", 0).id,
        side: "SELLER",
        authorUserId: tenant.rep.id,
        body: secretNote,
        internalOnly: true,
      },
    });
    const deal = await prisma.deal.findUniqueOrThrow({ where: { id: p.deal.id } });
    const dealForm = {
      accountName: deal.accountName,
      name: deal.name,
      currency: deal.currency,
      stage: 4,
      targetCloseDate: deal.targetCloseDate,
      repForecastCategory: "COMMIT",
      outcome: "OPEN",
    };
    expect((await sellerPost(p.deal.id, { intent: "update-deal", ...dealForm, amount: secretAmount, version: deal.version })).status).toBe(303);
    expect(await prisma.activity.findFirst({ where: { dealId: p.deal.id, action: "deal.updated" } })).toMatchObject({ internalOnly: true, planId: p.plan.id });
    secrets = [internalOpen.id, internalAwaiting.id, secretTitle, secretNote, String(secretAmount), "50000", '"amount"', "COMMIT"];
  });

  const leaks = (html: string) => secrets.filter((s) => html.includes(s) || textOf(html).includes(s));

  it("never reach the buyer's page", async () => {
    const page = await buyerLoad(p.plan.id, p.cookie);
    expect(page.status).toBe(200);
    expect(leaks(page.body)).toEqual([]);
    expect(page.view.milestones).toHaveLength(6);
    // The seller still sees all eight steps and the note exists: the filter is the buyer's alone.
    expect((await sellerLoad(p.deal.id)).view.plan!.milestones).toHaveLength(8);
  });

  it("never reach a buyer's action responses", async () => {
    const visible = await milestone(stepOf(p, "BUYER", 0).id);
    const plan = await prisma.plan.findUniqueOrThrow({ where: { id: p.plan.id } });
    const responses = [
      await buyerPost(p.plan.id, p.cookie, {
        intent: "redate",
        milestoneId: visible.id,
        version: visible.version,
        targetDate: "2027-01-05",
        reason: "Budget review",
      }),
      await buyerPost(p.plan.id, p.cookie, { intent: "redate", milestoneId: visible.id, version: visible.version, targetDate: "2027-01-06" }), // stale: 409
      await buyerPost(p.plan.id, p.cookie, { intent: "redate", milestoneId: visible.id, version: visible.version + 1, targetDate: "nope" }), // 400
      await buyerPost(p.plan.id, p.cookie, { intent: "comment", milestoneId: visible.id, body: "Looks good" }),
      await buyerPost(p.plan.id, p.cookie, { intent: "mark-done", milestoneId: visible.id, version: visible.version + 1 }),
      await buyerPost(p.plan.id, p.cookie, { intent: "accept-plan", version: plan.version - 1 }), // stale: 409
      await buyerPost(p.plan.id, p.cookie, { intent: "accept-plan", version: plan.version }),
    ];
    expect(responses.map((r) => r.status)).toEqual([303, 409, 400, 303, 303, 409, 303]);
    for (const response of responses) expect(leaks(response.body)).toEqual([]);
    expect(leaks((await buyerLoad(p.plan.id, p.cookie)).body)).toEqual([]);
  });

  it.each(BUYER_FORMS.filter(([intent]) => MILESTONE_INTENTS.includes(intent)))(
    "answers %s of an internal step with 404, changing nothing",
    async (_, form) => {
      const before = await snapshotPlan(p.plan.id);
      const t = { planVersion: 1, open: await milestone(internalOpen.id), awaiting: await milestone(internalAwaiting.id), participantId: p.buyer.id };
      const response = await buyerPost(p.plan.id, p.cookie, form(t));
      expect(response.status).toBe(404);
      expect(await snapshotPlan(p.plan.id)).toEqual(before);
    },
  );

  it("include the earlier history and comments of a step the rep hides later", async () => {
    const q = await signedInPlan();
    const step = stepOf(q, "BUYER", 0);
    await buyerPost(q.plan.id, q.cookie, { intent: "redate", milestoneId: step.id, version: step.version, targetDate: "2027-01-04" });
    await buyerPost(q.plan.id, q.cookie, { intent: "comment", milestoneId: step.id, body: "Our CFO is out until January" });
    expect((await sellerPost(q.deal.id, await milestoneForm(step.id, { internalOnly: "on" }))).status).toBe(303);
    const { view } = await buyerLoad(q.plan.id, q.cookie);
    expect(view.milestones.map((m) => m.id)).not.toContain(step.id);
    // The buyer's earlier comment and re-date of the now-internal step must go with it.
    expect(view.comments.filter((c) => c.milestoneId === step.id)).toEqual([]);
    expect(view.activity.filter((a) => a.entityId === step.id).map((a) => a.action)).toEqual([]);
    expect(JSON.stringify(view)).not.toContain(step.id);
  });
});

describe("seller-only intents", () => {
  it.each<[string, (p: Awaited<ReturnType<typeof signedInPlan>>) => Promise<Form>]>([
    [
      "update-deal",
      async () => ({
        intent: "update-deal",
        accountName: "Forged",
        name: "Forged",
        amount: 1,
        currency: "USD",
        stage: 6,
        targetCloseDate: "2027-01-01",
        repForecastCategory: "COMMIT",
        outcome: "WON",
        version: 1,
      }),
    ],
    [
      "delete-milestone",
      async (p) => ({ intent: "delete-milestone", milestoneId: p.milestones[0].id, version: (await milestone(p.milestones[0].id)).version }),
    ],
    ["update-milestone", async (p) => milestoneForm(p.milestones[4].id, { title: "Forged", status: "DONE" })],
    ["share-plan", async (p) => ({ intent: "share-plan", version: (await prisma.plan.findUniqueOrThrow({ where: { id: p.plan.id } })).version })],
    [
      "update-plan",
      async (p) => ({
        intent: "update-plan",
        title: "Forged",
        summary: "",
        allowedDomains: "evil.example",
        version: (await prisma.plan.findUniqueOrThrow({ where: { id: p.plan.id } })).version,
      }),
    ],
    [
      "revoke-participant",
      async (p) => ({
        intent: "revoke-participant",
        participantId: p.buyer.id,
        version: (await prisma.participant.findUniqueOrThrow({ where: { id: p.buyer.id } })).version,
      }),
    ],
    ["invite-buyers", async (p) => ({ intent: "invite-buyers", participantIds: [p.buyer.id] })],
    ["add-participant", async () => ({ intent: "add-participant", name: "Mole", email: "mole@evil.example", title: "", role: "OTHER" })],
  ])("refuses %s from a buyer with 403, changing nothing", async (_, form) => {
    const p = await signedInPlan();
    const payload = await form(p);
    const before = await snapshotPlan(p.plan.id);
    const response = await buyerPost(p.plan.id, p.cookie, payload);
    expect(response.status).toBe(403);
    expect(await snapshotPlan(p.plan.id)).toEqual(before);
  });
});

describe("completion and the core rule", () => {
  it("dates a confirmed step by the buyer's confirmation, not the seller's mark", async () => {
    const p = await signedInPlan();
    const step = stepOf(p, "BUYER", 1);
    expect((await sellerPost(p.deal.id, await milestoneForm(step.id, { status: "DONE" }))).status).toBe(303);
    const marked = await milestone(step.id);
    const buyer = await requireBuyerForPlan(new Request(`http://localhost/p/${p.plan.id}`, { headers: { Cookie: p.cookie } }), p.plan.id);
    const twelveDaysLater = new Date(Date.now() + 12 * 86_400_000);
    await buyerConfirm(buyer, { milestoneId: step.id, version: marked.version }, twelveDaysLater);
    const confirmed = await milestone(step.id);
    expect(confirmed.completedOn).toBe(organizationToday(buyer, twelveDaysLater));
    expect(confirmed.completedOn).not.toBe(marked.completedOn);
    expect(confirmed).toMatchObject({ markedDoneBySide: "SELLER", buyerConfirmedByParticipantId: p.buyer.id });
  });

  it("lets a buyer confirm a done step nobody is recorded as marking, which waits for them", async () => {
    const p = await signedInPlan();
    const step = stepOf(p, "BUYER", 2);
    await prisma.milestone.update({ where: { id: step.id }, data: { status: "DONE", completedOn: "2026-11-20", markedDoneBySide: null } });
    const before = await milestone(step.id);
    expect((await buyerLoad(p.plan.id, p.cookie)).view.milestones.find((m) => m.id === step.id)!.completion).toBe("AWAITING_BUYER_CONFIRMATION");
    expect((await buyerPost(p.plan.id, p.cookie, { intent: "confirm", milestoneId: step.id, version: before.version })).status).toBe(303);
    expect((await buyerLoad(p.plan.id, p.cookie)).view.milestones.find((m) => m.id === step.id)!.completion).toBe("DONE");
  });

  it("shows a buyer step the rep marked done as awaiting, until the buyer confirms it", async () => {
    const p = await signedInPlan();
    const step = stepOf(p, "BUYER");
    expect((await sellerPost(p.deal.id, await milestoneForm(step.id, { status: "DONE" }))).status).toBe(303);
    const completion = async () => [
      (await buyerLoad(p.plan.id, p.cookie)).view.milestones.find((m) => m.id === step.id)!.completion,
      (await sellerLoad(p.deal.id)).view.plan!.milestones.find((m) => m.id === step.id)!.completion,
    ];
    expect(await completion()).toEqual(["AWAITING_BUYER_CONFIRMATION", "AWAITING_BUYER_CONFIRMATION"]);

    const response = await buyerPost(p.plan.id, p.cookie, { intent: "confirm", milestoneId: step.id, version: (await milestone(step.id)).version });
    expect(response.status).toBe(303);
    expect(await completion()).toEqual(["DONE", "DONE"]);
    expect(await milestone(step.id)).toMatchObject({
      status: "DONE",
      markedDoneBySide: "SELLER",
      buyerConfirmedAt: expect.any(Date),
      buyerConfirmedByParticipantId: p.buyer.id,
    });
    expect(await prisma.activity.findFirstOrThrow({ where: { entityId: step.id, action: "milestone.confirmed" } })).toMatchObject({
      actorSide: "BUYER",
      actorParticipantId: p.buyer.id,
      actorUserId: null,
      actorName: "Bea Buyer",
    });
  });

  it.each([
    ["BUYER", 303, { status: "DONE", markedDoneBySide: "BUYER", completedOn: expect.any(String) }],
    ["JOINT", 303, { status: "DONE", markedDoneBySide: "BUYER", completedOn: expect.any(String) }],
    ["SELLER", 403, { status: "NOT_STARTED", markedDoneBySide: null, completedOn: null }],
  ] as const)("lets a buyer mark a %s step done: %s", async (side, status, stored) => {
    const p = await signedInPlan();
    const step = await milestone(stepOf(p, side).id);
    const response = await buyerPost(p.plan.id, p.cookie, { intent: "mark-done", milestoneId: step.id, version: step.version });
    expect(response.status).toBe(status);
    expect(await milestone(step.id)).toMatchObject(stored);
    const views = (await buyerLoad(p.plan.id, p.cookie)).view.milestones;
    expect(views.find((m) => m.id === step.id)!.completion).toBe(status === 303 ? "DONE" : "OPEN");
    const activity = await prisma.activity.findFirst({ where: { entityId: step.id, action: "milestone.completed" } });
    if (status === 303) expect(activity).toMatchObject({ actorSide: "BUYER", actorParticipantId: p.buyer.id });
    else expect(activity).toBeNull();
  });

  it.each([
    ["a buyer step that is not done", "BUYER", {}],
    ["a seller step the rep marked done", "SELLER", { status: "DONE" }],
  ])("refuses to confirm %s with 400", async (_, side, changes) => {
    const p = await signedInPlan();
    const step = stepOf(p, side);
    if (Object.keys(changes).length) await sellerPost(p.deal.id, await milestoneForm(step.id, changes));
    const before = await milestone(step.id);
    const response = await buyerPost(p.plan.id, p.cookie, { intent: "confirm", milestoneId: step.id, version: before.version });
    expect(response.status).toBe(400);
    expect(textOf(response.body)).toContain("This step is not waiting for your confirmation.");
    expect(await milestone(step.id)).toEqual(before);
  });
});

describe("co-editing the plan", () => {
  it("re-dates a step with a reason, keeping the original date, as the buyer", async () => {
    const p = await signedInPlan();
    const step = await milestone(stepOf(p, "BUYER", 1).id);
    const response = await buyerPost(p.plan.id, p.cookie, {
      intent: "redate",
      milestoneId: step.id,
      version: step.version,
      targetDate: "2027-01-08",
      reason: "Evaluator on leave",
    });
    expect(response.status).toBe(303);
    expect(await milestone(step.id)).toMatchObject({ targetDate: "2027-01-08", originalTargetDate: step.originalTargetDate, version: step.version + 1 });
    const redate = await prisma.activity.findFirstOrThrow({ where: { entityId: step.id, action: "milestone.redated" } });
    expect(redate).toMatchObject({ actorSide: "BUYER", actorParticipantId: p.buyer.id, internalOnly: false });
    expect(JSON.parse(redate.before!)).toEqual({ targetDate: step.targetDate });
    expect(JSON.parse(redate.after!)).toEqual({ targetDate: "2027-01-08", reason: "Evaluator on leave" });
  });

  it("assigns a step to a colleague on the plan, but not to someone on another plan", async () => {
    const p = await signedInPlan();
    const colleague = await addBuyerParticipant(tenant.repActor, p.deal.id, {
      name: "Tess Tech",
      email: `tess-${uniqueSuffix()}@buyer.example`,
      title: "",
      // No role a template step waits for: the buyer's own assignment is what is tested here.
      role: "OTHER",
    });
    const step = await milestone(stepOf(p, "BUYER", 1).id);
    const ok = await buyerPost(p.plan.id, p.cookie, { intent: "assign-owner", milestoneId: step.id, version: step.version, ownerParticipantId: colleague.id });
    expect(ok.status).toBe(303);
    const assigned = await milestone(step.id);
    expect(assigned.ownerParticipantId).toBe(colleague.id);
    expect(await prisma.activity.findFirstOrThrow({ where: { entityId: step.id, action: "milestone.updated" } })).toMatchObject({
      actorSide: "BUYER",
      actorParticipantId: p.buyer.id,
    });

    const foreign = await buyerPost(p.plan.id, p.cookie, {
      intent: "assign-owner",
      milestoneId: step.id,
      version: assigned.version,
      ownerParticipantId: tenant.otherRepDeal.buyer.id,
    });
    expect(foreign.status).toBe(400);
    expect(textOf(foreign.body)).toContain("Choose an owner among your colleagues on this plan");
    expect(await milestone(step.id)).toEqual(assigned);

    // Buyers assign among their own colleagues: the rep on the plan is not theirs to assign.
    const rep = await prisma.participant.findFirstOrThrow({ where: { planId: p.plan.id, side: "SELLER" } });
    const seller = await buyerPost(p.plan.id, p.cookie, {
      intent: "assign-owner",
      milestoneId: step.id,
      version: assigned.version,
      ownerParticipantId: rep.id,
    });
    expect(seller.status).toBe(400);
    expect(await milestone(step.id)).toEqual(assigned);
  });

  it("comments and accepts the plan, each recorded as the buyer's act", async () => {
    const p = await signedInPlan();
    const step = stepOf(p, "JOINT");
    expect((await buyerPost(p.plan.id, p.cookie, { intent: "comment", milestoneId: step.id, body: "Legal is ready" })).status).toBe(303);
    expect(await prisma.comment.findFirstOrThrow({ where: { planId: p.plan.id } })).toMatchObject({
      milestoneId: step.id,
      side: "BUYER",
      authorParticipantId: p.buyer.id,
      authorUserId: null,
      body: "Legal is ready",
      internalOnly: false,
    });
    expect(await prisma.activity.findFirstOrThrow({ where: { planId: p.plan.id, action: "comment.added" } })).toMatchObject({
      actorSide: "BUYER",
      actorParticipantId: p.buyer.id,
    });

    const plan = await prisma.plan.findUniqueOrThrow({ where: { id: p.plan.id } });
    expect((await buyerPost(p.plan.id, p.cookie, { intent: "accept-plan", version: plan.version })).status).toBe(303);
    expect(await prisma.plan.findUniqueOrThrow({ where: { id: p.plan.id } })).toMatchObject({
      status: "ACCEPTED",
      acceptedByParticipantId: p.buyer.id,
      acceptedAt: expect.any(Date),
      version: plan.version + 1,
    });
    expect(await prisma.activity.findFirstOrThrow({ where: { planId: p.plan.id, action: "plan.accepted" } })).toMatchObject({
      actorSide: "BUYER",
      actorParticipantId: p.buyer.id,
    });
    const view = (await buyerLoad(p.plan.id, p.cookie)).view;
    expect(view.plan).toMatchObject({ status: "ACCEPTED", acceptedByName: "Bea Buyer" });
    expect(view.comments).toEqual([expect.objectContaining({ body: "Legal is ready", side: "BUYER", authorName: "Bea Buyer" })]);
  });

  it.each([
    ["BUYER", 303],
    ["SELLER", 400],
  ] as const)("adds a step owned by the %s side: %s", async (ownerSide, status) => {
    const p = await signedInPlan();
    const title = `Buyer-added step ${uniqueSuffix()}`;
    const count = await prisma.milestone.count({ where: { planId: p.plan.id } });
    const response = await buyerPost(p.plan.id, p.cookie, {
      intent: "add-milestone",
      title,
      output: "Minutes",
      ownerSide,
      ownerParticipantId: p.buyer.id,
      targetDate: "2027-01-12",
    });
    expect(response.status).toBe(status);
    const created = await prisma.milestone.findFirst({ where: { planId: p.plan.id, title } });
    if (status === 400) {
      expect(textOf(response.body)).toContain("Choose who owns this step");
      expect(created).toBeNull();
      expect(await prisma.milestone.count({ where: { planId: p.plan.id } })).toBe(count);
      return;
    }
    expect(created).toMatchObject({
      ownerSide: "BUYER",
      ownerParticipantId: p.buyer.id,
      targetDate: "2027-01-12",
      originalTargetDate: "2027-01-12",
      internalOnly: false,
      position: count + 1,
    });
    expect(await prisma.activity.findFirstOrThrow({ where: { entityId: created!.id, action: "milestone.created" } })).toMatchObject({
      actorSide: "BUYER",
      actorParticipantId: p.buyer.id,
    });
  });

  it("invites a colleague from an allowed domain, and refuses any other", async () => {
    const p = await signedInPlan();
    await setAllowedDomains(p.deal.id, "buyer.example");
    const colleague = `carl-${uniqueSuffix()}@buyer.example`;
    const { result: ok, emails } = await emailsDuring(colleague, () =>
      buyerPost(p.plan.id, p.cookie, { intent: "invite-colleague", name: "Carl", email: colleague, title: "CFO", role: "ECONOMIC_BUYER" }),
    );
    expect(ok.status).toBe(303);
    expect(await prisma.participant.findUniqueOrThrow({ where: { planId_email: { planId: p.plan.id, email: colleague } } })).toMatchObject({
      side: "BUYER",
      accessState: "INVITED",
      name: "Carl",
      role: "ECONOMIC_BUYER",
      invitedAt: expect.any(Date),
    });
    expect(emails.map((e) => e.kind)).toEqual(["BUYER_INVITE"]);
    expect(emails[0].text).toContain(`/p/${p.plan.id}/join?token=`);
    expect(await prisma.activity.findFirstOrThrow({ where: { planId: p.plan.id, action: "participant.invited", actorSide: "BUYER" } })).toMatchObject({
      actorParticipantId: p.buyer.id,
    });

    const outsider = `olga-${uniqueSuffix()}@elsewhere.example`;
    const before = await snapshotPlan(p.plan.id);
    const { result: refused, emails: none } = await emailsDuring(outsider, () =>
      buyerPost(p.plan.id, p.cookie, { intent: "invite-colleague", name: "Olga", email: outsider, title: "", role: "OTHER" }),
    );
    expect(refused.status).toBe(400);
    expect(textOf(refused.body)).toContain("Only addresses at buyer.example can be invited. Ask the seller to add another domain.");
    expect(none).toEqual([]);
    expect(await snapshotPlan(p.plan.id)).toEqual(before);
  });
});

describe("conflicts and bad input", () => {
  it("keeps the first of two re-dates made from the same version, and shows it to the second", async () => {
    const p = await signedInPlan();
    const step = await milestone(stepOf(p, "BUYER", 2).id);
    const redate = (targetDate: string) => buyerPost(p.plan.id, p.cookie, { intent: "redate", milestoneId: step.id, version: step.version, targetDate });
    const first = await redate("2027-01-10");
    const second = await redate("2027-01-11");
    expect([first.status, second.status]).toEqual([303, 409]);
    // The page shows what is stored now beside what this buyer typed, and offers to keep theirs.
    expect(textOf(second.body)).toContain("Someone else saved this first. Your change was not applied. Target date: 11 Jan 2027 (yours) / 10 Jan 2027 (saved)");
    expect(second.body).toContain(
      `<input type="hidden" name="targetDate" value="2027-01-11"/><input type="hidden" name="intent" value="redate"/><input type="hidden" name="milestoneId" value="${step.id}"/><input type="hidden" name="version" value="${step.version + 1}"/>`,
    );
    expect(await milestone(step.id)).toMatchObject({ targetDate: "2027-01-10", version: step.version + 1 });
    expect(await prisma.activity.count({ where: { entityId: step.id, action: "milestone.redated" } })).toBe(1);
  });

  it("lets only one of two simultaneous re-dates through", async () => {
    const p = await signedInPlan();
    const step = await milestone(stepOf(p, "BUYER", 2).id);
    const dates = ["2027-01-13", "2027-01-14"];
    const responses = await Promise.all(
      dates.map((targetDate) => buyerPost(p.plan.id, p.cookie, { intent: "redate", milestoneId: step.id, version: step.version, targetDate })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([303, 409]);
    const winner = dates[responses.findIndex((r) => r.status === 303)];
    expect(await milestone(step.id)).toMatchObject({ targetDate: winner, version: step.version + 1 });
  });

  it("rejects an impossible date with a field error and changes nothing", async () => {
    const p = await signedInPlan();
    const step = await milestone(stepOf(p, "BUYER").id);
    const before = await snapshotPlan(p.plan.id);
    const response = await buyerPost(p.plan.id, p.cookie, { intent: "redate", milestoneId: step.id, version: step.version, targetDate: "2026-02-30" });
    expect(response.status).toBe(400);
    expect(textOf(response.body)).toContain("New date is not a real date. Choose a date between 1 Jan 2000 and 31 Dec 2099.");
    expect(await snapshotPlan(p.plan.id)).toEqual(before);
  });
});

describe("the page as HTML", () => {
  // Its security headers are the server's, read on the real server in tests/e2e/security-headers.spec.ts.
  it("is a private HTML page that escapes what people write", async () => {
    const p = await signedInPlan();
    const step = stepOf(p, "BUYER");
    const script = `<script>alert("owned")</script> & <b>bold</b>`;
    expect((await buyerPost(p.plan.id, p.cookie, { intent: "comment", milestoneId: step.id, body: script })).status).toBe(303);
    const page = await buyerLoad(p.plan.id, p.cookie);
    expect(page.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("Cache-Control")).toBe("private, no-cache");
    expect(page.body.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(page.body).not.toContain(script);
    expect(page.body).toContain("&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
    expect(textOf(page.body)).toContain(script);
  });

  it("sends the date and owner forms only for the step being changed", async () => {
    const p = await signedInPlan();
    const step = stepOf(p, "BUYER", 1);
    const closed = await buyerLoad(p.plan.id, p.cookie);
    expect(closed.body).not.toContain('id="date-');
    expect(closed.body).toContain(`href="?change=${step.id}#change-${step.id}"`);
    const open = (await callLoader(planPage.loader, { path: `/p/${p.plan.id}?view=stage&change=${step.id}`, params: { planId: p.plan.id }, cookie: p.cookie }))
      .body as string;
    expect(open.match(/id="date-/g)).toEqual([`id="date-`]);
    expect(open).toContain(`id="date-${step.id}"`);
    // Saving goes back to the page without the open forms, in the order the reader chose.
    expect(open).toContain('<form method="post" action="?view=stage" class="space-y-2"><input type="hidden" name="intent" value="redate"/>');
    const unknown = (await callLoader(planPage.loader, { path: `/p/${p.plan.id}?change=nope`, params: { planId: p.plan.id }, cookie: p.cookie }))
      .body as string;
    expect(unknown).not.toContain('id="date-');
  });

  it("answers a plan it cannot show with an HTML error page and the way back in", async () => {
    const p = await signedInPlan();
    const page = await buyerLoad("not-a-plan", p.cookie);
    expect(page.status).toBe(404);
    expect(page.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(textOf(page.body)).toContain("Not found This page does not exist, or you do not have access to it.");
    expect(page.body).toContain('href="/p/not-a-plan/join"');
  });
});

describe("Post/Redirect/Get", () => {
  const load = (planId: string, cookie: string, path = "", headers: Record<string, string> = {}) =>
    callLoader(planPage.loader, { path: `/p/${planId}${path}`, params: { planId }, cookie, headers });

  it("answers a saved form with 303 to the step it changed, and says Saved once", async () => {
    const p = await signedInPlan();
    const step = stepOf(p, "BUYER");
    const saved = await buyerPost(p.plan.id, p.cookie, { intent: "comment", milestoneId: step.id, body: "Once only" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe(`/p/${p.plan.id}#step-${step.id}`);
    expect(saved.headers.get("Cache-Control")).toBe("no-store");
    const notice = saved.headers.get("Set-Cookie")!.split(";")[0];

    const after = await load(p.plan.id, `${p.cookie}; ${notice}`);
    expect(after.status).toBe(200);
    expect(String(after.body).match(/data-testid="saved"/g)).toHaveLength(1);
    expect(String(after.body)).toMatch(new RegExp(`id="step-${step.id}"[^]*data-testid="saved"[^]*Once only`));
    expect(after.headers.get("Set-Cookie")).toMatch(/^mutual_saved=; Path=\/p\/[^;]+; Max-Age=0/);
    // Reloaded, the note is gone, and the comment is there once.
    const reloaded = await buyerLoad(p.plan.id, p.cookie);
    expect(reloaded.body).not.toContain('data-testid="saved"');
    expect(reloaded.view.comments.filter((c) => c.body === "Once only")).toHaveLength(1);
  });

  it("keeps the reader's order and closes the step's forms after a save", async () => {
    const p = await signedInPlan();
    const step = await milestone(stepOf(p, "BUYER", 1).id);
    const form = { intent: "redate", milestoneId: step.id, version: step.version, targetDate: "2027-01-09", reason: "" };
    const saved = await post(planPage.action, { path: `/p/${p.plan.id}?view=stage&change=${step.id}`, params: { planId: p.plan.id }, cookie: p.cookie, form });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe(`/p/${p.plan.id}?view=stage#step-${step.id}`);
    const accepted = await buyerPost(p.plan.id, p.cookie, {
      intent: "accept-plan",
      version: (await prisma.plan.findUniqueOrThrow({ where: { id: p.plan.id } })).version,
    });
    expect(accepted.headers.get("Location")).toBe(`/p/${p.plan.id}#plan`);
  });

  it("answers a refused form with its errors and what was typed", async () => {
    const p = await signedInPlan();
    await setAllowedDomains(p.deal.id, "buyer.example");
    const refused = await buyerPost(p.plan.id, p.cookie, {
      intent: "invite-colleague",
      name: "Olga Typed",
      email: "olga@elsewhere.example",
      title: "Counsel",
      role: "LEGAL",
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("Cache-Control")).toBe("private, no-store");
    expect(refused.body).toContain('value="Olga Typed"');
    expect(refused.body).toContain('value="olga@elsewhere.example"');
    expect(refused.body).toContain('value="Counsel"');
    expect(refused.body).toMatch(/<option value="LEGAL" selected="">/);
  });
});

describe("live updates", () => {
  const load = (planId: string, cookie: string, headers: Record<string, string> = {}) =>
    callLoader(planPage.loader, { path: `/p/${planId}`, params: { planId }, cookie, headers });

  it("answers an unchanged poll with 304 and no body, and a changed one with the new page", async () => {
    const p = await signedInPlan();
    const first = await load(p.plan.id, p.cookie);
    const tag = first.headers.get("ETag")!;
    expect(tag).toMatch(/^W\/".+"$/);
    expect(String(first.body)).toContain(`data-change-tag="${tag.replaceAll('"', "&quot;")}"`);

    const unchanged = await load(p.plan.id, p.cookie, { "If-None-Match": tag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBe("");
    expect(unchanged.headers.get("ETag")).toBe(tag);
    expect(unchanged.headers.get("Cache-Control")).toBe("private, no-cache");

    // The rep renames a step: the plan's history moves on, and so does the validator.
    const step = stepOf(p, "BUYER");
    expect((await sellerPost(p.deal.id, await milestoneForm(step.id, { title: "Renamed by the rep" }))).status).toBe(303);
    const changed = await load(p.plan.id, p.cookie, { "If-None-Match": tag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(tag);
    expect(String(changed.body)).toContain("Renamed by the rep");
  });

  it("tells the rep's open deal page, with 304 while nothing changed and a new tag once the buyer comments", async () => {
    const p = await signedInPlan();
    const page = await sellerLoad(p.deal.id);
    const tag = page.view.changeTag;
    const poll = async (held: string) =>
      callLoader(dealChanges.loader, {
        path: `/deals/${p.deal.id}/changes`,
        params: { dealId: p.deal.id },
        cookie: await ownerCookie(p.deal.id),
        headers: { "If-None-Match": held },
      });

    const unchanged = await poll(tag);
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get("ETag")).toBe(tag);

    const step = stepOf(p, "BUYER");
    expect((await buyerPost(p.plan.id, p.cookie, { intent: "comment", milestoneId: step.id, body: "Legal has it" })).status).toBe(303);
    const changed = await poll(tag);
    expect(changed.status).toBe(204);
    const newTag = changed.headers.get("ETag");
    expect(newTag).not.toBe(tag);
    expect((await sellerLoad(p.deal.id)).view.changeTag).toBe(newTag);
  });

  it("differs between two buyers of the same plan", async () => {
    const p = await signedInPlan();
    const colleague = await addBuyerParticipant(tenant.repActor, p.deal.id, {
      name: "Cole League",
      email: `cole-${uniqueSuffix()}@buyer.example`,
      title: "",
      role: "OTHER",
    });
    const { cookie } = await inviteAndSignIn(p.deal.id, colleague.id);
    const mine = (await load(p.plan.id, p.cookie)).headers.get("ETag")!;
    expect((await load(p.plan.id, cookie, { "If-None-Match": mine })).status).toBe(200);
  });
});

describe("the buyer's history", () => {
  it("starts when the plan was shared: the rep's drafting is not shown", async () => {
    const p = await signedInPlan();
    const plan = await prisma.plan.findUniqueOrThrow({ where: { id: p.plan.id } });
    const drafting = await prisma.activity.findMany({ where: { planId: p.plan.id, at: { lt: plan.sharedAt! } } });
    expect(drafting.map((a) => a.action)).toContain("plan.created");
    const shown = (await buyerLoad(p.plan.id, p.cookie)).view.activity.map((a) => a.action);
    expect(shown).toContain("plan.shared");
    expect(shown).not.toContain("plan.created");
  });
});
