// Security events leave audit rows (docs/product.md, "Security"): seller and buyer sign-ins and
// sign-outs, code lockouts and email opt-outs, each exactly once, with the organization and the
// person, and never a token, a code or a hash of one.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { deliverDueEmails } from "~/utils/email.server";
import { hashSecret } from "~/utils/crypto.server";
import * as login from "~/routes/login";
import * as verify from "~/routes/auth.verify";
import * as logout from "~/routes/logout";
import * as stop from "~/routes/email.stop";
import { MAX_CODE_ATTEMPTS, MAX_DAILY_FAILURES } from "~/models/verification.server";
import { callAction } from "../fixtures/routes";
import { buyerCookieOf, buyerPost, freshIp, invite, joinPost, opened, postLink, secretsOf, setAllowedDomains, sharePlan } from "../fixtures/buyers";
import { addDealWithPlan, createTenant, uniqueSuffix, type Tenant } from "../fixtures/world";

let tenant: Tenant;
beforeAll(async () => {
  tenant = await createTenant("Audit");
});

/** Every secret a test saw: what was emailed, the session cookie, and the stored hashes of each. */
const secrets: string[] = [];
function saw(...values: string[]) {
  for (const value of values) secrets.push(value, hashSecret(value));
}

async function auditRows(where: { actorEmail: string; action?: string }) {
  return prisma.auditEvent.findMany({ where, orderBy: { createdAt: "asc" } });
}

/** A wrong code that is surely not the right one. */
const wrong = (code: string) => (code === "000000" ? "111111" : "000000");

// --- sellers ---------------------------------------------------------------------------------

async function sellerSignInEmail(email: string, ip: string) {
  await callAction(login.action, { path: "/login", form: { email }, ip });
  await deliverDueEmails();
  const row = opened(await prisma.emailOutbox.findFirstOrThrow({ where: { to: email, kind: "SIGN_IN" }, orderBy: { createdAt: "desc" } }));
  const code = /\b(\d{6})\b/.exec(row.text)![1];
  const token = /token=([A-Za-z0-9_-]+)/.exec(row.text)![1];
  saw(code, token);
  return { code, token };
}

function sessionCookieOf(setCookie: string | null) {
  const pair = (setCookie ?? "").split(";")[0];
  saw(decodeURIComponent(pair.split("=")[1] ?? ""));
  return pair;
}

