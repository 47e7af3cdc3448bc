// Which emails a person gets: their own choices on /settings/notifications and on the signed
// /email/preferences page, their organization's defaults (admins only), and the one-click stop.
// Security email always goes (docs/notifications.md, "Choosing which emails you get").
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { queueEmail } from "~/utils/email.server";
import { preferencesLink, stopLink } from "~/utils/unsubscribe.server";
import { EMAIL_KINDS, emailKindsFor } from "~/models/email-kinds";
import * as settingsPage from "~/routes/_seller.settings.notifications";
import * as preferencesPage from "~/routes/email.preferences";
import * as stopPage from "~/routes/email.stop";
import * as login from "~/routes/login";
import { callAction, callLoader } from "../fixtures/routes";
import { freshIp, post, type Form } from "../fixtures/buyers";
import { buyerAssigns, buyerColleague, emailsOf, sharedPlanWithBuyer } from "../fixtures/notifications";
import { cookieFor, createTenant, type Tenant } from "../fixtures/world";

const PAGE = "/settings/notifications";
const BASE = "http://localhost:3000";
let tenant: Tenant;
let stranger: Tenant;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  tenant = await createTenant("Choices");
  stranger = await createTenant("Elsewhere");
  for (const who of ["rep", "manager", "admin"] as const) cookies[who] = await cookieFor(tenant[who].id);
  cookies.strangerAdmin = await cookieFor(stranger.admin.id);
});

const settingsLoad = (cookie: string) => callLoader(settingsPage.loader, { path: PAGE, cookie });
const settingsPost = (cookie: string, form: Form) => post(settingsPage.action, { path: PAGE, cookie, form });
type Settings = Awaited<ReturnType<typeof settingsPage.loader>>["data"]["settings"];
const settingsOf = async (cookie: string) => ((await settingsLoad(cookie)).body as { settings: Settings }).settings;

/** Every seller kind ticked but these. */
const allBut = (...off: string[]) => emailKindsFor("SELLER").filter((kind) => !off.includes(kind));

async function orgVersion(organizationId: string) {
  return (await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } })).version;
}

/** Queues an email of `kind` to `to` as the app does, and returns how it was stored. */
async function queued(kind: string, to: string, organizationId: string, containsSecret = false) {
  const key = `test:${kind}:${to}:${Math.random()}`;
  await prisma.$transaction((tx) =>
    queueEmail(tx, { kind, to, organizationId, containsSecret, subject: "s", html: "<p>h</p>", text: "t", idempotencyKey: key }),
  );
  return (await prisma.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey: key } })).status;
}

