// Getting into a plan as a buyer: the rep's invitation, the scanner-safe link, the code on another
// device, removal, and forwarded links from allowed and other domains (product.md, "Access").
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { hashSecret } from "~/utils/crypto.server";
import { actorToday } from "~/models/actor.server";
import { addBuyerParticipant } from "~/models/participant.server";
import {
  buyerCookieOf,
  buyerLoad,
  buyerPost,
  emailsDuring,
  freshIp,
  invite,
  inviteAndSignIn,
  joinLoad,
  joinPost,
  postLink,
  secretsOf,
  sellerLoad,
  sellerPost,
  setAllowedDomains,
  sharePlan,
  snapshotPlan,
} from "../fixtures/buyers";
import { addDealWithPlan, cookieFor, createTenant, uniqueSuffix, type Tenant } from "../fixtures/world";

let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant("Access");
});

const FAILED = {
  INVALID: { step: "failed", message: "This link or code is not valid for this plan." },
  USED: { step: "failed", message: "This link or code was already used, or a newer one was sent." },
  EXPIRED: { step: "failed", message: "This link or code has expired." },
  TOO_MANY: { step: "failed", message: "Too many wrong codes were entered, so this code no longer works." },
};

/** A new deal of the rep, its plan still a draft, with Bea Buyer not yet invited. */
const freshDeal = () => addDealWithPlan(tenant.repActor);

const buyerSessions = (email: string) => prisma.session.count({ where: { kind: "BUYER", buyerEmail: email } });

/** Where a post on the join page that worked sends the browser next (Post/Redirect/Get). */
function joinPageAt(planId: string, query: Record<string, string>) {
  return `/p/${planId}/join?${new URLSearchParams(query)}`;
}

/** A stranger asks for a code on the plan's page and types it in; returns the verify response. */
async function verifyByCode(planId: string, email: string) {
  const ip = freshIp();
  const { result: asked, emails } = await emailsDuring(email, () => joinPost(planId, { intent: "request-code", email }, ip));
  expect(asked.status).toBe(303);
  expect(asked.headers.get("Location")).toBe(joinPageAt(planId, { sent: "code", email }));
  expect(emails.map((e) => e.kind)).toEqual(["BUYER_SIGN_IN"]);
  return joinPost(planId, { intent: "verify-code", email, code: secretsOf(emails[0]).code }, ip);
}

describe("the rep's invitation", () => {
  it("emails one buyer a link and a code, keeps only hashes, and shares the draft plan", async () => {
    const { deal, plan, buyer } = await freshDeal();
    expect(plan.status).toBe("DRAFT");
    const { response, emails } = await invite(deal.id, [buyer.id]);
    expect(response.status).toBe(303);

    const mail = emails.get(buyer.id)!;
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ kind: "BUYER_INVITE", containsSecret: true });
    const { token, code } = secretsOf(mail[0]);
    const link = `/p/${plan.id}/join?token=${token}`;
    for (const part of [mail[0].html, mail[0].text]) {
      expect(part).toContain(link);
      expect(part).toContain(code);
    }

    // The link and the code are two one-time secrets, each in its own row.
    const rows = await prisma.verification.findMany({ where: { target: buyer.email }, orderBy: { type: "asc" } });
    expect(rows.map((r) => r.type)).toEqual(["BUYER_INVITE", "BUYER_INVITE_CODE"]);
    expect(rows[0]).toMatchObject({ planId: plan.id, linkTokenHash: hashSecret(token), usedAt: null });
    expect(rows[1]).toMatchObject({ planId: plan.id, usedAt: null });
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(JSON.stringify(rows)).not.toContain(token);

    expect((await prisma.participant.findUniqueOrThrow({ where: { id: buyer.id } })).invitedAt).toBeInstanceOf(Date);
    const shared = await prisma.plan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(shared).toMatchObject({ status: "SHARED", sharedOn: actorToday(tenant.repActor), version: plan.version + 1 });
    expect(await prisma.activity.count({ where: { planId: plan.id, action: "plan.shared", actorSide: "SELLER" } })).toBe(1);
    expect(await prisma.activity.count({ where: { planId: plan.id, action: "participant.invited", entityId: buyer.id } })).toBe(1);
  });

  it("invites several buyers at once: one email each, with its own link and code", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const colleague = await addBuyerParticipant(tenant.repActor, deal.id, {
      name: "Cal Colleague",
      email: `cal-${uniqueSuffix()}@buyer.example`,
      title: "",
      role: "LEGAL",
    });
    const { response, emails } = await invite(deal.id, [buyer.id, colleague.id]);
    expect(response.status).toBe(303);
    const [bea, cal] = [emails.get(buyer.id)!, emails.get(colleague.id)!];
    expect([bea.length, cal.length]).toEqual([1, 1]);
    expect(secretsOf(bea[0]).token).not.toBe(secretsOf(cal[0]).token);
    for (const row of [...bea, ...cal]) expect(row.text).toContain(`/p/${plan.id}/join?token=${secretsOf(row).token}`);
    const invited = await prisma.participant.findMany({ where: { id: { in: [buyer.id, colleague.id] } } });
    expect(invited.every((p) => p.invitedAt !== null && p.accessState === "INVITED")).toBe(true);
  });

  it("replaces the earlier link when the rep invites again", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const first = secretsOf((await invite(deal.id, [buyer.id])).emails.get(buyer.id)![0]);
    const second = secretsOf((await invite(deal.id, [buyer.id])).emails.get(buyer.id)![0]);
    expect(second.token).not.toBe(first.token);
    expect(await prisma.verification.count({ where: { usedAt: null, target: buyer.email } })).toBe(2);

    const old = await postLink(plan.id, first.token);
    expect(old.status).toBe(400);
    expect(old.body).toMatchObject(FAILED.USED);
    expect(await buyerSessions(buyer.email)).toBe(0);
    expect((await postLink(plan.id, second.token)).status).toBe(302);
  });
});

