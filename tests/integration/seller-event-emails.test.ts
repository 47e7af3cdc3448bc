// Event emails queued with the change that causes them: "a step was assigned to you" and "a buyer
// accepted the plan" (docs/notifications.md, "What sellers are told").
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { buyerPost, milestoneForm, ownerCookie, sellerPost } from "../fixtures/buyers";
import { INTERNAL_MARKER, buyerAssigns, buyerColleague, choose, emailsOf, everyEmailOf, sharedPlanWithBuyer } from "../fixtures/notifications";
import { actorFor, addDealWithPlan, cookieFor, createTenant, type Tenant } from "../fixtures/world";

let tenant: Tenant;
let managerCookie: string;

beforeAll(async () => {
  tenant = await createTenant("Events");
  managerCookie = await cookieFor(tenant.manager.id);
});

/** A seller step of the plan, owned by the rep's participant row (as the template leaves it). */
async function sellerStepOf(planId: string) {
  return prisma.milestone.findFirstOrThrow({ where: { planId, ownerSide: "SELLER", internalOnly: false }, include: { ownerParticipant: true } });
}

describe("a step assigned to you", () => {
  it("reaches a buyer's colleague who came in, with the plan's link, and never the buyer who assigned it", async () => {
    const p = await sharedPlanWithBuyer(tenant.rep.id);
    const carl = await buyerColleague(p.deal.id, true);
    const since = new Date();
    expect((await buyerAssigns(p.plan.id, p.cookie, p.buyerStep.id, carl.participant.id)).status).toBe(303);

    const [email, ...more] = await emailsOf("STEP_ASSIGNED", carl.participant.email, since);
    expect(more).toHaveLength(0);
    expect(email.subject).toBe(`Bea Buyer assigned you “${p.buyerStep.title}” on “${p.plan.title}”`);
    expect(email.text).toContain(`/p/${p.plan.id}#step-${p.buyerStep.id}`);
    expect(email.text).toMatch(/\/email\/stop\?e=carl-[^&]+&k=STEP_ASSIGNED&s=[0-9a-f]{64}/);
    expect(email.text).toMatch(/\/email\/preferences\?e=carl-[^&]+&s=[0-9a-f]{64}/);
    const step = await prisma.milestone.findUniqueOrThrow({ where: { id: p.buyerStep.id } });
    expect(email.idempotencyKey).toBe(`assigned:${step.id}:${carl.participant.id}:${step.version}`);
    expect(await emailsOf("STEP_ASSIGNED", p.buyer.email, since)).toHaveLength(0);

    const added = await buyerPost(p.plan.id, p.cookie, {
      intent: "add-milestone",
      title: "Data room access",
      output: "",
      ownerSide: "BUYER",
      ownerParticipantId: carl.participant.id,
      targetDate: "2027-01-20",
    });
    expect(added.status).toBe(303);
    expect((await emailsOf("STEP_ASSIGNED", carl.participant.email, since)).map((e) => e.subject)).toEqual([
      email.subject,
      `Bea Buyer assigned you “Data room access” on “${p.plan.title}”`,
    ]);
  });

  it("is not sent to whoever assigned the step to themselves, nor to a colleague who has not come in yet", async () => {
    const p = await sharedPlanWithBuyer(tenant.rep.id);
    const invitedOnly = await buyerColleague(p.deal.id, false);
    const since = new Date();
    expect((await buyerAssigns(p.plan.id, p.cookie, p.buyerStep.id, invitedOnly.participant.id)).status).toBe(303);
    expect((await buyerAssigns(p.plan.id, p.cookie, p.buyerStep.id, p.buyer.id)).status).toBe(303);
    expect(await emailsOf("STEP_ASSIGNED", invitedOnly.participant.email, since)).toHaveLength(0);
    expect(await emailsOf("STEP_ASSIGNED", p.buyer.email, since)).toHaveLength(0);
  });

  it("reaches the rep when their manager assigns them a step, with the deal's link; the rep assigning it to themselves sends nothing", async () => {
    const p = await sharedPlanWithBuyer(tenant.rep.id);
    const step = await sellerStepOf(p.plan.id);
    const since = new Date();
    expect((await sellerPost(p.deal.id, await milestoneForm(step.id, { ownerParticipantId: "" }), managerCookie)).status).toBe(303);
    expect((await sellerPost(p.deal.id, await milestoneForm(step.id, { ownerParticipantId: step.ownerParticipantId! }), managerCookie)).status).toBe(303);
    const [email, ...more] = await emailsOf("STEP_ASSIGNED", tenant.rep.email, since);
    expect(more).toHaveLength(0);
    expect(email.subject).toBe(`${tenant.manager.name} assigned you “${step.title}” on ${p.deal.accountName}`);
    expect(email.text).toContain(`/deals/${p.deal.id}#milestone-${step.id}`);

    expect((await sellerPost(p.deal.id, await milestoneForm(step.id, { ownerParticipantId: "" }))).status).toBe(303);
    expect((await sellerPost(p.deal.id, await milestoneForm(step.id, { ownerParticipantId: step.ownerParticipantId! }))).status).toBe(303);
    expect(await emailsOf("STEP_ASSIGNED", tenant.rep.email, since)).toHaveLength(1);
  });

  it("reaches the buyer when the rep assigns them a step or adds one for them", async () => {
    const p = await sharedPlanWithBuyer(tenant.rep.id);
    const carl = await buyerColleague(p.deal.id, true);
    const since = new Date();
    expect((await sellerPost(p.deal.id, await milestoneForm(p.buyerStep.id, { ownerParticipantId: carl.participant.id }))).status).toBe(303);
    const added = await sellerPost(p.deal.id, {
      intent: "add-milestone",
      title: "Reference call",
      output: "",
      ownerSide: "BUYER",
      ownerParticipantId: carl.participant.id,
      targetDate: "2027-01-15",
      status: "NOT_STARTED",
      gatesStage: "",
    });
    expect(added.status).toBe(303);
    const emails = await emailsOf("STEP_ASSIGNED", carl.participant.email, since);
    expect(emails.map((e) => e.subject)).toEqual([
      `${tenant.rep.name} assigned you “${p.buyerStep.title}” on “${p.plan.title}”`,
      `${tenant.rep.name} assigned you “Reference call” on “${p.plan.title}”`,
    ]);
    expect(emails[1].text).toContain("Fri, 15 Jan 2027");
  });

  it("is never sent while the plan is a draft, to a deactivated seller, or to a buyer about an internal-only step", async () => {
    const draft = await addDealWithPlan(await actorFor(tenant.rep.id));
    const draftStep = await sellerStepOf(draft.plan.id);
    const since = new Date();
    await sellerPost(draft.deal.id, await milestoneForm(draftStep.id, { ownerParticipantId: "" }), managerCookie);
    expect(
      (await sellerPost(draft.deal.id, await milestoneForm(draftStep.id, { ownerParticipantId: draftStep.ownerParticipantId! }), managerCookie)).status,
    ).toBe(303);

    const p = await sharedPlanWithBuyer(tenant.rep.id);
    const step = await sellerStepOf(p.plan.id);
    await sellerPost(p.deal.id, await milestoneForm(step.id, { ownerParticipantId: "" }), managerCookie);
    await prisma.user.update({ where: { id: tenant.rep.id }, data: { deactivatedAt: new Date() } });
    try {
      expect((await sellerPost(p.deal.id, await milestoneForm(step.id, { ownerParticipantId: step.ownerParticipantId! }), managerCookie)).status).toBe(303);
    } finally {
      await prisma.user.update({ where: { id: tenant.rep.id }, data: { deactivatedAt: null } });
    }
    expect(await emailsOf("STEP_ASSIGNED", tenant.rep.email, since)).toHaveLength(0);

    const internal = await milestoneForm(p.internalStep.id, { ownerSide: "JOINT", ownerParticipantId: p.buyer.id });
    expect((await sellerPost(p.deal.id, internal)).status).toBe(303);
    expect((await prisma.milestone.findUniqueOrThrow({ where: { id: p.internalStep.id } })).ownerParticipantId).toBe(p.buyer.id);
    expect(await emailsOf("STEP_ASSIGNED", p.buyer.email, since)).toHaveLength(0);
    for (const body of await everyEmailOf(tenant.organization.id)) expect(body).not.toContain(INTERNAL_MARKER);
  });

  it("goes once when the same assignment is saved twice at the same moment", async () => {
    const p = await sharedPlanWithBuyer(tenant.rep.id);
    const carl = await buyerColleague(p.deal.id, true);
    const form = await milestoneForm(p.buyerStep.id, { ownerParticipantId: carl.participant.id });
    const cookie = await ownerCookie(p.deal.id);
    const since = new Date();
    const answers = await Promise.all([sellerPost(p.deal.id, form, cookie), sellerPost(p.deal.id, form, cookie)]);
    expect(answers.map((a) => a.status).sort()).toEqual([303, 409]);
    expect(await emailsOf("STEP_ASSIGNED", carl.participant.email, since)).toHaveLength(1);
  });

  it("follows the reader's choice over the organization's default", async () => {
    const p = await sharedPlanWithBuyer(tenant.rep.id);
    const carl = await buyerColleague(p.deal.id, true);
    const assign = async (owner: string) => expect((await buyerAssigns(p.plan.id, p.cookie, p.buyerStep.id, owner)).status).toBe(303);
    await prisma.organization.update({ where: { id: tenant.organization.id }, data: { emailKindsOffByDefault: "STEP_ASSIGNED" } });
    try {
      await assign(carl.participant.id);
      await choose(carl.participant.email, "STEP_ASSIGNED", true);
      await assign(p.buyer.id);
      await assign(carl.participant.id);
      await choose(carl.participant.email, "STEP_ASSIGNED", false);
      await prisma.organization.update({ where: { id: tenant.organization.id }, data: { emailKindsOffByDefault: "" } });
      await assign(p.buyer.id);
      await assign(carl.participant.id);
    } finally {
      await prisma.organization.update({ where: { id: tenant.organization.id }, data: { emailKindsOffByDefault: "" } });
    }
    expect((await emailsOf("STEP_ASSIGNED", carl.participant.email)).map((e) => e.status)).toEqual(["SUPPRESSED", "PENDING", "SUPPRESSED"]);
  });
});

