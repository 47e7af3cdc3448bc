// An admin invites a seller; the emailed link's page changes nothing on GET; accepting creates the
// account with the invited role and team and signs the person in. Ended links say so plainly.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { openedBody } from "~/utils/sealed.server";
import * as people from "~/routes/_seller.settings.people";
import * as join from "~/routes/join.($token)";
import * as layout from "~/routes/_seller";
import { CANNOT_INVITE } from "~/models/seller-invitation.server";
import { callAction, callLoader } from "../fixtures/routes";
import { cookieFor, createTenant, uniqueSuffix, type Tenant } from "../fixtures/world";

let A: Tenant;
let B: Tenant;
let adminCookie = "";
let teamId = "";

beforeAll(async () => {
  A = await createTenant("Inviting");
  B = await createTenant("Elsewhere");
  adminCookie = await cookieFor(A.admin.id);
  teamId = (await prisma.team.findFirstOrThrow({ where: { organizationId: A.organization.id } })).id;
});
beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
});

const invite = (form: Record<string, string>, cookie = adminCookie) =>
  callAction(people.action, { path: "/settings/people", cookie, form: { intent: "invite", ...form } });
const joinPage = (token: string) => callLoader(join.loader, { path: `/join/${token}`, params: { token } });
const accept = (form: Record<string, string>) => callAction(join.action, { path: "/join", form });
const fieldErrors = (body: unknown) => (body as { result: { error: Record<string, string[]> } }).result.error;

/** The link of the newest invitation email to `to`, as its recipient reads it. */
async function invitationLink(to: string) {
  const row = await prisma.emailOutbox.findFirstOrThrow({ where: { to, kind: "SELLER_INVITE" }, orderBy: { createdAt: "desc" } });
  expect(row.containsSecret).toBe(true);
  expect(row.text).not.toContain("/join/");
  const { text } = openedBody(row);
  const link = /(https?:\/\/\S+\/join\/([A-Za-z0-9_-]+))/.exec(text);
  if (!link) throw new Error(`No invitation link in: ${text}`);
  return { link: link[1], token: link[2], text };
}

async function invited(role = "REP", team = teamId) {
  const email = `new-${uniqueSuffix()}@example.test`;
  const result = await invite({ email, role, teamId: team });
  expect(result.status).toBe(303);
  return { email, ...(await invitationLink(email)) };
}

describe("inviting a seller", () => {
  it("emails a sealed link, stores only its hash, and records the invitation", async () => {
    const { email, token, text } = await invited("MANAGER");
    expect(text).toContain("as a manager on the Field team");
    const row = await prisma.sellerInvitation.findFirstOrThrow({ where: { email } });
    expect(row).toMatchObject({ role: "MANAGER", teamId, organizationId: A.organization.id, acceptedAt: null, revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 86_400_000);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "invitation.sent", subjectId: row.id } });
    expect(audit).toMatchObject({ organizationId: A.organization.id, actorUserId: A.admin.id });
  });

  it("replaces the pending invitation of the same address: the old link stops working", async () => {
    const first = await invited();
    await invite({ email: first.email, role: "ADMIN", teamId: "" });
    const second = await invitationLink(first.email);
    expect(second.token).not.toBe(first.token);
    expect(await prisma.sellerInvitation.count({ where: { email: first.email, revokedAt: null } })).toBe(1);
    expect((await joinPage(first.token)).status).toBe(410);
    expect((await accept({ token: first.token, name: "Old Link" })).status).toBe(410);
    expect(await prisma.user.count({ where: { email: first.email } })).toBe(0);
    expect((await accept({ token: second.token, name: "New Link" })).status).toBe(303);
    expect(await prisma.user.findUniqueOrThrow({ where: { email: first.email } })).toMatchObject({ role: "ADMIN", teamId: null });
  });

  it("refuses an address that has an account, here or in another organization, without naming where", async () => {
    const here = await invite({ email: A.rep.email, role: "REP", teamId: "" });
    expect(here.status).toBe(400);
    expect(fieldErrors(here.body)).toEqual({ email: ["This person is already in your organization."] });
    const elsewhere = await invite({ email: B.rep.email.toUpperCase(), role: "REP", teamId: "" });
    expect(elsewhere.status).toBe(400);
    expect(fieldErrors(elsewhere.body)).toEqual({ email: [CANNOT_INVITE] });
    expect(JSON.stringify(elsewhere.body)).not.toContain(B.organization.name);
    expect(await prisma.sellerInvitation.count({ where: { email: B.rep.email } })).toBe(0);
  });

  it("answers bad input with field errors and a foreign team with 404", async () => {
    const bad = await invite({ email: "not an address", role: "BOSS", teamId: "" });
    expect(bad.status).toBe(400);
    expect(Object.keys(fieldErrors(bad.body)).sort()).toEqual(["email", "role"]);
    const bTeam = await prisma.team.findFirstOrThrow({ where: { organizationId: B.organization.id } });
    expect((await invite({ email: `x-${uniqueSuffix()}@example.test`, role: "REP", teamId: bTeam.id })).status).toBe(404);
  });
});