describe("the emailed link", () => {
  it("does nothing on GET: no cookie, no session, the link stays unused and the buyer invited", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { token } = secretsOf((await invite(deal.id, [buyer.id])).emails.get(buyer.id)![0]);
    const page = await joinLoad(plan.id, `?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toEqual({
      planId: plan.id,
      token,
      email: "",
      mode: "email",
      link: { state: "OPEN", invitation: true, forName: "Bea Buyer", planTitle: plan.title, vendor: tenant.organization.name },
      hasBuyerSession: false,
    });
    expect(page.headers.get("Set-Cookie")).toBeNull();
    expect(await prisma.verification.count({ where: { target: buyer.email, usedAt: { not: null } } })).toBe(0);
    expect(await buyerSessions(buyer.email)).toBe(0);
    expect((await prisma.participant.findUniqueOrThrow({ where: { id: buyer.id } })).accessState).toBe("INVITED");
  });

  it("signs the buyer in on POST: a database session, an HttpOnly cookie, and an active participant", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { token } = secretsOf((await invite(deal.id, [buyer.id])).emails.get(buyer.id)![0]);
    const response = await postLink(plan.id, token);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/p/${plan.id}`);
    const setCookie = response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^mutual_buyer=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const sessions = await prisma.session.findMany({ where: { buyerEmail: buyer.email } });
    expect(sessions).toEqual([expect.objectContaining({ kind: "BUYER", organizationId: tenant.organization.id, userId: null })]);
    expect(await prisma.participant.findUniqueOrThrow({ where: { id: buyer.id } })).toMatchObject({ accessState: "ACTIVE", lastSeenAt: expect.any(Date) });
    expect(await prisma.activity.findFirst({ where: { entityId: buyer.id, action: "participant.joined" } })).toMatchObject({
      actorSide: "BUYER",
      actorParticipantId: buyer.id,
    });

    const page = await buyerLoad(plan.id, buyerCookieOf(response));
    expect(page.status).toBe(200);
    expect(page.view.plan.id).toBe(plan.id);
    expect(page.view.me).toEqual({ participantId: buyer.id, name: "Bea Buyer", email: buyer.email });
  });

  it.each([
    ["already used", FAILED.USED, async (token: string, planId: string) => void (await postLink(planId, token))],
    [
      "expired",
      FAILED.EXPIRED,
      async (token: string) =>
        void (await prisma.verification.updateMany({ where: { linkTokenHash: hashSecret(token) }, data: { expiresAt: new Date(Date.now() - 1000) } })),
    ],
  ])("refuses a link that was %s with a clear message", async (_, failure, spoil) => {
    const { deal, plan, buyer } = await freshDeal();
    const { token } = secretsOf((await invite(deal.id, [buyer.id])).emails.get(buyer.id)![0]);
    await spoil(token, plan.id);
    const sessionsBefore = await buyerSessions(buyer.email);
    const response = await postLink(plan.id, token);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject(failure);
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(await buyerSessions(buyer.email)).toBe(sessionsBefore);
  });

  it("signs in only once when the same link is posted twice at the same time", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { token } = secretsOf((await invite(deal.id, [buyer.id])).emails.get(buyer.id)![0]);
    const responses = await Promise.all([postLink(plan.id, token), postLink(plan.id, token)]);
    expect(responses.map((r) => r.status).sort()).toEqual([302, 400]);
    expect(await buyerSessions(buyer.email)).toBe(1);
  });

  it("is not valid on another plan's page, and is not burned there", async () => {
    const a = await freshDeal();
    const b = await freshDeal();
    await sharePlan(b.deal.id);
    const { token } = secretsOf((await invite(a.deal.id, [a.buyer.id])).emails.get(a.buyer.id)![0]);

    const elsewhere = await postLink(b.plan.id, token);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body).toEqual(FAILED.INVALID);
    expect(elsewhere.headers.get("Set-Cookie")).toBeNull();
    expect(await buyerSessions(a.buyer.email)).toBe(0);
    expect(await prisma.verification.count({ where: { target: a.buyer.email, usedAt: { not: null } } })).toBe(0);

    const home = await postLink(a.plan.id, token);
    expect(home.status).toBe(302);
    expect(home.headers.get("Location")).toBe(`/p/${a.plan.id}`);
  });
});