describe("/settings/notifications", () => {
  it("shows each seller kind as the organization's default until the person chooses, and defaults to admins only", async () => {
    const rep = await settingsOf(cookies.rep);
    expect(rep.choices.map((c) => c.kind)).toEqual(emailKindsFor("SELLER"));
    expect(rep.choices.every((c) => c.on && c.ownChoice === null && c.onByDefault)).toBe(true);
    expect(rep).toMatchObject({ email: tenant.rep.email, timezone: "", organizationTimezone: "Europe/Berlin", defaults: null });
    expect((await settingsOf(cookies.manager)).defaults).toBeNull();
    const admin = await settingsOf(cookies.admin);
    expect(admin.defaults!.kinds.map((k) => k.kind)).toEqual(Object.keys(EMAIL_KINDS));
  });

  it("saves a person's choices and timezone with a 303, records what they turned off, and the next email follows them", async () => {
    const saved = await settingsPost(cookies.rep, { intent: "save-choices", on: allBut("BUYER_CHANGES"), timezone: "Asia/Tokyo" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe(`${PAGE}#your-emails`);
    expect(await prisma.emailPreference.findMany({ where: { email: tenant.rep.email }, select: { kind: true, enabled: true } })).toEqual([
      { kind: "BUYER_CHANGES", enabled: false },
    ]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: tenant.rep.id } })).timezone).toBe("Asia/Tokyo");
    const audit = await prisma.auditEvent.findMany({ where: { action: "email.opted_out", actorUserId: tenant.rep.id } });
    expect(audit.map((a) => [a.organizationId, a.detail])).toEqual([[tenant.organization.id, JSON.stringify({ emails: "BUYER_CHANGES" })]]);
    const choice = (await settingsOf(cookies.rep)).choices.find((c) => c.kind === "BUYER_CHANGES");
    expect(choice).toMatchObject({ on: false, ownChoice: false, onByDefault: true });
    expect(await queued("BUYER_CHANGES", tenant.rep.email, tenant.organization.id)).toBe("SUPPRESSED");

    expect((await settingsPost(cookies.rep, { intent: "save-choices", on: allBut(), timezone: "" })).status).toBe(303);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: tenant.rep.id } })).timezone).toBeNull();
    expect(await queued("BUYER_CHANGES", tenant.rep.email, tenant.organization.id)).toBe("PENDING");
  });

  it.each([
    { form: { on: allBut(), timezone: "Mars/Olympus_Mons" }, field: "timezone", error: "Choose a timezone from the list" },
    { form: { on: [...allBut(), "SIGN_IN"], timezone: "" }, field: "on", error: "Choose among the emails listed" },
    { form: { on: [...allBut(), "STALE_PLAN_NUDGE"], timezone: "" }, field: "on", error: "Choose among the emails listed" },
  ])("refuses $field with 400 and a field error, storing nothing", async ({ form, field, error }) => {
    const before = await prisma.emailPreference.count();
    const refused = await settingsPost(cookies.manager, { intent: "save-choices", ...form });
    expect(refused.status).toBe(400);
    expect((refused.body as { result: { error: Record<string, string[]> } }).result.error[field]).toEqual([error]);
    expect(await prisma.emailPreference.count()).toBe(before);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: tenant.manager.id } })).timezone).toBeNull();
  });

  it("lets only an admin change the organization's defaults (403 for anyone else), and a stale form gets 409", async () => {
    const form = { intent: "save-defaults", on: Object.keys(EMAIL_KINDS).filter((k) => k !== "WEEKLY_DIGEST" && k !== "STALE_PLAN_NUDGE") };
    for (const who of ["rep", "manager"] as const) {
      expect((await settingsPost(cookies[who], { ...form, version: await orgVersion(tenant.organization.id) })).status).toBe(403);
    }
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: tenant.organization.id } })).emailKindsOffByDefault).toBe("");

    const version = await orgVersion(tenant.organization.id);
    const saved = await settingsPost(cookies.admin, { ...form, version });
    expect(saved.status).toBe(303);
    const org = await prisma.organization.findUniqueOrThrow({ where: { id: tenant.organization.id } });
    expect(org.emailKindsOffByDefault).toBe("STALE_PLAN_NUDGE WEEKLY_DIGEST");
    expect(org.version).toBe(version + 1);
    expect(await prisma.auditEvent.count({ where: { organizationId: org.id, action: "settings.updated", actorUserId: tenant.admin.id } })).toBe(1);
    expect((await settingsPost(cookies.admin, { ...form, on: [], version })).status).toBe(409);

    // Off by default: held back, unless the person turned it on; their page says which is which.
    expect(await queued("WEEKLY_DIGEST", tenant.rep.email, tenant.organization.id)).toBe("SUPPRESSED");
    expect((await settingsPost(cookies.manager, { intent: "save-choices", on: allBut(), timezone: "" })).status).toBe(303);
    expect(await queued("WEEKLY_DIGEST", tenant.manager.email, tenant.organization.id)).toBe("PENDING");
    const rep = (await settingsOf(cookies.rep)).choices.find((c) => c.kind === "WEEKLY_DIGEST");
    expect(rep).toMatchObject({ on: false, ownChoice: null, onByDefault: false });
    await prisma.organization.update({ where: { id: org.id }, data: { emailKindsOffByDefault: "" } });
  });

  it("never lets another organization's people change anything of ours", async () => {
    const ourPeople = [tenant.rep.email, tenant.manager.email, tenant.admin.email, tenant.otherRep.email];
    const ours = async () => ({
      org: await prisma.organization.findUniqueOrThrow({ where: { id: tenant.organization.id }, select: { emailKindsOffByDefault: true, version: true } }),
      prefs: await prisma.emailPreference.findMany({ where: { email: { in: ourPeople } }, orderBy: [{ email: "asc" }, { kind: "asc" }] }),
      zones: await prisma.user.findMany({ where: { organizationId: tenant.organization.id }, select: { id: true, timezone: true }, orderBy: { id: "asc" } }),
    });
    const before = await ours();
    // Posting our organization's version changes only theirs (or gets a 409 when theirs differs).
    const theirs = await settingsPost(cookies.strangerAdmin, { intent: "save-defaults", on: [], version: before.org.version });
    expect([303, 409]).toContain(theirs.status);
    expect((await settingsPost(cookies.strangerAdmin, { intent: "save-choices", on: [], timezone: "UTC" })).status).toBe(303);
    expect(await ours()).toEqual(before);
    // What they saved is their own: their timezone and their own address's choices.
    expect((await prisma.user.findUniqueOrThrow({ where: { id: stranger.admin.id } })).timezone).toBe("UTC");
    expect(await prisma.emailPreference.count({ where: { email: stranger.admin.email, enabled: false } })).toBe(emailKindsFor("SELLER").length);
    expect((await settingsOf(cookies.strangerAdmin)).email).toBe(stranger.admin.email);
  });

  it("sends the signed-out to sign in", async () => {
    const anonymous = await settingsLoad("");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect((await settingsPost("", { intent: "save-choices", on: [], timezone: "" })).status).toBe(302);
  });
});

