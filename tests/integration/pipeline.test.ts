// The pipeline list and the deal's archive: dates in one range, a row with an unreadable date
// that breaks only its own deal, archive/restore/delete with their permissions, paging and search
// on the signal cache, and GET loaders that never write the cache.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as list from "~/routes/_seller.deals._index";
import * as newDeal from "~/routes/_seller.deals.new";
import * as dealPage from "~/routes/_seller.deals.$dealId/route";
import { createDeal } from "~/models/deal.server";
import { visibleDealsSql, visibleDealsWhere } from "~/models/actor.server";
import { refreshAllSignalCaches, refreshDealSignals } from "~/models/signals.server";
import { PIPELINE_PAGE_SIZE } from "~/domain/pipeline";
import { callAction, callLoader } from "../fixtures/routes";
import { actorFor, addDealWithPlan, cookieFor, createTenant, uniqueSuffix, type Tenant } from "../fixtures/world";

type List = Awaited<ReturnType<typeof list.loader>>;
type DealPage = Awaited<ReturnType<typeof dealPage.loader>>["data"];

let A: Tenant;
let B: Tenant;
const cookies = { rep: "", otherRep: "", manager: "", admin: "", bRep: "", bAdmin: "" };

beforeAll(async () => {
  A = await createTenant("Pipeline");
  B = await createTenant("Elsewhere");
  cookies.rep = await cookieFor(A.rep.id);
  cookies.otherRep = await cookieFor(A.otherRep.id);
  cookies.manager = await cookieFor(A.manager.id);
  cookies.admin = await cookieFor(A.admin.id);
  cookies.bRep = await cookieFor(B.rep.id);
  cookies.bAdmin = await cookieFor(B.admin.id);
});

const listAs = async (cookie: string, query = "") => (await callLoader(list.loader, { path: `/deals${query}`, cookie })).body as List;
const pageOf = (cookie: string, dealId: string) => callLoader(dealPage.loader, { path: `/deals/${dealId}`, params: { dealId }, cookie });
const post = (cookie: string, dealId: string, form: Record<string, string | number>) =>
  callAction(dealPage.action, { path: `/deals/${dealId}`, params: { dealId }, cookie, form });
const fieldErrors = (body: unknown) => (body as { result: { error: Record<string, string[]> } }).result.error;

const NEW_DEAL = {
  name: "Range deal",
  amount: "1000",
  currency: "USD",
  stage: "3",
  targetCloseDate: "2027-02-26",
  repForecastCategory: "PIPELINE",
  planMode: "template",
};

describe("one accepted range of dates", () => {
  it.each([
    ["a plan start in 9999", { planStartDate: "9999-12-01" }, "planStartDate", "Choose a date between 1 Jan 2000 and 31 Dec 2099."],
    ["a plan start in year 1", { planStartDate: "0001-01-01" }, "planStartDate", "Choose a date between 1 Jan 2000 and 31 Dec 2099."],
    [
      "a close date that does not exist",
      { targetCloseDate: "2026-02-31", planMode: "none" },
      "targetCloseDate",
      "Target close date is not a real date. Choose a date between 1 Jan 2000 and 31 Dec 2099.",
    ],
    [
      "a plan start after the close date",
      { planStartDate: "2027-03-01" },
      "planStartDate",
      "The plan cannot start after the target close date (26 Feb 2027). Choose an earlier start.",
    ],
  ])("refuses %s with a field error and creates nothing", async (_, fields, field, message) => {
    const before = await prisma.deal.count();
    const result = await callAction(newDeal.action, {
      path: "/deals/new",
      cookie: cookies.rep,
      form: { ...NEW_DEAL, accountName: `Range ${uniqueSuffix()}`, ...fields },
    });
    expect(result.status).toBe(400);
    expect(fieldErrors(result.body)).toEqual({ [field]: [message] });
    expect(await prisma.deal.count()).toBe(before);
  });

  it("refuses a template start whose steps would leave the range, and writes no year past 9999", async () => {
    const deal = await createDeal(A.repActor, {
      ...NEW_DEAL,
      stage: 3,
      amount: 1000,
      currency: "USD",
      repForecastCategory: "PIPELINE",
      accountName: "Late Co",
      targetCloseDate: "2099-12-31",
      planMode: "none",
    });
    const result = await post(cookies.rep, deal.id, { intent: "create-plan", planMode: "template", planStartDate: "2099-12-01" });
    expect(result.status).toBe(400);
    expect(fieldErrors(result.body)).toEqual({ planStartDate: ["The template's last step would fall after 31 Dec 2099. Choose an earlier start."] });
    expect(await prisma.plan.count({ where: { dealId: deal.id } })).toBe(0);
  });

  it("refuses a milestone date outside the range", async () => {
    const { deal } = A.repDeal;
    const result = await post(cookies.rep, deal.id, {
      intent: "add-milestone",
      title: "Far away",
      output: "",
      ownerSide: "SELLER",
      ownerParticipantId: "",
      targetDate: "9999-01-01",
      status: "NOT_STARTED",
      gatesStage: "",
    });
    expect(result.status).toBe(400);
    expect(fieldErrors(result.body)).toEqual({ targetDate: ["Choose a date between 1 Jan 2000 and 31 Dec 2099."] });
  });
});

