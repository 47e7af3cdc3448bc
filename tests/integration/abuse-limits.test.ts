// What a stranger can make the app do: spend wrong codes, walk through ids and links from the
// URL, and get emails sent. Each is limited, a refusal says when to try again (Retry-After), and
// none of it reaches a person's own plans or tells the stranger what a plan is.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { MAX_DAILY_FAILURES } from "~/models/verification.server";
import { LIMITS } from "~/utils/rate-limit.server";
import * as dealPage from "~/routes/_seller.deals.$dealId/route";
import * as dashboardRoute from "~/routes/_seller.dashboard";
import * as stop from "~/routes/email.stop";
import * as joinPage from "~/routes/p.$planId_.join";
import * as planPage from "~/routes/p.$planId";
import { buyerLoad, emailsDuring, freshIp, inviteAndSignIn, invite, joinLoad, joinPost, secretsOf, sellerPost, sharePlan } from "../fixtures/buyers";
import { callAction, callLoader, type RouteResult } from "../fixtures/routes";
import { addDealWithPlan, cookieFor, createTenant, uniqueSuffix, type Tenant } from "../fixtures/world";

let tenant: Tenant;
let repCookie: string;

beforeAll(async () => {
  tenant = await createTenant("Limits");
  repCookie = await cookieFor(tenant.rep.id);
});

// Every case is one visitor: limits start afresh.
beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
});

const typeCode = (planId: string, email: string, code: string) => joinPost(planId, { intent: "verify-code", email, code });

/** Calls `request` until it answers something other than `usual`; returns how many calls that took and the answer. */
async function callsUntilRefused(usual: number, request: (i: number) => Promise<RouteResult>, atMost = 200) {
  for (let i = 1; i <= atMost; i++) {
    const answer = await request(i);
    if (answer.status !== usual) return { calls: i, answer };
  }
  throw new Error(`Never refused in ${atMost} calls`);
}

function expectRetryAfter(answer: RouteResult) {
  expect(answer.status).toBe(429);
  const seconds = Number(answer.headers.get("Retry-After"));
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(15 * 60);
}

describe("wrong codes", () => {
  it("on plans that do not exist leave a person's own plan open", async () => {
    const { deal, plan, buyer } = await addDealWithPlan(tenant.repActor);
    const [invitation] = (await invite(deal.id, [buyer.id])).emails.get(buyer.id)!;
    for (let round = 0; round < MAX_DAILY_FAILURES / 5 + 1; round++) {
      const madeUp = `made-up-plan-${uniqueSuffix()}`;
      await joinPost(madeUp, { intent: "request-code", email: buyer.email });
      for (let i = 0; i < 5; i++) await typeCode(madeUp, buyer.email, "000000");
    }
    const own = await typeCode(plan.id, buyer.email, secretsOf(invitation).code);
    expect(own.status).toBe(302);
    expect(own.headers.get("Location")).toBe(`/p/${plan.id}`);
  });

  it("still run out on one plan: fresh codes there do not buy fresh guesses", async () => {
    const { deal, plan, buyer } = await addDealWithPlan(tenant.repActor);
    await sharePlan(deal.id);
    for (let round = 0; round < MAX_DAILY_FAILURES / 5; round++) {
      await joinPost(plan.id, { intent: "request-code", email: buyer.email });
      for (let i = 0; i < 5; i++) await typeCode(plan.id, buyer.email, "000000");
    }
    const { emails } = await emailsDuring(buyer.email, () => joinPost(plan.id, { intent: "request-code", email: buyer.email }));
    const right = await typeCode(plan.id, buyer.email, secretsOf(emails[0]).code);
    expect(right.status).toBe(400);
    expect(right.body).toMatchObject({ step: "failed", message: expect.stringContaining("Too many wrong codes") });
  });
});

describe("a code asked for with an address that is not on the plan", () => {
  it("names neither the plan nor the seller, in the email or on its link's page", async () => {
    const { deal, plan } = await addDealWithPlan(tenant.repActor);
    await sharePlan(deal.id);
    const stranger = `stranger-${uniqueSuffix()}@elsewhere.example`;
    const { emails } = await emailsDuring(stranger, () => joinPost(plan.id, { intent: "request-code", email: stranger }));
    expect(emails).toHaveLength(1);
    const mail = emails[0];
    const words = `${mail.subject} ${mail.text} ${mail.html}`;
    for (const name of [plan.title, deal.accountName, deal.name, tenant.organization.name, tenant.rep.name]) expect(words).not.toContain(name);
    expect(mail.subject).toBe("Your Mutual code");

    const page = await joinLoad(plan.id, `?token=${secretsOf(mail).token}`);
    expect(page.body).toMatchObject({ link: { state: "OPEN", forName: stranger, planTitle: null, vendor: null } });
    for (const name of [plan.title, tenant.organization.name]) expect(JSON.stringify(page.body)).not.toContain(name);
  });
});