describe("a buyer accepted the plan", () => {
  it("reaches the rep and their team's manager once each, and nobody else", async () => {
    const p = await sharedPlanWithBuyer(tenant.rep.id);
    const since = new Date();
    const plan = await prisma.plan.findUniqueOrThrow({ where: { id: p.plan.id } });
    const answers = await Promise.all([
      buyerPost(p.plan.id, p.cookie, { intent: "accept-plan", version: plan.version }),
      buyerPost(p.plan.id, p.cookie, { intent: "accept-plan", version: plan.version }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([303, 409]);
    const toRep = await emailsOf("PLAN_ACCEPTED", tenant.rep.email, since);
    const toManager = await emailsOf("PLAN_ACCEPTED", tenant.manager.email, since);
    expect(toRep).toHaveLength(1);
    expect(toManager).toHaveLength(1);
    expect(toRep[0].subject).toBe(`${p.deal.accountName} accepted the plan`);
    expect(toRep[0].text).toContain(`Bea Buyer accepted “${p.plan.title}”`);
    expect(toRep[0].text).toContain(`your deal with ${p.deal.accountName}`);
    expect(toManager[0].text).toContain(`${tenant.rep.name}'s deal with ${p.deal.accountName}`);
    expect(toRep[0].text).toContain(`/deals/${p.deal.id}`);
    const others = await prisma.emailOutbox.count({ where: { kind: "PLAN_ACCEPTED", to: { in: [tenant.otherRep.email, tenant.admin.email] } } });
    expect(others).toBe(0);
    for (const body of await everyEmailOf(tenant.organization.id)) expect(body).not.toContain(INTERNAL_MARKER);
  });

  it("is held back by the organization's default unless the reader turned it on", async () => {
    const p = await sharedPlanWithBuyer(tenant.rep.id);
    await prisma.organization.update({ where: { id: tenant.organization.id }, data: { emailKindsOffByDefault: "PLAN_ACCEPTED WEEKLY_DIGEST" } });
    await choose(tenant.manager.email, "PLAN_ACCEPTED", true);
    const since = new Date();
    try {
      const plan = await prisma.plan.findUniqueOrThrow({ where: { id: p.plan.id } });
      expect((await buyerPost(p.plan.id, p.cookie, { intent: "accept-plan", version: plan.version })).status).toBe(303);
    } finally {
      await prisma.organization.update({ where: { id: tenant.organization.id }, data: { emailKindsOffByDefault: "" } });
      await choose(tenant.manager.email, "PLAN_ACCEPTED", null);
    }
    expect((await emailsOf("PLAN_ACCEPTED", tenant.rep.email, since)).map((e) => e.status)).toEqual(["SUPPRESSED"]);
    expect((await emailsOf("PLAN_ACCEPTED", tenant.manager.email, since)).map((e) => e.status)).toEqual(["PENDING"]);
  });
});