describe("a stored date the app cannot read", () => {
  it.each(["+010000-01-01", "2026-02-31", "9999-12-01"])("in a deal's close date (%s) breaks only that deal", async (bad) => {
    const { deal } = await addDealWithPlan(A.repActor, `Broken ${uniqueSuffix()}`);
    await prisma.deal.update({ where: { id: deal.id }, data: { targetCloseDate: bad } });
    const { milestones } = await addDealWithPlan(A.repActor, `Also broken ${uniqueSuffix()}`);
    await prisma.milestone.update({ where: { id: milestones[2].id }, data: { targetDate: bad } });
    await refreshAllSignalCaches();

    const cached = await prisma.dealSignalCache.findUniqueOrThrow({ where: { dealId: deal.id } });
    expect(cached).toMatchObject({ unreadableDate: true, healthScore: 0, overCalled: false });
    expect((await prisma.dealSignalCache.findUniqueOrThrow({ where: { dealId: A.repDeal.deal.id } })).unreadableDate).toBe(false);

    const rows = (await listAs(cookies.rep)).deals;
    expect(rows.find((r) => r.id === deal.id)).toMatchObject({ unreadableDate: "the target close date", signals: null });
    expect(rows.find((r) => r.id === A.repDeal.deal.id)!.signals).not.toBeNull();
    expect(rows.some((r) => r.unreadableDate === `the target date of “${milestones[2].title}”`)).toBe(true);

    const broken = await pageOf(cookies.rep, deal.id);
    expect(broken.status).toBe(200);
    expect(broken.body as DealPage).toMatchObject({ signals: null, unreadableDate: "the target close date" });
    expect(((await pageOf(cookies.rep, A.repDeal.deal.id)).body as DealPage).signals).not.toBeNull();

    // Its owner fixes the date from the deal page, and the figures come back.
    const stored = await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } });
    const fixed = await post(cookies.rep, deal.id, {
      intent: "update-deal",
      accountName: stored.accountName,
      name: stored.name,
      amount: stored.amount,
      currency: stored.currency,
      stage: stored.stage,
      targetCloseDate: "2027-03-31",
      repForecastCategory: stored.repForecastCategory,
      outcome: stored.outcome,
      version: stored.version,
    });
    expect(fixed.status).toBeLessThan(400);
    expect((await prisma.dealSignalCache.findUniqueOrThrow({ where: { dealId: deal.id } })).unreadableDate).toBe(false);
  });
});