describe("accepting an invitation", () => {
  it("shows who invited whom to what on GET and changes nothing, however often it is opened", async () => {
    const { email, token } = await invited();
    for (let i = 0; i < 2; i++) {
      const page = await joinPage(token);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ ended: null, view: { state: "OPEN", email, roleWords: "a rep", teamName: "Field", inviterName: A.admin.name } });
    }
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    expect((await prisma.sellerInvitation.findFirstOrThrow({ where: { email } })).acceptedAt).toBeNull();
  });

  it("sends no referrer from the link's page", () => {
    expect(new Headers(join.headers({} as never)).get("Referrer-Policy")).toBe("no-referrer");
  });

  it("creates the account with the invited role and team, signs the person in, and records it", async () => {
    const { email, token } = await invited("MANAGER");
    const result = await accept({ token, name: "Nia New", title: "Account Executive" });
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe("/deals");
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ organizationId: A.organization.id, name: "Nia New", title: "Account Executive", role: "MANAGER", teamId });
    const cookie = result.headers.get("Set-Cookie")!.split(";")[0];
    const signedIn = await callLoader(layout.loader, { path: "/deals", cookie });
    expect(signedIn.body).toEqual({ seller: { name: "Nia New", email, role: "MANAGER" } });
    const invitation = await prisma.sellerInvitation.findFirstOrThrow({ where: { email } });
    expect(invitation.acceptedAt).not.toBeNull();
    const actions = (await prisma.auditEvent.findMany({ where: { actorUserId: user.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["invitation.accepted", "seller.signed_in"]);
  });

  it("asks for a name, keeps the link usable, and creates nothing without one", async () => {
    const { email, token } = await invited();
    const result = await accept({ token, name: "  ", title: "Kept" });
    expect(result.status).toBe(400);
    expect(fieldErrors(result.body)).toEqual({ name: ["Your name is required"] });
    expect(result.body).toMatchObject({ view: { email } });
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("says plainly that a used, withdrawn, expired or made-up link cannot be used", async () => {
    const used = await invited();
    expect((await accept({ token: used.token, name: "First" })).status).toBe(303);
    expect((await joinPage(used.token)).body).toMatchObject({ ended: "USED" });
    const again = await accept({ token: used.token, name: "Second" });
    expect(again).toMatchObject({ status: 410, body: { ended: "USED" } });

    const revoked = await invited();
    const invitation = await prisma.sellerInvitation.findFirstOrThrow({ where: { email: revoked.email } });
    const withdrawn = await callAction(people.action, {
      path: "/settings/people",
      cookie: adminCookie,
      form: { intent: "revoke-invitation", invitationId: invitation.id },
    });
    expect(withdrawn.status).toBe(303);
    expect(await prisma.auditEvent.count({ where: { action: "invitation.revoked", subjectId: invitation.id } })).toBe(1);
    expect(await joinPage(revoked.token)).toMatchObject({ status: 410, body: { ended: "REVOKED" } });
    expect(await accept({ token: revoked.token, name: "Too Late" })).toMatchObject({ status: 410, body: { ended: "REVOKED" } });

    const expired = await invited();
    await prisma.sellerInvitation.updateMany({ where: { email: expired.email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await joinPage(expired.token)).toMatchObject({ status: 410, body: { ended: "EXPIRED" } });
    expect(await accept({ token: expired.token, name: "Too Late" })).toMatchObject({ status: 410, body: { ended: "EXPIRED" } });

    expect(await joinPage("made-up-token")).toMatchObject({ status: 404, body: { ended: "INVALID", view: null } });
    expect(await accept({ token: "made-up-token", name: "Nobody" })).toMatchObject({ status: 404, body: { ended: "INVALID" } });
    for (const { email } of [revoked, expired]) expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("refuses a link whose address got an account meanwhile", async () => {
    const { email, token } = await invited();
    await prisma.user.create({ data: { organizationId: B.organization.id, email, name: "Got There First", role: "REP" } });
    expect(await joinPage(token)).toMatchObject({ status: 410, body: { ended: "TAKEN" } });
    expect(await accept({ token, name: "Late" })).toMatchObject({ status: 410, body: { ended: "TAKEN" } });
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).organizationId).toBe(B.organization.id);
  });
});