describe("security email", () => {
  it("always goes, whatever the person or the organization chose", async () => {
    await prisma.emailPreference.createMany({
      data: ["SIGN_IN", "SELLER_INVITE", "BUYER_INVITE"].map((kind) => ({ email: tenant.rep.email, kind, enabled: false })),
    });
    await prisma.organization.update({ where: { id: tenant.organization.id }, data: { emailKindsOffByDefault: Object.keys(EMAIL_KINDS).join(" ") } });
    try {
      expect((await callAction(login.action, { path: "/login", form: { email: tenant.rep.email }, ip: freshIp() })).status).toBeLessThan(400);
      const signIn = await prisma.emailOutbox.findFirstOrThrow({ where: { to: tenant.rep.email, kind: "SIGN_IN" }, orderBy: { createdAt: "desc" } });
      expect(signIn.status).not.toBe("SUPPRESSED");
    } finally {
      await prisma.organization.update({ where: { id: tenant.organization.id }, data: { emailKindsOffByDefault: "" } });
    }
  });
});

describe("the one-click stop", () => {
  it("works from a new kind's email, and for every kind a person may stop", async () => {
    const p = await sharedPlanWithBuyer(tenant.otherRep.id);
    const carl = await buyerColleague(p.deal.id, true);
    await buyerAssigns(p.plan.id, p.cookie, p.buyerStep.id, carl.participant.id);
    const [email] = await emailsOf("STEP_ASSIGNED", carl.participant.email);
    const url = new URL(/(https?:\/\/\S+\/email\/stop\?[^\s\])]+?)\.?(?:\s|\]|$)/.exec(email.text)![1]);
    const stopped = await callAction(stopPage.action, { path: url.pathname + url.search, form: { "List-Unsubscribe": "One-Click" }, ip: freshIp() });
    expect(stopped.body).toMatchObject({ stopped: true, email: carl.participant.email });
    await buyerAssigns(p.plan.id, p.cookie, p.buyerStep.id, p.buyer.id);
    await buyerAssigns(p.plan.id, p.cookie, p.buyerStep.id, carl.participant.id);
    expect((await emailsOf("STEP_ASSIGNED", carl.participant.email)).map((e) => e.status)).toEqual(["PENDING", "SUPPRESSED"]);

    const address = `someone-${Math.random().toString(36).slice(2)}@buyer.example`;
    for (const kind of Object.keys(EMAIL_KINDS)) {
      const link = new URL(stopLink(BASE, address, kind));
      const done = await callAction(stopPage.action, { path: link.pathname + link.search, form: { "List-Unsubscribe": "One-Click" }, ip: freshIp() });
      expect(done.body).toMatchObject({ stopped: true });
    }
    expect(await prisma.emailPreference.count({ where: { email: address, enabled: false } })).toBe(Object.keys(EMAIL_KINDS).length);
  });
});