describe("archive, restore and delete", () => {
  const archive = (cookie: string, dealId: string, version: number) => post(cookie, dealId, { intent: "archive-deal", version });

  it("lets the owner archive and restore: the deal leaves the list, waits under Archived, and the history says so", async () => {
    const { deal } = await addDealWithPlan(A.repActor, `Archivable ${uniqueSuffix()}`);
    const result = await archive(cookies.rep, deal.id, (await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } })).version);
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe(`/deals/${deal.id}`);
    expect((await prisma.dealSignalCache.findUniqueOrThrow({ where: { dealId: deal.id } })).archived).toBe(true);
    expect((await listAs(cookies.rep)).deals.map((d) => d.id)).not.toContain(deal.id);
    expect((await listAs(cookies.rep, "?archived=1")).deals.map((d) => d.id)).toContain(deal.id);
    const activity = ((await pageOf(cookies.rep, deal.id)).body as DealPage).activity;
    expect(activity[0].action).toBe("deal.archived");

    const restored = await post(cookies.rep, deal.id, {
      intent: "restore-deal",
      version: (await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } })).version,
    });
    expect(restored.status).toBe(303);
    expect((await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } })).archivedAt).toBeNull();
    expect((await prisma.dealSignalCache.findUniqueOrThrow({ where: { dealId: deal.id } })).archived).toBe(false);
    expect((await listAs(cookies.rep)).deals.map((d) => d.id)).toContain(deal.id);
  });

  it("answers a stale version with 409 and changes nothing", async () => {
    const { deal } = await addDealWithPlan(A.repActor);
    expect((await archive(cookies.rep, deal.id, 999)).status).toBe(409);
    expect((await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } })).archivedAt).toBeNull();
  });

  it("lets a manager archive a rep's deal", async () => {
    const { deal } = await addDealWithPlan(A.otherRepActor);
    expect((await archive(cookies.manager, deal.id, (await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } })).version)).status).toBe(303);
  });

  it.each([
    ["another organization's rep", () => cookies.bRep],
    ["another organization's admin", () => cookies.bAdmin],
    ["a rep of the same team who cannot see the deal", () => cookies.otherRep],
  ])("answers %s with 404, as for a missing deal, and changes nothing", async (_, cookie) => {
    const status = 404;
    const { deal } = await addDealWithPlan(A.repActor);
    const version = (await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } })).version;
    expect((await archive(cookie(), deal.id, version)).status).toBe(status);
    expect((await post(cookie(), deal.id, { intent: "delete-deal", confirmName: deal.accountName })).status).toBe(status);
    expect(await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({ archivedAt: null, version });
  });

  it("answers 403 to a rep who sees a deal as a seller on its plan but does not own it", async () => {
    const { deal, plan } = await addDealWithPlan(A.repActor);
    await prisma.participant.create({
      data: {
        organizationId: A.organization.id,
        planId: plan.id,
        side: "SELLER",
        userId: A.otherRep.id,
        email: `helper-${uniqueSuffix()}@example.test`,
        name: "Helper",
        accessState: "ACTIVE",
      },
    });
    expect((await archive(cookies.otherRep, deal.id, (await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } })).version)).status).toBe(403);
  });

  it("deletes only for an admin who types the account name", async () => {
    const { deal } = await addDealWithPlan(A.repActor, `Doomed ${uniqueSuffix()}`);
    expect((await post(cookies.rep, deal.id, { intent: "delete-deal", confirmName: deal.accountName })).status).toBe(403);
    expect((await post(cookies.manager, deal.id, { intent: "delete-deal", confirmName: deal.accountName })).status).toBe(403);
    const wrong = await post(cookies.admin, deal.id, { intent: "delete-deal", confirmName: "something else" });
    expect(wrong.status).toBe(400);
    expect(fieldErrors(wrong.body)).toEqual({ confirmName: [`Type the account name, ${deal.accountName}, to confirm`] });
    const done = await post(cookies.admin, deal.id, { intent: "delete-deal", confirmName: deal.accountName.toUpperCase() });
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/deals");
    expect(await prisma.deal.count({ where: { id: deal.id } })).toBe(0);
    expect(await prisma.dealSignalCache.count({ where: { dealId: deal.id } })).toBe(0);
    expect((await pageOf(cookies.admin, deal.id)).status).toBe(404);
  });
});