describe("seller sign-in and sign-out", () => {
  it("records a sign-in by code, with the organization, the user and the address", async () => {
    const ip = freshIp();
    const { code } = await sellerSignInEmail(tenant.rep.email, ip);
    const response = await callAction(verify.action, { path: "/auth/verify", form: { intent: "code", email: tenant.rep.email, code }, ip });
    expect(response.status).toBe(302);
    sessionCookieOf(response.headers.get("Set-Cookie"));
    const rows = await auditRows({ actorEmail: tenant.rep.email, action: "seller.signed_in" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organizationId: tenant.organization.id, actorUserId: tenant.rep.id, actorParticipantId: null, ip });
    expect(JSON.parse(rows[0].detail!)).toEqual({ via: "code" });
  });

  it("records a sign-in by link, and the sign-out that ends it", async () => {
    const ip = freshIp();
    const { token } = await sellerSignInEmail(tenant.manager.email, ip);
    const response = await callAction(verify.action, { path: "/auth/verify", form: { intent: "link", token }, ip });
    const cookie = sessionCookieOf(response.headers.get("Set-Cookie"));
    const [signIn] = await auditRows({ actorEmail: tenant.manager.email, action: "seller.signed_in" });
    expect(JSON.parse(signIn.detail!)).toEqual({ via: "link" });

    const out = await callAction(logout.action, { path: "/logout", cookie, ip });
    expect(out.status).toBe(302);
    // A second post with the same, now dead, cookie signs nobody out.
    await callAction(logout.action, { path: "/logout", cookie, ip });
    const rows = await auditRows({ actorEmail: tenant.manager.email, action: "seller.signed_out" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organizationId: tenant.organization.id, actorUserId: tenant.manager.id, ip });
    expect(await prisma.session.count({ where: { userId: tenant.manager.id } })).toBe(0);
  });

  it("records one lockout when wrong codes use up a code, however many wrong codes follow", async () => {
    const ip = freshIp();
    const { code } = await sellerSignInEmail(tenant.otherRep.email, ip);
    const post = () => callAction(verify.action, { path: "/auth/verify", form: { intent: "code", email: tenant.otherRep.email, code: wrong(code) }, ip });
    for (let attempt = 1; attempt < MAX_CODE_ATTEMPTS; attempt++) await post();
    expect(await auditRows({ actorEmail: tenant.otherRep.email, action: "code.locked_out" })).toHaveLength(0);
    await post();
    await post();
    const rows = await auditRows({ actorEmail: tenant.otherRep.email, action: "code.locked_out" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organizationId: tenant.organization.id, actorUserId: tenant.otherRep.id, subjectId: null, ip });
    expect(JSON.parse(rows[0].detail!)).toEqual({ codes: 1, side: "seller" });
  });

  it("records once when the day's wrong codes are spent, so even a new right code is refused", async () => {
    const ip = freshIp();
    const email = tenant.manager.email;
    const post = (code: string) => callAction(verify.action, { path: "/auth/verify", form: { intent: "code", email, code }, ip });
    for (let spent = 0; spent < MAX_DAILY_FAILURES; spent += MAX_CODE_ATTEMPTS) {
      const { code } = await sellerSignInEmail(email, ip);
      for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) await post(wrong(code));
    }
    const { code } = await sellerSignInEmail(email, ip);
    expect((await post(code)).status).not.toBe(302);
    await post(code);
    const rows = await auditRows({ actorEmail: email, action: "code.locked_out" });
    expect(rows.map((row) => JSON.parse(row.detail!))).toEqual([
      ...Array.from({ length: MAX_DAILY_FAILURES / MAX_CODE_ATTEMPTS }, () => ({ codes: 1, side: "seller" })),
      { daily: true, side: "seller" },
    ]);
  });

  it("records wrong codes for an address with no account under no organization", async () => {
    const stranger = `nobody-${uniqueSuffix()}@example.test`;
    const ip = freshIp();
    await callAction(login.action, { path: "/login", form: { email: stranger }, ip });
    for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      await callAction(verify.action, { path: "/auth/verify", form: { intent: "code", email: stranger, code: "123456" }, ip });
    }
    const rows = await auditRows({ actorEmail: stranger });
    expect(rows.map((row) => row.action)).toEqual(["code.locked_out"]);
    expect(rows[0]).toMatchObject({ organizationId: null, actorUserId: null, actorParticipantId: null });
  });
});

// --- buyers ----------------------------------------------------------------------------------

async function invitedBuyer() {
  const { deal, plan, buyer } = await addDealWithPlan(tenant.repActor);
  const [mail] = (await invite(deal.id, [buyer.id])).emails.get(buyer.id)!;
  const { token, code } = secretsOf(mail);
  saw(token, code);
  return { plan, buyer, token, code };
}

