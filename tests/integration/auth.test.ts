// Seller sign-in: one email with a code and a scanner-safe link; hashed secrets; database sessions.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { deliverDueEmails } from "~/utils/email.server";
import { hashSecret } from "~/utils/crypto.server";
import * as login from "~/routes/login";
import * as verify from "~/routes/auth.verify";
import * as logout from "~/routes/logout";
import * as devOutbox from "~/routes/dev.outbox";
import * as deals from "~/routes/_seller.deals._index";
import { createOrganization } from "~/models/organization.server";
import { callAction, callLoader } from "../fixtures/routes";
import { uniqueSuffix } from "../fixtures/world";
import { opened } from "../fixtures/buyers";

let email: string;
let userId: string;
// Each test uses its own "client IP" so the per-IP rate limit of one test never leaks into another.
let ip: string;

beforeEach(async () => {
  email = `rep-${uniqueSuffix()}@example.test`;
  ip = `10.0.0.${Math.floor(Math.random() * 250)}-${uniqueSuffix()}`;
  const { admin } = await createOrganization({ name: "Auth Co", timezone: "UTC", admin: { email, name: "Ada" } });
  userId = admin.id;
});

async function requestSignIn(address = email) {
  return callAction(login.action, { path: "/login", form: { email: address }, ip });
}

/** The code and the link of the newest sign-in email to `to`, read the way a person would. */
async function readSignInEmail(to = email) {
  await deliverDueEmails();
  const row = opened(await prisma.emailOutbox.findFirstOrThrow({ where: { to, kind: "SIGN_IN" }, orderBy: { createdAt: "desc" } }));
  const code = /\b(\d{6})\b/.exec(row.text)?.[1];
  const token = /token=([A-Za-z0-9_-]+)/.exec(row.text)?.[1];
  if (!code || !token) throw new Error(`No code or link in: ${row.text}`);
  return { code, token, row };
}

function postLink(token: string) {
  return callAction(verify.action, { path: `/auth/verify?token=${token}`, form: { intent: "link", token }, ip });
}

function postCode(code: string, address = email) {
  return callAction(verify.action, { path: "/auth/verify", form: { intent: "code", email: address, code }, ip });
}

describe("requesting a sign-in", () => {
  it("emails one code and one link, storing only their hashes", async () => {
    const response = await requestSignIn(email.toUpperCase());
    expect(response.status).toBe(302);
    const { code, token, row } = await readSignInEmail();
    expect(row.html).toContain(code);
    expect(row.text).toContain(`/auth/verify?token=${token}`);
    // Outside production with no RESEND_API_KEY, the email is captured for /dev/outbox.
    expect(row.status).toBe("CAPTURED");

    const verification = await prisma.verification.findFirstOrThrow({ where: { target: email } });
    expect(verification.linkTokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(verification)).not.toContain(code);
    expect(JSON.stringify(verification)).not.toContain(token);
    expect(verification.expiresAt.getTime() - verification.createdAt.getTime()).toBe(15 * 60_000);
  });

  it("keeps the captured email sealed in the database, and shows it opened on /dev/outbox", async () => {
    await requestSignIn();
    const { code, token, row } = await readSignInEmail();
    const stored = await prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(`${stored.html} ${stored.text}`).not.toContain(token);
    expect(`${stored.html} ${stored.text}`).not.toMatch(new RegExp(`\\b${code}\\b`));

    const page = await callLoader(devOutbox.loader, { path: `/dev/outbox?to=${encodeURIComponent(email)}` });
    const shown = (page.body as Awaited<ReturnType<typeof devOutbox.loader>>).emails[0];
    expect(shown.text).toContain(code);
    expect(shown.text).toContain(`/auth/verify?token=${token}`);
    expect(shown.html).toContain(code);
  });

  it("answers an unknown email exactly like a known one, and sends nothing", async () => {
    const stranger = `nobody-${uniqueSuffix()}@example.test`;
    const known = await requestSignIn();
    const unknown = await requestSignIn(stranger);
    expect(unknown.status).toBe(known.status);
    expect(unknown.headers.get("Location")).toBe(known.headers.get("Location")?.replace(encodeURIComponent(email), encodeURIComponent(stranger)));
    expect(await prisma.emailOutbox.count({ where: { to: stranger } })).toBe(0);
  });

  it("rejects a malformed email with a field error", async () => {
    const response = await requestSignIn("not-an-email");
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain("valid email");
  });

  it("rate-limits repeated requests for one email", async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await requestSignIn()).status);
    expect(statuses.slice(0, 5)).toEqual([302, 302, 302, 302, 302]);
    expect(statuses[5]).toBe(429);
  });
});