describe("paging and search", () => {
  let tenant: Tenant;
  let cookie: string;
  beforeAll(async () => {
    tenant = await createTenant("Paging");
    cookie = await cookieFor(tenant.admin.id);
    const admin = await actorFor(tenant.admin.id);
    for (let i = 0; i < PIPELINE_PAGE_SIZE + 7; i++) {
      await createDeal(admin, {
        ...NEW_DEAL,
        stage: 2,
        amount: 1000 + i,
        currency: "USD",
        repForecastCategory: "PIPELINE",
        accountName: i === 3 ? "Zebra 100% Widgets" : `Account ${i}`,
        name: i === 5 ? "Zebra upgrade" : `Deal ${i}`,
        planMode: "none",
      });
    }
  });

  it("pages the whole list without overlap, and keeps sort and filters in the pager's links", async () => {
    const first = await listAs(cookie, "?sort=close");
    const second = await listAs(cookie, "?sort=close&page=2");
    expect(first.deals).toHaveLength(PIPELINE_PAGE_SIZE);
    expect(first.matched).toBe(PIPELINE_PAGE_SIZE + 9);
    const ids = [...first.deals, ...second.deals].map((d) => d.id);
    expect(new Set(ids).size).toBe(PIPELINE_PAGE_SIZE + 9);
    expect(second.query).toMatchObject({ sort: "close", page: 2 });
    expect((await listAs(cookie, "?page=999")).query.page).toBe(2);
  });

  it("finds deals by account or deal name, whatever the case, with % taken literally", async () => {
    const found = (await listAs(cookie, "?q=ZEBRA")).deals.map((d) => d.accountName);
    expect(found.sort()).toEqual(["Account 5", "Zebra 100% Widgets"]);
    expect((await listAs(cookie, "?q=100%25")).deals.map((d) => d.accountName)).toEqual(["Zebra 100% Widgets"]);
    expect((await listAs(cookie, "?q=1%25")).deals).toHaveLength(0);
  });

  it("shows each seller exactly the deals visibleDealsWhere allows", async () => {
    for (const user of [tenant.rep, tenant.otherRep, tenant.manager, tenant.admin]) {
      const actor = await actorFor(user.id);
      const byPrisma = (await prisma.deal.findMany({ where: visibleDealsWhere(actor), select: { id: true } })).map((d) => d.id).sort();
      const bySql = (await prisma.$queryRaw<{ id: string }[]>`SELECT d."id" AS id FROM "Deal" d WHERE ${visibleDealsSql(actor)}`).map((d) => d.id).sort();
      expect(bySql).toEqual(byPrisma);
    }
  });
});

describe("the signal cache", () => {
  it("is never written by a GET: a changed deal shows fresh figures while its row stays as it was", async () => {
    const { deal } = await addDealWithPlan(A.repActor, `Fresh ${uniqueSuffix()}`);
    await refreshDealSignals(A.organization.id, deal.id);
    await prisma.$transaction([
      prisma.deal.update({ where: { id: deal.id }, data: { outcome: "WON", closedOn: "2026-11-20" } }),
      prisma.dealSignalCache.update({ where: { dealId: deal.id }, data: { stale: true } }),
    ]);
    const before = await prisma.dealSignalCache.findMany({ where: { organizationId: A.organization.id }, orderBy: { dealId: "asc" } });
    const row = (await listAs(cookies.admin)).deals.find((d) => d.id === deal.id)!;
    expect(row.signals!.forecast.derived).toBe("CLOSED");
    await pageOf(cookies.admin, deal.id);
    expect(await prisma.dealSignalCache.findMany({ where: { organizationId: A.organization.id }, orderBy: { dealId: "asc" } })).toEqual(before);

    // The background refresh then writes it, with an upsert, and clears the mark.
    await refreshAllSignalCaches();
    expect(await prisma.dealSignalCache.findUniqueOrThrow({ where: { dealId: deal.id } })).toMatchObject({
      stale: false,
      derivedCategory: "CLOSED",
      outcome: "WON",
    });
  });

  it("recomputes every row after the organization's midnight, and nothing before", async () => {
    await refreshAllSignalCaches();
    expect(await refreshAllSignalCaches()).toBe(0);
    const tomorrow = new Date(Date.now() + 86_400_000);
    const rows = await prisma.dealSignalCache.count({ where: { organizationId: A.organization.id } });
    expect(await refreshAllSignalCaches(tomorrow)).toBeGreaterThanOrEqual(rows);
    expect(await prisma.dealSignalCache.count({ where: { organizationId: A.organization.id } })).toBe(rows);
  });
});
