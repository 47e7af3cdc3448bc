// The invitation link's page (docs/product.md, "Access"): it says whom the invitation is for,
// offers "I'm someone else", and, once expired or used, names the vendor and the plan and sends a
// fresh link to the same address with one press. GET changes nothing; every email says what it is.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { deliverDueEmails } from "~/utils/email.server";
import { hashSecret } from "~/utils/crypto.server";
import * as login from "~/routes/login";
import {
  buyerCookieOf,
  buyerLoad,
  buyerPost,
  emailsDuring,
  freshIp,
  invite,
  joinLoad,
  joinPost,
  postLink,
  secretsOf,
  sellerPost,
  setAllowedDomains,
} from "../fixtures/buyers";
import { callAction } from "../fixtures/routes";
import { addDealWithPlan, createTenant, type Tenant } from "../fixtures/world";

let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant("Vendorco");
});

const freshDeal = () => addDealWithPlan(tenant.repActor);

async function invitationOf(dealId: string, participantId: string) {
  const [mail] = (await invite(dealId, [participantId])).emails.get(participantId)!;
  return { mail, ...secretsOf(mail) };
}

const expire = (token: string) =>
  prisma.verification.updateMany({ where: { linkTokenHash: hashSecret(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
const renew = (planId: string, token: string, ip = freshIp()) => joinPost(planId, { intent: "renew", token }, ip);
const outboxSize = () => prisma.emailOutbox.count();

describe("the invitation's page", () => {
  it('says whom the invitation is for, and offers "I\'m someone else" without touching anything', async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { token } = await invitationOf(deal.id, buyer.id);
    const page = await joinLoad(plan.id, `?token=${token}`);
    expect(page.body).toMatchObject({
      link: { state: "OPEN", invitation: true, forName: "Bea Buyer", planTitle: plan.title, vendor: tenant.organization.name },
    });

    const elsewhere = await joinLoad(plan.id, "?as=someone-else");
    expect(elsewhere.body).toMatchObject({ mode: "someone-else", token: "", link: null });
    expect(await prisma.verification.count({ where: { target: buyer.email, usedAt: { not: null } } })).toBe(0);
  });

  it("lets a colleague with a forwarded invitation in as themselves: the invitation stays the invitee's", async () => {
    const { deal, plan, buyer } = await freshDeal();
    await setAllowedDomains(deal.id, "buyer.example");
    const { token } = await invitationOf(deal.id, buyer.id);
    const dan = `dan-${buyer.email.slice(4)}`;

    // "I'm someone else" leads to verifying one's own email.
    const ip = freshIp();
    const { emails } = await emailsDuring(dan, () => joinPost(plan.id, { intent: "request-code", email: dan }, ip));
    const joined = await joinPost(plan.id, { intent: "verify-code", email: dan, code: secretsOf(emails[0]).code }, ip);
    expect(joined.status).toBe(302);
    const cookie = buyerCookieOf(joined);
    const danOnPlan = await prisma.participant.findUniqueOrThrow({ where: { planId_email: { planId: plan.id, email: dan } } });

    expect((await buyerPost(plan.id, cookie, { intent: "comment", milestoneId: "", body: "Dan here" })).status).toBe(303);
    const comment = await prisma.comment.findFirstOrThrow({ where: { planId: plan.id, body: "Dan here" } });
    expect(comment.authorParticipantId).toBe(danOnPlan.id);
    expect((await buyerLoad(plan.id, cookie)).view.me.participantId).toBe(danOnPlan.id);

    expect((await prisma.participant.findUniqueOrThrow({ where: { id: buyer.id } })).accessState).toBe("INVITED");
    expect((await joinLoad(plan.id, `?token=${token}`)).body).toMatchObject({ link: { state: "OPEN", forName: "Bea Buyer" } });
    const bea = await postLink(plan.id, token);
    expect((await buyerLoad(plan.id, buyerCookieOf(bea))).view.me.participantId).toBe(buyer.id);
  });

  it("names the vendor and the plan once expired, and no more than the email did", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { token } = await invitationOf(deal.id, buyer.id);
    await expire(token);
    const before = await outboxSize();
    const page = await joinLoad(plan.id, `?token=${token}`);
    expect(page.body).toMatchObject({ link: { state: "EXPIRED", invitation: true, planTitle: plan.title, vendor: tenant.organization.name } });
    expect(JSON.stringify(page.body)).not.toContain(buyer.email);
    expect(await outboxSize()).toBe(before);

    expect((await joinLoad(plan.id, "?token=made-up")).body).toMatchObject({ link: null });
    const other = await freshDeal();
    const foreign = await addDealWithPlan((await createTenant("Elsewhere")).repActor);
    for (const elsewhere of [other, foreign]) expect((await joinLoad(elsewhere.plan.id, `?token=${token}`)).body).toMatchObject({ link: null });
  });
});

describe("the link's token", () => {
  it("is read from the form's body, and a refused Continue brings back the link's page from the answer: its address holds no token", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { token } = await invitationOf(deal.id, buyer.id);
    await expire(token);
    const refused = await postLink(plan.id, token);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      step: "failed",
      ended: { token, link: { state: "EXPIRED", invitation: true, forName: "Bea Buyer", planTitle: plan.title } },
    });
    expect((await postLink(plan.id, "made-up")).body).toEqual({ step: "failed", message: "This link or code is not valid for this plan." });
  });
});

