// The pipeline as CSV (docs/exports.md): the deals the list shows to this person (visibleDealsWhere),
// with the list's filters, every page at once; never another organization's deal.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as list from "~/routes/_seller.deals._index";
import * as pipelineCsv from "~/routes/deals[.]csv";
import { visibleDealsWhere } from "~/models/actor.server";
import { readCsv } from "../fixtures/csv";
import { callLoader } from "../fixtures/routes";
import { actorFor, cookieFor, createTenant, type Tenant } from "../fixtures/world";

let A: Tenant;
let B: Tenant;
const cookies = { aRep: "", aManager: "", aAdmin: "" };

beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
});

beforeAll(async () => {
  A = await createTenant("Pipeline");
  B = await createTenant("Elsewhere");
  cookies.aRep = await cookieFor(A.rep.id);
  cookies.aManager = await cookieFor(A.manager.id);
  cookies.aAdmin = await cookieFor(A.admin.id);
  await prisma.deal.update({ where: { id: A.repDeal.deal.id }, data: { externalId: "CRM-0042" } });
  await prisma.deal.update({ where: { id: A.otherRepDeal.deal.id }, data: { accountName: "@risk Holdings" } });
});

async function csvOf(cookie: string, query = "") {
  const answer = await callLoader(pipelineCsv.loader, { path: `/deals.csv${query}`, cookie });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("Cache-Control")).toBe("no-store");
  return readCsv(String(answer.body));
}

async function pageIds(cookie: string, query = "") {
  const page = await callLoader(list.loader, { path: `/deals${query}`, cookie });
  return (page.body as { deals: Array<{ id: string }> }).deals.map((d) => d.id).sort();
}

describe("the pipeline CSV", () => {
  it("holds exactly the deals each person may see, as the page lists them, and none of another organization", async () => {
    for (const userId of [A.rep.id, A.manager.id, A.admin.id]) {
      const cookie = await cookieFor(userId);
      const visible = await prisma.deal.findMany({ where: { ...visibleDealsWhere(await actorFor(userId)), archivedAt: null }, select: { id: true } });
      const ids = (await csvOf(cookie)).map((r) => r["Deal ID"]).sort();
      expect(ids).toEqual(visible.map((d) => d.id).sort());
      expect(ids).toEqual(await pageIds(cookie));
      expect(ids).not.toContain(B.repDeal.deal.id);
    }
    expect((await csvOf(cookies.aRep)).map((r) => r["Deal ID"])).toEqual([A.repDeal.deal.id]);
  });

  it("follows the page's filters and writes the deal's figures, external id and plan completion", async () => {
    const query = `?q=${encodeURIComponent(A.repDeal.deal.accountName)}`;
    const rows = await csvOf(cookies.aAdmin, query);
    expect(rows.map((r) => r["Deal ID"])).toEqual(await pageIds(cookies.aAdmin, query));
    expect(rows).toHaveLength(1);
    const [row] = rows;
    const steps = await prisma.milestone.count({ where: { planId: A.repDeal.plan.id } });
    expect(row).toMatchObject({
      "External ID": "CRM-0042",
      Account: A.repDeal.deal.accountName,
      Amount: "50000",
      Currency: "USD",
      Stage: "3",
      "Target close": "2027-03-31",
      "Rep call": "Pipeline",
      "Steps in plan": String(steps),
      "Steps done": "0",
      "Plan completion %": "0",
    });
    expect(row["Health score"]).toMatch(/^\d+$/);
    expect(row["Plan-derived category"]).not.toBe("");
    expect((await csvOf(cookies.aAdmin, "?category=COMMIT&q=nothing-matches-this")).length).toBe(0);
  });

  it("makes text of a cell a spreadsheet would run", async () => {
    const rows = await csvOf(cookies.aAdmin);
    expect(rows.find((r) => r["Deal ID"] === A.otherRepDeal.deal.id)?.Account).toBe("'@risk Holdings");
  });

  it("answers 429 with Retry-After once a person has downloaded it 60 times in an hour", async () => {
    const resetAtMs = BigInt(Date.now() + 30 * 60_000);
    await prisma.rateLimitWindow.create({ data: { key: `export:seller:${A.rep.id}`, count: 60, resetAtMs } });
    const refused = await callLoader(pipelineCsv.loader, { path: "/deals.csv", cookie: cookies.aRep });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await callLoader(pipelineCsv.loader, { path: "/deals.csv", cookie: cookies.aManager })).status).toBe(200);
  });
});
