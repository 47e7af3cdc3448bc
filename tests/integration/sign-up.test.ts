// Workspace sign-up: the address is proven with an emailed code or a scanner-safe link before the
// organization exists; the person becomes its admin and is signed in. Known addresses get no
// second account, and the page never tells which addresses have one.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as signup from "~/routes/signup";
import * as signupVerify from "~/routes/signup_.verify";
import * as verify from "~/routes/auth.verify";
import * as login from "~/routes/login";
import * as deals from "~/routes/_seller.deals._index";
import { createOrganization } from "~/models/organization.server";
import { hashSecret } from "~/utils/crypto.server";
import { callAction, callLoader } from "../fixtures/routes";
import { freshIp } from "../fixtures/buyers";
import { postSignUp, postSignUpCode, postSignUpLink, readSignUpEmail, workspaceForm } from "../fixtures/sign-up";
import { uniqueSuffix } from "../fixtures/world";

let ip: string;
beforeEach(() => {
  ip = freshIp();
});

const cookieOf = (response: { headers: Headers }) => (response.headers.get("Set-Cookie") ?? "").split(";")[0];

describe("signing up a new workspace", () => {
  it("creates nothing until the emailed code is entered, then the workspace with its typed details, its admin and template", async () => {
    const form = workspaceForm();
    const requested = await postSignUp(form, ip);
    expect(requested.status).toBe(303);
    expect(requested.headers.get("Location")).toBe(`/signup/verify?email=${encodeURIComponent(form.email)}`);
    expect(await prisma.user.count({ where: { email: form.email } })).toBe(0);

    const email = await readSignUpEmail(form.email);
    expect(email.subject).toBe("Your Mutual sign-up code");
    expect(email.text).toContain(form.organizationName);
    const stored = await prisma.verification.findFirstOrThrow({ where: { target: form.email, type: "SELLER_SIGN_UP" } });
    expect(JSON.stringify(stored)).not.toContain(email.code!);
    expect(stored.linkTokenHash).toBe(hashSecret(email.token!));
    expect(JSON.parse(stored.payload!)).toMatchObject({
      workspace: { organizationName: form.organizationName, allowedBuyerDomains: "buyer.example other.example" },
    });

    const verified = await postSignUpCode(form.email, email.code!, ip);
    expect(verified.status).toBe(303);
    expect(verified.headers.get("Location")).toBe("/deals");

    const admin = await prisma.user.findUniqueOrThrow({ where: { email: form.email }, include: { organization: { include: { templates: true } } } });
    expect(admin).toMatchObject({ name: "Grace Hopper", role: "ADMIN" });
    expect(admin.organization).toMatchObject({
      name: form.organizationName,
      timezone: "Pacific/Auckland",
      fiscalYearStartMonth: 4,
      allowedBuyerDomains: "buyer.example other.example",
    });
    expect(admin.organization.templates).toHaveLength(1);

    const audit = await prisma.auditEvent.findMany({ where: { organizationId: admin.organizationId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["organization.created", "seller.signed_in"]);
    expect(audit[0]).toMatchObject({ actorUserId: admin.id, actorEmail: form.email, subjectType: "ORGANIZATION", subjectId: admin.organizationId, ip });
    expect(JSON.parse(audit[0].detail!)).toEqual({ via: "code" });

    const list = await callLoader(deals.loader, { path: "/deals", cookie: cookieOf(verified) });
    expect(list.status).toBe(200);
  });

  it("opens the emailed link on GET without using it; only the button's POST creates the workspace, once", async () => {
    const form = workspaceForm();
    await postSignUp(form, ip);
    const { token } = await readSignUpEmail(form.email);

    const page = await callLoader(signupVerify.loader, { path: `/signup/verify?token=${token}` });
    expect(page.status).toBe(200);
    expect(page.headers.get("Set-Cookie")).toBeNull();
    expect((await prisma.verification.findFirstOrThrow({ where: { target: form.email, type: "SELLER_SIGN_UP" } })).usedAt).toBeNull();

    const first = await postSignUpLink(token!, ip);
    expect(first.status).toBe(303);
    expect(cookieOf(first)).toMatch(/^mutual_session=/);
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: form.email } });
    const created = await prisma.auditEvent.findFirstOrThrow({ where: { organizationId: admin.organizationId, action: "organization.created" } });
    expect(JSON.parse(created.detail!)).toEqual({ via: "link" });

    const again = await postSignUpLink(token!, ip);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ failure: "This sign-up link or code was already used, or a newer one was sent." });
    expect(await prisma.organization.count({ where: { name: form.organizationName } })).toBe(1);
  });

  it("keeps sign-up and sign-in codes apart: a sign-up code signs nobody in at /auth/verify", async () => {
    const form = workspaceForm();
    await postSignUp(form, ip);
    const { code } = await readSignUpEmail(form.email);
    const response = await callAction(verify.action, { path: "/auth/verify", form: { intent: "code", email: form.email, code: code! }, ip });
    expect(response.status).toBe(400);
    expect(await prisma.user.count({ where: { email: form.email } })).toBe(0);
  });

  it("is linked from the sign-in page", async () => {
    const page = await callLoader(login.loader, { path: "/login" });
    expect(page.body).toEqual({ signUpOpen: true });
    const form = await callLoader(signup.loader, { path: "/signup" });
    expect(form.body).toMatchObject({ open: true, zones: expect.arrayContaining([{ value: "America/New_York", label: "America/New York" }]) });
  });
});