describe("/email/preferences", () => {
  const linkFor = (email: string) => new URL(preferencesLink(BASE, email));
  const open = (url: URL, ip = freshIp()) => callLoader(preferencesPage.loader, { path: url.pathname + url.search, ip });
  const save = (url: URL, on: string[], ip = freshIp()) => post(preferencesPage.action, { path: url.pathname + url.search, form: { on }, ip });
  type Page = { valid: true; email: string; choices: Array<{ kind: string; on: boolean; ownChoice: boolean | null }> };

  it("shows a buyer the buyer kinds and a seller the seller kinds, and the GET changes nothing", async () => {
    const p = await sharedPlanWithBuyer(tenant.rep.id);
    const before = await prisma.emailPreference.count();
    const buyer = (await open(linkFor(p.buyer.email))).body as Page;
    expect(buyer.choices.map((c) => c.kind)).toEqual(emailKindsFor("BUYER"));
    const seller = (await open(linkFor(tenant.manager.email))).body as Page;
    expect(seller.choices.map((c) => c.kind)).toEqual(emailKindsFor("SELLER"));
    expect(await prisma.emailPreference.count()).toBe(before);
  });

  it("saves a buyer's choices with a 303 back to the page, with an audit row per kind turned off", async () => {
    const p = await sharedPlanWithBuyer(tenant.rep.id);
    const url = linkFor(p.buyer.email);
    const on = emailKindsFor("BUYER").filter((kind) => kind !== "STALE_PLAN_NUDGE" && kind !== "STEP_DUE_SOON");
    const saved = await save(url, on);
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe(`${url.pathname}${url.search}&saved=1`);
    const rows = await prisma.emailPreference.findMany({ where: { email: p.buyer.email }, orderBy: { kind: "asc" }, select: { kind: true, enabled: true } });
    // By address, every box is stored as the buyer's own choice: each organization sends by its own default otherwise.
    const off = new Set(["STALE_PLAN_NUDGE", "STEP_DUE_SOON"]);
    expect(rows).toEqual([...emailKindsFor("BUYER")].sort().map((kind) => ({ kind, enabled: !off.has(kind) })));
    expect(await prisma.auditEvent.count({ where: { action: "email.opted_out", actorEmail: p.buyer.email } })).toBe(2);
    const page = (await open(new URL(`${url}&saved=1`))).body as Page & { saved: boolean };
    expect(page.saved).toBe(true);
    expect(page.choices.find((c) => c.kind === "STEP_DUE_SOON")).toMatchObject({ on: false, ownChoice: false });
    expect(page.choices.find((c) => c.kind === "STEP_OVERDUE")).toMatchObject({ on: true, ownChoice: true });
    expect(await queued("STEP_DUE_SOON", p.buyer.email, tenant.organization.id)).toBe("SUPPRESSED");

    const refused = await save(url, [...on, "WEEKLY_DIGEST"]);
    expect(refused.status).toBe(400);
    expect((refused.body as { answer: { result: { error: Record<string, string[]> } } }).answer.result.error.on).toEqual(["Choose among the emails listed"]);
  });

  it("answers a forged or cut link with a 400 page and changes nothing", async () => {
    const forged = new URL(`${BASE}/email/preferences?e=${encodeURIComponent(tenant.admin.email)}&s=${"0".repeat(64)}`);
    expect((await open(forged)).status).toBe(400);
    expect((await open(new URL(`${BASE}/email/preferences`))).status).toBe(400);
    const other = linkFor(tenant.rep.email);
    const swapped = new URL(`${BASE}/email/preferences?e=${encodeURIComponent(tenant.admin.email)}&s=${other.searchParams.get("s")}`);
    for (const url of [forged, swapped]) {
      const refused = await save(url, []);
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({ valid: false });
    }
    expect(await prisma.emailPreference.count({ where: { email: tenant.admin.email } })).toBe(0);
  });

  it("limits saves per client address like the one-click stop", async () => {
    const ip = freshIp();
    const url = linkFor(tenant.admin.email);
    for (let i = 0; i < 30; i++) expect((await save(url, emailKindsFor("SELLER"), ip)).status).toBe(303);
    const refused = await save(url, [], ip);
    expect(refused.status).toBe(429);
    expect(await prisma.emailPreference.count({ where: { email: tenant.admin.email, enabled: false } })).toBe(0);
  });
});