describe("a fresh link with one press", () => {
  it("sends a new invitation to the same address; it works and the old one stays refused", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { token } = await invitationOf(deal.id, buyer.id);
    await expire(token);
    const { result, emails } = await emailsDuring(buyer.email, () => renew(plan.id, token));
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe(`/p/${plan.id}/join?sent=link`);
    expect(JSON.stringify(result.body)).not.toContain(buyer.email);
    expect(emails.map((e) => [e.kind, e.subject])).toEqual([["BUYER_INVITE", `A new link to “${plan.title}”`]]);
    expect(emails[0].text).toContain("Hi Bea Buyer");
    expect(emails[0].text).toContain("for 7 days");

    const fresh = secretsOf(emails[0]);
    expect((await postLink(plan.id, token)).status).toBe(400);
    const opened = await postLink(plan.id, fresh.token);
    expect(opened.status).toBe(302);
    expect((await buyerLoad(plan.id, buyerCookieOf(opened))).view.me.participantId).toBe(buyer.id);
  });

  it("works from a used invitation too", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { token } = await invitationOf(deal.id, buyer.id);
    expect((await postLink(plan.id, token)).status).toBe(302);
    expect((await joinLoad(plan.id, `?token=${token}`)).body).toMatchObject({ link: { state: "USED" } });
    const { result, emails } = await emailsDuring(buyer.email, () => renew(plan.id, token));
    expect(result.status).toBe(303);
    expect(emails).toHaveLength(1);
  });

  it("is refused for a buyer the rep removed, and for a link of another plan, another organization, or none", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { token } = await invitationOf(deal.id, buyer.id);
    await expire(token);
    const { version } = await prisma.participant.findUniqueOrThrow({ where: { id: buyer.id } });
    expect((await sellerPost(deal.id, { intent: "revoke-participant", participantId: buyer.id, version })).status).toBe(303);
    const { result, emails } = await emailsDuring(buyer.email, () => renew(plan.id, token));
    expect(result.status).toBe(403);
    expect(result.body).toEqual({ step: "revoked" });
    expect(emails).toEqual([]);

    const other = await freshDeal();
    const foreign = await addDealWithPlan((await createTenant("Abroad")).repActor);
    const { token: otherToken } = await invitationOf(other.deal.id, other.buyer.id);
    const { token: foreignToken } = await invitationOf(foreign.deal.id, foreign.buyer.id);
    const before = await outboxSize();
    const tries = [
      [plan.id, otherToken],
      [plan.id, foreignToken],
      [plan.id, "made-up"],
      [other.plan.id, token],
      [foreign.plan.id, token],
    ];
    for (const [planId, t] of tries) {
      const answer = await renew(planId, t);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ step: "failed", message: "This link or code is not valid for this plan." });
    }
    await deliverDueEmails();
    expect(await outboxSize()).toBe(before);
  });

  it("is limited like every other send to that address", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { token } = await invitationOf(deal.id, buyer.id);
    await expire(token);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await renew(plan.id, token)).status);
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
  });
});

describe("each email says what it is", () => {
  it("an invitation, an approval, a buyer's own code, a fresh link and a seller's sign-in", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { mail: invitation, token } = await invitationOf(deal.id, buyer.id);
    await expire(token);
    const renewed = (await emailsDuring(buyer.email, () => renew(plan.id, token))).emails[0];
    const own = (await emailsDuring(buyer.email, () => joinPost(plan.id, { intent: "request-code", email: buyer.email }))).emails[0];
    const seller = (await emailsDuring(tenant.rep.email, () => callAction(login.action, { path: "/login", form: { email: tenant.rep.email }, ip: freshIp() })))
      .emails[0];

    expect(invitation.subject).toBe(`${tenant.rep.name} invited you to “${plan.title}”`);
    expect(invitation.text).toContain(`Hi Bea Buyer`);
    expect(invitation.text).toContain(`${tenant.rep.name} invited you to “${plan.title}”, the mutual action plan with ${tenant.organization.name}`);
    expect(invitation.text).toContain(`The plan's page: http://localhost:3000/p/${plan.id}`);
    expect(invitation.text).toContain("I have a code");
    expect(renewed.text).toContain("asked for a new link from an earlier invitation");
    expect(own.subject).toBe(`Your code for “${plan.title}”`);
    expect(own.text).toContain("someone asked for a code to open this plan");
    expect(seller.subject).toBe("Your Mutual sign-in code");
    expect(seller.text).toContain("asked to sign in");
    for (const mail of [invitation, renewed]) expect(mail.text).not.toMatch(/asked for (access|a code)|asked to (sign in|join)/);
    for (const mail of [invitation, renewed, own, seller]) expect(`${mail.subject} ${mail.text}`).not.toMatch(/BUYER_|SIGN_IN|planId|token=undefined/);
  });
});