describe("an address that already has an account", () => {
  it("gets an email saying to sign in, no code and no second account, and the page answers as for a new address", async () => {
    const existing = `member-${uniqueSuffix()}@example.test`;
    const { organization } = await createOrganization({ name: "Already Here", timezone: "UTC", admin: { email: existing, name: "Member" } });
    const fresh = workspaceForm();
    const known = await postSignUp(workspaceForm({ email: existing.toUpperCase() }), ip);
    const unknown = await postSignUp(fresh, ip);
    expect(known.status).toBe(unknown.status);
    expect(known.headers.get("Location")).toBe(unknown.headers.get("Location")?.replace(encodeURIComponent(fresh.email), encodeURIComponent(existing)));

    const email = await readSignUpEmail(existing);
    expect(email.subject).toBe("You already have a Mutual account");
    expect(email.text).toContain(`/login?email=${encodeURIComponent(existing)}`);
    expect(email.code).toBeUndefined();
    expect(email.token).toBeUndefined();

    // A guessed code meets the same answer a new address's wrong code does.
    const guessKnown = await postSignUpCode(existing, "000000", ip);
    const { code } = await readSignUpEmail(fresh.email);
    const guessUnknown = await postSignUpCode(fresh.email, code === "000000" ? "111111" : "000000", ip);
    expect(guessKnown.status).toBe(400);
    expect(JSON.stringify(guessKnown.body)).toContain("4 tries left");
    expect(JSON.stringify(guessUnknown.body)).toContain("4 tries left");
    expect(await prisma.user.count({ where: { email: existing } })).toBe(1);
    expect(await prisma.user.findUniqueOrThrow({ where: { email: existing } })).toMatchObject({ organizationId: organization.id });
  });

  it("creates nothing when the address got an account between asking and verifying", async () => {
    const form = workspaceForm();
    await postSignUp(form, ip);
    const { code } = await readSignUpEmail(form.email);
    await createOrganization({ name: "Invited Meanwhile", timezone: "UTC", admin: { email: form.email, name: "Invited" } });
    const response = await postSignUpCode(form.email, code!, ip);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ failure: expect.stringContaining("already has an account") });
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(await prisma.organization.count({ where: { name: form.organizationName } })).toBe(0);
  });
});

describe("refusals", () => {
  it("answers bad input with 400 and each field's error, keeping what was typed", async () => {
    const form = workspaceForm({ email: "not-an-email", name: " ", timezone: "Mars/Olympus_Mons", fiscalYearStartMonth: "13", allowedBuyerDomains: "acme" });
    const response = await postSignUp(form, ip);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ form: "create" });
    const body = (response.body as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(Object.keys(body.error).sort()).toEqual(["allowedBuyerDomains", "email", "fiscalYearStartMonth", "name", "timezone"]);
    expect(body.error.timezone).toEqual(["Choose a timezone from the list"]);
    expect(body.initialValue).toMatchObject({ organizationName: form.organizationName, allowedBuyerDomains: "acme" });
    expect(await prisma.verification.count({ where: { type: "SELLER_SIGN_UP", target: form.email } })).toBe(0);
  });

  it("refuses a wrong code with the tries left, and creates nothing", async () => {
    const form = workspaceForm();
    await postSignUp(form, ip);
    const { code } = await readSignUpEmail(form.email);
    const response = await postSignUpCode(form.email, code === "000000" ? "111111" : "000000", ip);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain("That code is not right. 4 tries left.");
    expect(await prisma.user.count({ where: { email: form.email } })).toBe(0);
  });

  it("refuses an expired code and link, and creates nothing", async () => {
    const form = workspaceForm();
    await postSignUp(form, ip);
    const { code, token } = await readSignUpEmail(form.email);
    await prisma.verification.updateMany({ where: { target: form.email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const byCode = await postSignUpCode(form.email, code!, ip);
    const byLink = await postSignUpLink(token!, ip);
    for (const response of [byCode, byLink]) {
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ failure: "This sign-up link or code has expired." });
    }
    expect(await prisma.user.count({ where: { email: form.email } })).toBe(0);
  });

  it("rate-limits repeated requests for one address", async () => {
    const form = workspaceForm();
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await postSignUp(form, freshIp())).status);
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
  });

  it("rate-limits requests from one client address", async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await postSignUp(workspaceForm(), ip)).status);
    expect(statuses.slice(0, 10).every((status) => status === 303)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