describe("the code, on another device", () => {
  it("is not valid on another plan's page, and still works on its own", async () => {
    const a = await freshDeal();
    const b = await freshDeal();
    await sharePlan(b.deal.id);
    await invite(a.deal.id, [a.buyer.id]);
    const ip = freshIp();
    const { emails } = await emailsDuring(a.buyer.email, () => joinPost(a.plan.id, { intent: "request-code", email: a.buyer.email }, ip));
    const { code } = secretsOf(emails[0]);

    const elsewhere = await joinPost(b.plan.id, { intent: "verify-code", email: a.buyer.email, code }, ip);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers.get("Set-Cookie")).toBeNull();
    expect(await buyerSessions(a.buyer.email)).toBe(0);

    const home = await joinPost(a.plan.id, { intent: "verify-code", email: a.buyer.email, code }, ip);
    expect(home.status).toBe(302);
    expect(home.headers.get("Location")).toBe(`/p/${a.plan.id}`);
  });

  it("emails a sign-in code to an invited buyer who asks on the plan's page, and signs them in with it", async () => {
    const { deal, plan, buyer } = await freshDeal();
    await invite(deal.id, [buyer.id]);
    const response = await verifyByCode(plan.id, buyer.email);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/p/${plan.id}`);
    expect((await buyerLoad(plan.id, buyerCookieOf(response))).status).toBe(200);
    expect(await buyerSessions(buyer.email)).toBe(1);
    expect((await prisma.participant.findUniqueOrThrow({ where: { id: buyer.id } })).accessState).toBe("ACTIVE");
  });

  it("counts wrong codes sent at the same time, so they cannot outrun the limit", async () => {
    const { deal, plan, buyer } = await freshDeal();
    await invite(deal.id, [buyer.id]);
    const { emails } = await emailsDuring(buyer.email, () => joinPost(plan.id, { intent: "request-code", email: buyer.email }));
    const { code } = secretsOf(emails[0]);
    const guesses = Array.from({ length: 10 }, (_, i) => String((Number(code) + i + 1) % 1_000_000).padStart(6, "0"));
    const answers = await Promise.all(guesses.map((guess) => joinPost(plan.id, { intent: "verify-code", email: buyer.email, code: guess })));
    expect(answers.every((a) => a.status === 400)).toBe(true);
    expect((await prisma.verification.findFirstOrThrow({ where: { target: buyer.email, type: "BUYER_SIGN_IN" } })).attempts).toBeGreaterThanOrEqual(5);
    const right = await joinPost(plan.id, { intent: "verify-code", email: buyer.email, code });
    expect(right.status).toBe(400);
    expect(right.body).toEqual(FAILED.TOO_MANY);
    expect(await buyerSessions(buyer.email)).toBe(0);
  });

  it("stops accepting a code after five wrong tries, even the right one", async () => {
    const { deal, plan, buyer } = await freshDeal();
    await invite(deal.id, [buyer.id]);
    const ip = freshIp();
    const { emails } = await emailsDuring(buyer.email, () => joinPost(plan.id, { intent: "request-code", email: buyer.email }, ip));
    const { code } = secretsOf(emails[0]);
    const wrong = code === "000000" ? "111111" : "000000";

    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await joinPost(plan.id, { intent: "verify-code", email: buyer.email, code: wrong }, ip));
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400]);
    expect(answers[0].body).toEqual({ step: "code", email: buyer.email, errors: { code: ["That code is not right. 4 tries left."] } });
    expect(answers[4].body).toEqual(FAILED.TOO_MANY);

    const right = await joinPost(plan.id, { intent: "verify-code", email: buyer.email, code }, ip);
    expect(right.status).toBe(400);
    expect(right.body).toEqual(FAILED.TOO_MANY);
    expect(right.headers.get("Set-Cookie")).toBeNull();
    expect(await buyerSessions(buyer.email)).toBe(0);
    const row = await prisma.verification.findFirstOrThrow({ where: { target: buyer.email, type: "BUYER_SIGN_IN" } });
    expect(row).toMatchObject({ attempts: 5, usedAt: null });
  });
});

describe("a buyer the rep removed", () => {
  it("is refused on the next request, gets no new code, and cannot use an old link", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { cookie } = await inviteAndSignIn(deal.id, buyer.id);
    // A second invitation leaves a valid, unused link in the buyer's mailbox.
    const { token } = secretsOf((await invite(deal.id, [buyer.id])).emails.get(buyer.id)![0]);
    const { version } = await prisma.participant.findUniqueOrThrow({ where: { id: buyer.id } });
    expect((await sellerPost(deal.id, { intent: "revoke-participant", participantId: buyer.id, version })).status).toBe(303);
    expect(await prisma.participant.findUniqueOrThrow({ where: { id: buyer.id } })).toMatchObject({ accessState: "REVOKED", revokedAt: expect.any(Date) });

    const before = await snapshotPlan(plan.id);
    expect((await buyerLoad(plan.id, cookie)).status).toBe(403);
    const acted = await buyerPost(plan.id, cookie, { intent: "comment", milestoneId: "", body: "Still here?" });
    expect(acted.status).toBe(403);
    const accepted = await buyerPost(plan.id, cookie, { intent: "accept-plan", version: before.plan.version });
    expect(accepted.status).toBe(403);
    expect(await snapshotPlan(plan.id)).toEqual(before);

    const { result: asked, emails } = await emailsDuring(buyer.email, () => joinPost(plan.id, { intent: "request-code", email: buyer.email }));
    expect(asked.status).toBe(303);
    expect(asked.headers.get("Location")).toBe(joinPageAt(plan.id, { sent: "code", email: buyer.email }));
    expect(emails).toEqual([]);

    const sessionsBefore = await buyerSessions(buyer.email);
    const old = await postLink(plan.id, token);
    expect(old.status).toBe(403);
    expect(old.body).toEqual({ step: "revoked" });
    expect(old.headers.get("Set-Cookie")).toBeNull();
    expect(await buyerSessions(buyer.email)).toBe(sessionsBefore);
    expect((await prisma.participant.findUniqueOrThrow({ where: { id: buyer.id } })).accessState).toBe("REVOKED");
  });
});

describe("a forwarded link", () => {
  it("lets someone from an allowed domain join, and tells the rep", async () => {
    const { deal, plan } = await freshDeal();
    expect((await setAllowedDomains(deal.id, "buyer.example, partner.example")).status).toBe(303);
    await sharePlan(deal.id);
    const dan = `dan-${uniqueSuffix()}@buyer.example`;

    const { result: response, emails: notices } = await emailsDuring(tenant.rep.email, () => verifyByCode(plan.id, dan));
    expect(response.status).toBe(302);
    const cookie = buyerCookieOf(response);
    const joined = await prisma.participant.findUniqueOrThrow({ where: { planId_email: { planId: plan.id, email: dan } } });
    expect(joined).toMatchObject({ side: "BUYER", accessState: "ACTIVE", role: "OTHER" });
    expect(notices.map((n) => n.kind)).toEqual(["REP_NOTICE"]);
    expect(notices[0].subject).toContain(dan);
    expect(notices[0].text).toContain(`/deals/${deal.id}`);

    const page = await buyerLoad(plan.id, cookie);
    expect(page.status).toBe(200);
    expect(page.view.me.participantId).toBe(joined.id);
  });

  it("from another domain leaves an access request, which the rep approves or declines", async () => {
    const { deal, plan } = await freshDeal();
    await setAllowedDomains(deal.id, "buyer.example");
    await sharePlan(deal.id);
    const eve = `eve-${uniqueSuffix()}@elsewhere.example`;

    const { result: response, emails: notices } = await emailsDuring(tenant.rep.email, () => verifyByCode(plan.id, eve));
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(joinPageAt(plan.id, { sent: "request", email: eve }));
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(await buyerSessions(eve)).toBe(0);
    expect(await prisma.participant.count({ where: { planId: plan.id, email: eve } })).toBe(0);
    const request = await prisma.accessRequest.findFirstOrThrow({ where: { planId: plan.id, email: eve } });
    expect(request.status).toBe("PENDING");
    expect(notices.map((n) => n.kind)).toEqual(["REP_NOTICE"]);
    expect(notices[0].subject).toContain(eve);

    const page = await sellerLoad(deal.id);
    expect(page.view.accessRequests).toEqual([expect.objectContaining({ id: request.id, email: eve })]);

    const { result: approved, emails } = await emailsDuring(eve, () =>
      sellerPost(deal.id, { intent: "decide-access", requestId: request.id, decision: "APPROVE" }),
    );
    expect(approved.status).toBe(303);
    expect(await prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "APPROVED",
      decidedByUserId: tenant.rep.id,
      decidedAt: expect.any(Date),
    });
    expect(await prisma.participant.findUniqueOrThrow({ where: { planId_email: { planId: plan.id, email: eve } } })).toMatchObject({
      side: "BUYER",
      accessState: "INVITED",
    });
    expect(emails.map((e) => e.kind)).toEqual(["BUYER_INVITE"]);
    const signedIn = await postLink(plan.id, secretsOf(emails[0]).token);
    expect(signedIn.status).toBe(302);
    expect((await buyerLoad(plan.id, buyerCookieOf(signedIn))).status).toBe(200);
    expect((await sellerLoad(deal.id)).view.accessRequests).toEqual([]);

    const mallory = `mallory-${uniqueSuffix()}@elsewhere.example`;
    expect((await verifyByCode(plan.id, mallory)).headers.get("Location")).toBe(joinPageAt(plan.id, { sent: "request", email: mallory }));
    const second = await prisma.accessRequest.findFirstOrThrow({ where: { planId: plan.id, email: mallory } });
    const { result: declined, emails: told } = await emailsDuring(mallory, () =>
      sellerPost(deal.id, { intent: "decide-access", requestId: second.id, decision: "DECLINE" }),
    );
    expect(declined.status).toBe(303);
    expect((await prisma.accessRequest.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("DECLINED");
    expect(told.map((e) => e.kind)).toEqual(["ACCESS_DECLINED"]);
    expect(told[0].text).not.toMatch(/token=/);
    expect(await prisma.participant.count({ where: { planId: plan.id, email: mallory } })).toBe(0);

    // Asking again after a decline is answered plainly and does not reach the rep again.
    const noticesBefore = await prisma.emailOutbox.count({ where: { kind: "REP_NOTICE" } });
    const again = await verifyByCode(plan.id, mallory);
    expect(again.status).toBe(403);
    expect(again.body).toEqual({ step: "declined" });
    expect(await prisma.accessRequest.count({ where: { planId: plan.id, email: mallory } })).toBe(1);
    expect(await prisma.emailOutbox.count({ where: { kind: "REP_NOTICE" } })).toBe(noticesBefore);
  });
});

describe("the plan page without a buyer session", () => {
  it("sends a signed-out visitor and any seller session to the join page", async () => {
    const { deal, plan, buyer } = await freshDeal();
    await invite(deal.id, [buyer.id]);
    const sellerCookie = await cookieFor(tenant.rep.id);
    // Also a seller's signed session token presented under the buyer cookie's name.
    const disguised = sellerCookie.replace(/^mutual_session=/, "mutual_buyer=");
    for (const cookie of [undefined, sellerCookie, disguised]) {
      const page = await buyerLoad(plan.id, cookie);
      expect(page.status).toBe(302);
      expect(page.headers.get("Location")).toBe(`/p/${plan.id}/join`);
      const acted = await buyerPost(plan.id, cookie, { intent: "accept-plan", version: 2 });
      expect(acted.status).toBe(302);
      expect(acted.headers.get("Location")).toBe(`/p/${plan.id}/join`);
    }
    expect((await prisma.plan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("SHARED");
  });

  it("signs a buyer out: the session row is gone and the cookie no longer opens the plan", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { cookie } = await inviteAndSignIn(deal.id, buyer.id);
    const out = await buyerPost(plan.id, cookie, { intent: "sign-out" });
    expect(out.status).toBe(302);
    expect(out.headers.get("Location")).toBe(`/p/${plan.id}/join`);
    expect(out.headers.get("Set-Cookie")).toMatch(/^mutual_buyer=;/);
    expect(await buyerSessions(buyer.email)).toBe(0);
    expect((await buyerLoad(plan.id, cookie)).status).toBe(302);
  });
});