describe("buyer sign-in and sign-out", () => {
  it("records a sign-in by the invitation's link, on the plan, as the participant", async () => {
    const { plan, buyer, token } = await invitedBuyer();
    const ip = freshIp();
    const joined = await postLink(plan.id, token, ip);
    sessionCookieOf(joined.headers.get("Set-Cookie"));
    const rows = await auditRows({ actorEmail: buyer.email });
    expect(rows.map((row) => row.action)).toEqual(["buyer.signed_in"]);
    expect(rows[0]).toMatchObject({
      organizationId: tenant.organization.id,
      actorUserId: null,
      actorParticipantId: buyer.id,
      subjectType: "PLAN",
      subjectId: plan.id,
      ip,
    });
    expect(JSON.parse(rows[0].detail!)).toEqual({ via: "link" });
  });

  it("records a sign-in by a typed code, and the sign-out from the plan page", async () => {
    const { plan, buyer, code } = await invitedBuyer();
    const joined = await joinPost(plan.id, { intent: "verify-code", email: buyer.email, code });
    const cookie = buyerCookieOf(joined);
    sessionCookieOf(joined.headers.get("Set-Cookie"));
    const [signIn] = await auditRows({ actorEmail: buyer.email, action: "buyer.signed_in" });
    expect(JSON.parse(signIn.detail!)).toEqual({ via: "code" });

    const out = await buyerPost(plan.id, cookie, { intent: "sign-out" });
    expect(out.status).toBe(302);
    const rows = await auditRows({ actorEmail: buyer.email, action: "buyer.signed_out" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organizationId: tenant.organization.id, actorParticipantId: buyer.id, subjectId: plan.id });
  });

  it("records one lockout when wrong codes end an invitation's code", async () => {
    const { plan, buyer, code } = await invitedBuyer();
    const ip = freshIp();
    for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS + 2; attempt++) {
      await joinPost(plan.id, { intent: "verify-code", email: buyer.email, code: wrong(code) }, ip);
    }
    const rows = await auditRows({ actorEmail: buyer.email });
    expect(rows.map((row) => row.action)).toEqual(["code.locked_out"]);
    expect(rows[0]).toMatchObject({ organizationId: tenant.organization.id, actorParticipantId: buyer.id, subjectType: "PLAN", subjectId: plan.id, ip });
    expect(JSON.parse(rows[0].detail!)).toEqual({ codes: 1, side: "buyer" });
  });

  it("writes one lockout row for wrong codes posted at the same time", async () => {
    const { plan, buyer, code } = await invitedBuyer();
    await Promise.all(Array.from({ length: MAX_CODE_ATTEMPTS + 3 }, () => joinPost(plan.id, { intent: "verify-code", email: buyer.email, code: wrong(code) })));
    expect(await auditRows({ actorEmail: buyer.email, action: "code.locked_out" })).toHaveLength(1);
  });
});

// --- email opt-outs --------------------------------------------------------------------------

describe("email opt-outs", () => {
  it("records the stop once, under the user's organization, however often it is pressed", async () => {
    const other = await createTenant("Audit stop");
    const { deal, plan } = await addDealWithPlan(other.repActor);
    await sharePlan(deal.id);
    await setAllowedDomains(deal.id, "joiners.example");
    const email = `dan-${uniqueSuffix()}@joiners.example`;
    await joinPost(plan.id, { intent: "request-code", email });
    await deliverDueEmails();
    const code = /\b(\d{6})\b/.exec(opened(await prisma.emailOutbox.findFirstOrThrow({ where: { to: email } })).text)![1];
    saw(code);
    await joinPost(plan.id, { intent: "verify-code", email, code });
    await deliverDueEmails();
    const notice = await prisma.emailOutbox.findFirstOrThrow({ where: { to: other.rep.email, kind: "REP_NOTICE" } });
    const href = /(https?:\/\/\S+\/email\/stop\?[^\s\])]+?)\.?(?:\s|\]|$)/.exec(notice.text)![1];
    const url = new URL(href);
    const ip = freshIp();
    await callAction(stop.action, { path: "/email/stop", form: Object.fromEntries(url.searchParams), ip });
    await callAction(stop.action, { path: "/email/stop", form: Object.fromEntries(url.searchParams), ip });
    const rows = await auditRows({ actorEmail: other.rep.email, action: "email.opted_out" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organizationId: other.organization.id, actorUserId: other.rep.id, ip });
    expect(JSON.parse(rows[0].detail!)).toEqual({ emails: "REP_NOTICE" });
  });
});

describe("audit rows", () => {
  it("hold no token, code, session cookie or hash of one, in any column", async () => {
    const rows = await prisma.auditEvent.findMany();
    expect(rows.length).toBeGreaterThan(8);
    expect(secrets.length).toBeGreaterThan(20);
    const stored = JSON.stringify(rows);
    for (const secret of secrets) expect(stored).not.toContain(secret);
  });

  it("list an organization's events newest first from the index", async () => {
    const rows = await prisma.auditEvent.findMany({ where: { organizationId: tenant.organization.id }, orderBy: { createdAt: "desc" } });
    expect(new Set(rows.map((row) => row.action))).toEqual(
      new Set(["seller.signed_in", "seller.signed_out", "buyer.signed_in", "buyer.signed_out", "code.locked_out"]),
    );
    expect(rows.every((row) => row.organizationId === tenant.organization.id)).toBe(true);
  });
});