describe("the emailed link", () => {
  it("does nothing on GET: the code stays unused and no session is made", async () => {
    await requestSignIn();
    const { token } = await readSignInEmail();
    const sessionsBefore = await prisma.session.count({ where: { userId } });

    const page = await callLoader(verify.loader, { path: `/auth/verify?token=${token}` });
    expect(page.status).toBe(200);
    expect(page.headers.get("Set-Cookie")).toBeNull();
    expect(await prisma.session.count({ where: { userId } })).toBe(sessionsBefore);
    const verification = await prisma.verification.findFirstOrThrow({ where: { target: email } });
    expect(verification.usedAt).toBeNull();
  });

  it("signs in on POST with a new database session, and refuses the same link a second time", async () => {
    await requestSignIn();
    const { token } = await readSignInEmail();

    const first = await postLink(token);
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/deals");
    const setCookie = first.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^mutual_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(await prisma.session.count({ where: { userId } })).toBe(1);

    const cookie = setCookie.split(";")[0];
    const list = await callLoader(deals.loader, { path: "/deals", cookie });
    expect(list.status).toBe(200);

    const second = await postLink(token);
    expect(second.status).toBe(400);
    expect(second.body).toMatchObject({ failure: "This sign-in link or code was already used, or a newer one was sent." });
    expect(second.headers.get("Set-Cookie")).toBeNull();
    expect(await prisma.session.count({ where: { userId } })).toBe(1);
  });

  it("refuses an expired link", async () => {
    await requestSignIn();
    const { token } = await readSignInEmail();
    await prisma.verification.updateMany({ where: { target: email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await postLink(token);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ failure: "This sign-in link or code has expired." });
  });

  it("refuses a made-up token", async () => {
    const response = await postLink("made-up-token");
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ failure: "This sign-in link or code is not valid." });
  });

  it("stops working once a newer link was requested", async () => {
    await requestSignIn();
    const old = await readSignInEmail();
    await requestSignIn();
    const response = await postLink(old.token);
    expect(response.status).toBe(400);
  });
});

describe("the typed code", () => {
  it("signs in with the right code", async () => {
    await requestSignIn();
    const { code } = await readSignInEmail();
    const response = await postCode(code);
    expect(response.status).toBe(302);
    expect(await prisma.session.count({ where: { userId } })).toBe(1);
  });

  it("allows 5 wrong tries, then refuses even the right code", async () => {
    await requestSignIn();
    const { code } = await readSignInEmail();
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 1; i <= 4; i++) {
      const response = await postCode(wrong);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(`${5 - i} ${5 - i === 1 ? "try" : "tries"} left`);
    }
    const fifth = await postCode(wrong);
    expect(fifth.body).toMatchObject({ failure: expect.stringContaining("Too many wrong codes") });
    const right = await postCode(code);
    expect(right.status).toBe(400);
    expect(await prisma.session.count({ where: { userId } })).toBe(0);
  });

  it("refuses a code that was already used through the link", async () => {
    await requestSignIn();
    const { code, token } = await readSignInEmail();
    expect((await postLink(token)).status).toBe(302);
    const response = await postCode(code);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ failure: "This sign-in link or code was already used, or a newer one was sent." });
  });
});

describe("sessions", () => {
  it("are database rows: signing out deletes the row and the cookie stops working", async () => {
    await requestSignIn();
    const { token } = await readSignInEmail();
    const cookie = (await postLink(token)).headers.get("Set-Cookie")!.split(";")[0];
    const session = await prisma.session.findFirstOrThrow({ where: { userId } });
    // The cookie carries a random token; the row holds only its hash.
    expect(cookie).not.toContain(session.tokenHash);

    const out = await callAction(logout.action, { path: "/logout", cookie });
    expect(out.status).toBe(302);
    expect(await prisma.session.count({ where: { userId } })).toBe(0);
    const after = await callLoader(deals.loader, { path: "/deals", cookie });
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/login/);
  });

  it("give each sign-in a new session id", async () => {
    await requestSignIn();
    const first = (await postLink((await readSignInEmail()).token)).headers.get("Set-Cookie");
    await requestSignIn();
    const second = (await postLink((await readSignInEmail()).token)).headers.get("Set-Cookie");
    expect(first).not.toEqual(second);
    expect(await prisma.session.count({ where: { userId } })).toBe(2);
  });

  it("end when the user is deactivated", async () => {
    await requestSignIn();
    const cookie = (await postLink((await readSignInEmail()).token)).headers.get("Set-Cookie")!.split(";")[0];
    await prisma.user.update({ where: { id: userId }, data: { deactivatedAt: new Date() } });
    const response = await callLoader(deals.loader, { path: "/deals", cookie });
    expect(response.status).toBe(302);
    expect(await prisma.session.count({ where: { userId } })).toBe(0);
  });
});
