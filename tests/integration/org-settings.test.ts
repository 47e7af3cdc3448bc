// The organization settings page: admins save, a bad field is a 400 with that field's error, a stale
// form a 409 with what is stored, anyone else a 403; each save writes an audit row naming the
// fields, and a new timezone or fiscal year marks every deal's cached figures stale.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { addBuyerParticipant } from "~/models/participant.server";
import { createDeal } from "~/models/deal.server";
import { refreshSignalCache } from "~/models/signals.server";
import { organizationToday } from "~/domain/dates";
import { cookieFor, createTenant, uniqueSuffix, type Tenant } from "../fixtures/world";
import { organizationVersion, settingsForm, settingsLoad, settingsPost } from "../fixtures/settings";

let A: Tenant;
let B: Tenant;
const cookies = { aAdmin: "", aRep: "", aManager: "", bAdmin: "" };

beforeAll(async () => {
  A = await createTenant("Alpha");
  B = await createTenant("Beta");
  cookies.aAdmin = await cookieFor(A.admin.id);
  cookies.aRep = await cookieFor(A.rep.id);
  cookies.aManager = await cookieFor(A.manager.id);
  cookies.bAdmin = await cookieFor(B.admin.id);
});

const errorsOf = (body: unknown) => (body as { result: { error?: Record<string, string[]> } }).result.error ?? {};
const auditRows = (organizationId: string, action: string) => prisma.auditEvent.findMany({ where: { organizationId, action }, orderBy: { createdAt: "asc" } });

describe("organization settings", () => {
  it("shows an admin their own organization's settings", async () => {
    const page = await settingsLoad(cookies.aAdmin);
    expect(page.status).toBe(200);
    const body = page.body as { settings: { name: string; version: number }; timezones: string[] };
    expect(body.settings.name).toBe(A.organization.name);
    expect(body.timezones).toContain("Pacific/Auckland");
    expect(JSON.stringify(body)).not.toContain(B.organization.id);
  });

  it("saves every field, answers 303 and writes an audit row naming the changed fields only", async () => {
    const form = await settingsForm(A.organization.id, {
      name: "Alpha Renamed",
      fiscalYearStartMonth: 4,
      allowedBuyerDomains: "Acme.com, @acme.co.uk",
      buyerInvitationDays: 14,
      ownDomains: "example.test",
      joinByDomain: "on",
    });
    const saved = await settingsPost(cookies.aAdmin, form);
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe("/settings/organization#organization");
    const org = await prisma.organization.findUniqueOrThrow({ where: { id: A.organization.id } });
    expect(org).toMatchObject({
      name: "Alpha Renamed",
      fiscalYearStartMonth: 4,
      allowedBuyerDomains: "acme.com acme.co.uk",
      buyerInvitationDays: 14,
      ownDomains: "example.test",
      joinByDomain: true,
      planDomainFromBuyer: false,
      timezone: "Europe/Berlin",
      version: Number(form.version) + 1,
    });
    const [row] = await auditRows(A.organization.id, "settings.updated");
    expect(row).toMatchObject({ actorUserId: A.admin.id, actorEmail: A.admin.email, subjectType: "ORGANIZATION", subjectId: A.organization.id });
    expect(JSON.parse(row.detail!)).toEqual({ fields: "name fiscalYearStartMonth allowedBuyerDomains buyerInvitationDays ownDomains joinByDomain" });
    expect(row.detail).not.toContain("acme.com");
    expect(row.detail).not.toContain("Alpha Renamed");
  });

  it("writes nothing for a save that changes nothing", async () => {
    const before = await prisma.auditEvent.count({ where: { organizationId: A.organization.id } });
    const version = await organizationVersion(A.organization.id);
    expect((await settingsPost(cookies.aAdmin, await settingsForm(A.organization.id))).status).toBe(303);
    expect(await organizationVersion(A.organization.id)).toBe(version);
    expect(await prisma.auditEvent.count({ where: { organizationId: A.organization.id } })).toBe(before);
  });

  it.each([
    ["timezone", "Mars/Olympus", "Choose a timezone from the list"],
    ["fiscalYearStartMonth", "13", "Choose a month from January to December"],
    ["buyerInvitationDays", "0", "Invitations last at least 1 day"],
    ["buyerInvitationDays", "31", "Invitations last at most 30 days"],
    ["buyerInvitationDays", "2.5", "Enter a whole number of days"],
    ["allowedBuyerDomains", "acme.com, not a domain", "Enter domains like acme.com, separated by commas"],
    ["ownDomains", "http://alpha.example", "Enter domains like acme.com, separated by commas"],
    ["name", "   ", "Organization name is required"],
  ])("refuses %s = %j with a 400 on that field, and saves nothing", async (field, value, message) => {
    const before = await prisma.organization.findUniqueOrThrow({ where: { id: A.organization.id } });
    const answer = await settingsPost(
      cookies.aAdmin,
      await settingsForm(A.organization.id, { [field]: value, name: field === "name" ? value : "Changed too" }),
    );
    expect(answer.status).toBe(400);
    expect(errorsOf(answer.body)[field]).toEqual([message]);
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: A.organization.id } })).toEqual(before);
  });

  it("answers a stale form with 409 and the stored values, and overwrites nothing", async () => {
    const stale = await settingsForm(A.organization.id, { name: "Stale tab" });
    expect((await settingsPost(cookies.aAdmin, await settingsForm(A.organization.id, { buyerInvitationDays: 3 }))).status).toBe(303);
    const answer = await settingsPost(cookies.aAdmin, stale);
    expect(answer.status).toBe(409);
    const conflict = (answer.body as { conflict: { current: Record<string, unknown>; yours: Record<string, unknown> } }).conflict;
    expect(conflict.current).toMatchObject({ buyerInvitationDays: 3, name: "Alpha Renamed", version: Number(stale.version) + 1 });
    expect(conflict.yours).toMatchObject({ name: "Stale tab" });
    expect(Object.keys(conflict.current)).not.toContain("id");
    const org = await prisma.organization.findUniqueOrThrow({ where: { id: A.organization.id } });
    expect(org).toMatchObject({ name: "Alpha Renamed", buyerInvitationDays: 3 });
  });

  it("refuses reps and managers with 403, on the page and the action, and changes nothing", async () => {
    for (const cookie of [cookies.aRep, cookies.aManager]) {
      expect((await settingsLoad(cookie)).status).toBe(403);
      const before = await prisma.organization.findUniqueOrThrow({ where: { id: A.organization.id } });
      const answer = await settingsPost(cookie, await settingsForm(A.organization.id, { name: "Taken over" }));
      expect(answer.status).toBe(403);
      expect(await prisma.organization.findUniqueOrThrow({ where: { id: A.organization.id } })).toEqual(before);
    }
  });

  it("keeps each admin to their own organization, whatever version or fields they post", async () => {
    const aBefore = await prisma.organization.findUniqueOrThrow({ where: { id: A.organization.id } });
    // B's admin posts A's current version: it can only ever meet B's row.
    const answer = await settingsPost(
      cookies.bAdmin,
      await settingsForm(B.organization.id, { name: "Beta only", version: aBefore.version, id: A.organization.id }),
    );
    expect([303, 409]).toContain(answer.status);
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: A.organization.id } })).toEqual(aBefore);
    expect(JSON.stringify(answer.body)).not.toContain(A.organization.name);
    const page = await settingsLoad(cookies.bAdmin);
    expect(JSON.stringify(page.body)).not.toContain(A.organization.name);
    expect(await auditRows(A.organization.id, "settings.updated").then((rows) => rows.every((r) => r.actorUserId === A.admin.id))).toBe(true);
  });
});