describe("ids from the URL that lead nowhere", () => {
  const madeUpDeal = (i: number) =>
    callLoader(dealPage.loader, { path: `/deals/nope-${i}`, params: { dealId: `nope-${i}` }, cookie: repCookie, ip: freshIp() });

  it("earn a seller a 429 with Retry-After, on the deal page and its actions, while their own deals still open", async () => {
    const { calls, answer } = await callsUntilRefused(404, madeUpDeal);
    expect(calls).toBe(LIMITS.missesPerSeller.max + 1);
    expectRetryAfter(answer);
    const action = await sellerPost("nope-action", { intent: "share-plan", version: 1 }, repCookie);
    expectRetryAfter(action);
    const own = await callLoader(dealPage.loader, { path: `/deals/${tenant.repDeal.deal.id}`, params: { dealId: tenant.repDeal.deal.id }, cookie: repCookie });
    expect(own.status).toBe(200);
  });

  it("count per client address too, across sellers", async () => {
    const ip = freshIp();
    const sellers = [tenant.rep, tenant.otherRep, tenant.manager];
    const cookies = await Promise.all(sellers.map((s) => cookieFor(s.id)));
    const { calls, answer } = await callsUntilRefused(404, (i) =>
      callLoader(dealPage.loader, { path: `/deals/nope-${i}`, params: { dealId: `nope-${i}` }, cookie: cookies[i % 3], ip }),
    );
    expect(calls).toBe(LIMITS.missesPerIp.max + 1);
    expectRetryAfter(answer);
  });

  it("are never reached by opening deals that exist, however often", async () => {
    const dealId = tenant.repDeal.deal.id;
    const ip = freshIp();
    for (let i = 0; i <= LIMITS.missesPerSeller.max; i++) {
      expect((await callLoader(dealPage.loader, { path: `/deals/${dealId}`, params: { dealId }, cookie: repCookie, ip })).status).toBe(200);
    }
  });

  it("include the dashboard's team and rep", async () => {
    const managerCookie = await cookieFor(tenant.manager.id);
    const { calls, answer } = await callsUntilRefused(404, (i) =>
      callLoader(dashboardRoute.loader, { path: `/dashboard?team=nope-${i}`, cookie: managerCookie, ip: freshIp() }),
    );
    expect(calls).toBe(LIMITS.missesPerSeller.max + 1);
    expectRetryAfter(answer);
  });

  it("earn a buyer's session a 429 page with Retry-After on /p/:id, while the buyer's own plan still opens", async () => {
    const { deal, buyer, plan } = await addDealWithPlan(tenant.repActor);
    const { cookie } = await inviteAndSignIn(deal.id, buyer.id);
    const ip = freshIp();
    const { calls, answer } = await callsUntilRefused(404, (i) =>
      callLoader(planPage.loader, { path: `/p/nope-${i}`, params: { planId: `nope-${i}` }, cookie, ip }),
    );
    expect(calls).toBe(LIMITS.missesPerIp.max + 1);
    expectRetryAfter(answer);
    expect(String(answer.body)).toContain("Too many attempts");
    expect((await buyerLoad(plan.id, cookie)).status).toBe(200);
  });
});

describe("links from email that lead nowhere", () => {
  it("are limited on the plan's way in", async () => {
    const { plan } = tenant.repDeal;
    const ip = freshIp();
    const { calls, answer } = await callsUntilRefused(200, (i) =>
      callLoader(joinPage.loader, { path: `/p/${plan.id}/join?token=forged-${i}`, params: { planId: plan.id }, ip }),
    );
    expect(calls).toBe(LIMITS.missesPerIp.max + 1);
    expectRetryAfter(answer);
  });

  it("are limited on the stop-emails page, and so are its posts", async () => {
    const forged = (i: number) => `/email/stop?e=someone-${i}%40example.test&k=REP_NOTICE&s=${"0".repeat(64)}`;
    const page = await callsUntilRefused(200, (i) => callLoader(stop.loader, { path: forged(i), ip: "10.1.1.1" }));
    expect(page.calls).toBe(LIMITS.missesPerIp.max + 1);
    expectRetryAfter(page.answer);

    const form = { e: "someone@example.test", k: "REP_NOTICE", s: "0".repeat(64) };
    const posts = await callsUntilRefused(400, () => callAction(stop.action, { path: "/email/stop", form, ip: "10.2.2.2" }));
    expect(posts.calls).toBe(LIMITS.stopEmailsPerIp.max + 1);
    expectRetryAfter(posts.answer);
  });
});