describe("derived figures", () => {
  it("marks every cached deal stale when the timezone or fiscal year changes, and only then", async () => {
    const today = organizationToday({ timezone: "Europe/Berlin" });
    await refreshSignalCache(A.organization.id, null, organizationToday({ timezone: "Europe/Berlin" }));
    await refreshSignalCache(B.organization.id, null, today);
    const stale = () => prisma.dealSignalCache.count({ where: { organizationId: B.organization.id, stale: true } });
    expect(await stale()).toBe(0);
    await settingsPost(cookies.bAdmin, await settingsForm(B.organization.id, { buyerInvitationDays: 5 }));
    expect(await stale()).toBe(0);
    const cached = await prisma.dealSignalCache.count({ where: { organizationId: B.organization.id } });
    expect((await settingsPost(cookies.bAdmin, await settingsForm(B.organization.id, { fiscalYearStartMonth: 2 }))).status).toBe(303);
    expect(await stale()).toBe(cached);
    expect(await prisma.dealSignalCache.count({ where: { organizationId: A.organization.id, stale: true } })).toBe(0);
    await refreshSignalCache(B.organization.id, null, today);
    expect((await settingsPost(cookies.bAdmin, await settingsForm(B.organization.id, { timezone: "Pacific/Auckland" }))).status).toBe(303);
    expect(await stale()).toBe(cached);
  });
});

describe("new plans and their buyer domains", () => {
  async function newPlanWithBuyers(tenant: Tenant, emails: string[]) {
    const deal = await createDeal(tenant.repActor, {
      accountName: `Gamma ${uniqueSuffix()}`,
      name: "Rollout",
      amount: 1000,
      currency: "USD",
      stage: 2,
      targetCloseDate: "2027-06-30",
      repForecastCategory: "PIPELINE",
      planMode: "blank",
    });
    const plan = () => prisma.plan.findUniqueOrThrow({ where: { dealId: deal.id } });
    const startDomains = (await plan()).allowedDomains;
    for (const email of emails) await addBuyerParticipant(tenant.repActor, deal.id, { name: "Buyer", email, title: "", role: "CHAMPION" });
    return { startDomains, plan: await plan() };
  }

  it("start with the organization's defaults while the setting is off", async () => {
    const { startDomains, plan } = await newPlanWithBuyers(A, ["ann@buyer.example"]);
    expect(startDomains).toBe("acme.com acme.co.uk");
    expect(plan.allowedDomains).toBe("acme.com acme.co.uk");
  });

  it("start with the first buyer's domain only when the setting is on", async () => {
    await settingsPost(cookies.aAdmin, await settingsForm(A.organization.id, { planDomainFromBuyer: "on", allowedBuyerDomains: "" }));
    const { startDomains, plan } = await newPlanWithBuyers(A, ["Ann@Buyer.Example".toLowerCase(), "bob@other.example"]);
    expect(startDomains).toBe("");
    expect(plan.allowedDomains).toBe("buyer.example");
    const history = await prisma.activity.findMany({ where: { planId: plan.id, action: "plan.updated" } });
    expect(history.map((h) => JSON.parse(h.after!))).toEqual([{ allowedDomains: "buyer.example" }]);
  });

  it("never start with a domain the organization's own list leaves out", async () => {
    await settingsPost(cookies.aAdmin, await settingsForm(A.organization.id, { planDomainFromBuyer: "on", allowedBuyerDomains: "acme.com" }));
    expect((await newPlanWithBuyers(A, ["eve@gmail.com"])).plan.allowedDomains).toBe("");
    expect((await newPlanWithBuyers(A, ["ann@acme.com"])).plan.allowedDomains).toBe("acme.com");
  });
});
