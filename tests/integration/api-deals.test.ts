// The API's deals: create, read, update with versions, archive and restore, list with filters and
// cursor pages, upsert by the CRM's id, and the refusals (400, 401, 409, 429). Every response is
// checked against the served OpenAPI document by tests/fixtures/api.ts.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { LIMITS } from "~/utils/rate-limit.server";
import { revokeApiToken } from "~/models/api-token.server";
import { api, tokenFor } from "../fixtures/api";
import { actorFor, cookieFor, createTenant, type Tenant } from "../fixtures/world";

let A: Tenant;
let B: Tenant;
let write: string;

beforeAll(async () => {
  A = await createTenant("Alpha");
  B = await createTenant("Beta");
  write = (await tokenFor(A.admin.id, "READ_WRITE", "CRM sync")).token;
});

beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
});

const newDeal = (o: Record<string, unknown> = {}) => ({
  accountName: "Initech",
  name: "Initech rollout",
  amount: 120000,
  currency: "EUR",
  stage: 2,
  targetCloseDate: "2027-02-26",
  repForecastCategory: "BEST_CASE",
  ownerId: A.rep.id,
  ...o,
});

describe("deals", () => {
  it("creates, reads and updates a deal, and its history names the token", async () => {
    const created = await api("POST", "/api/v1/deals", { token: write, body: newDeal({ plan: "blank" }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ accountName: "Initech", owner: { id: A.rep.id }, version: 1, archived: false, externalId: null });
    const read = await api("GET", `/api/v1/deals/${created.body.id}`, { token: write });
    expect(read.body).toEqual(created.body);

    const updated = await api("PATCH", `/api/v1/deals/${created.body.id}`, { token: write, body: { stage: 3, version: 1 } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ stage: 3, version: 2, amount: 120000, currency: "EUR" });

    const history = await prisma.activity.findMany({ where: { dealId: created.body.id }, orderBy: { at: "asc" } });
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(["deal.created", "deal.updated"]));
    expect(history.every((h) => h.actorName === "API: CRM sync" && h.actorUserId === null)).toBe(true);
    const stages = await prisma.dealStageChange.findMany({ where: { dealId: created.body.id } });
    expect(stages.map((s) => s.changedByName)).toEqual(["API: CRM sync", "API: CRM sync"]);
  });

  it("answers a stale version with 409 and the deal as stored, changing nothing", async () => {
    const { body } = await api("POST", "/api/v1/deals", { token: write, body: newDeal() });
    await api("PATCH", `/api/v1/deals/${body.id}`, { token: write, body: { amount: 1, version: 1 } });
    const stale = await api("PATCH", `/api/v1/deals/${body.id}`, { token: write, body: { amount: 2, version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "conflict", current: { id: body.id, amount: 1, version: 2 } });
    expect((await prisma.deal.findUniqueOrThrow({ where: { id: body.id } })).amount).toBe(1);
  });

  it("answers bad input with 400 and an error per field, and never a stack trace", async () => {
    const bad = await api("POST", "/api/v1/deals", { token: write, body: newDeal({ amount: -5, currency: "XXX", targetCloseDate: "2027-02-30" }) });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["amount", "currency", "targetCloseDate"]);
    const foreignOwner = await api("POST", "/api/v1/deals", { token: write, body: newDeal({ ownerId: B.rep.id }) });
    expect(foreignOwner.status).toBe(400);
    expect(foreignOwner.body.error.fields).toHaveProperty("ownerId");
    const nulls = await api("PATCH", `/api/v1/deals/${(await prisma.deal.findFirstOrThrow({ where: { organizationId: A.organization.id } })).id}`, {
      token: write,
      body: { amount: null, stage: "", version: 1 },
    });
    expect(nulls.status).toBe(400);
    expect(Object.keys(nulls.body.error.fields).sort()).toEqual(["amount", "stage"]);
    const notJson = await api("POST", "/api/v1/deals", { token: write, body: "{not json" });
    expect(notJson.status).toBe(400);
    const badQuery = await api("GET", "/api/v1/deals?limit=0&stage=9", { token: write });
    expect(badQuery.status).toBe(400);
    expect(Object.keys(badQuery.body.error.fields).sort()).toEqual(["limit", "stage"]);
    expect(JSON.stringify([bad.body, notJson.body, badQuery.body])).not.toMatch(/at .*\.ts|Error:/);
  });

  it("archives and restores a deal, with versions", async () => {
    const { body } = await api("POST", "/api/v1/deals", { token: write, body: newDeal() });
    const archived = await api("POST", `/api/v1/deals/${body.id}/archive`, { token: write, body: { archived: true, version: 1 } });
    expect(archived.body).toMatchObject({ archived: true, version: 2 });
    const listed = await api("GET", `/api/v1/deals?archived=true&limit=200`, { token: write });
    expect(listed.body.data.map((d: { id: string }) => d.id)).toContain(body.id);
    const stale = await api("POST", `/api/v1/deals/${body.id}/archive`, { token: write, body: { archived: false, version: 1 } });
    expect(stale.status).toBe(409);
    const restored = await api("POST", `/api/v1/deals/${body.id}/archive`, { token: write, body: { archived: false, version: 2 } });
    expect(restored.body).toMatchObject({ archived: false, version: 3 });
    const missingVersion = await api("POST", `/api/v1/deals/${body.id}/archive`, { token: write, body: { archived: true } });
    expect(missingVersion.status).toBe(400);
    expect(missingVersion.body.error.fields).toHaveProperty("version");
  });
});

describe("upsert by the CRM's id", () => {
  it("creates, then updates the same deal; the id is unique per organization, not across them", async () => {
    const first = await api("PUT", "/api/v1/deals/external/crm-42", { token: write, body: newDeal({ amount: 10 }) });
    expect(first.status).toBe(201);
    expect(first.body.externalId).toBe("crm-42");
    const second = await api("PUT", "/api/v1/deals/external/crm-42", { token: write, body: newDeal({ amount: 20 }) });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, amount: 20, version: 2 });
    expect(await prisma.deal.count({ where: { organizationId: A.organization.id, externalId: "crm-42" } })).toBe(1);
    const byId = await api("GET", "/api/v1/deals/external/crm-42", { token: write });
    expect(byId.body.id).toBe(first.body.id);
    const stale = await api("PUT", "/api/v1/deals/external/crm-42", { token: write, body: newDeal({ amount: 30, version: 1 }) });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ amount: 20 });

    const other = await tokenFor(B.admin.id);
    const elsewhere = await api("PUT", "/api/v1/deals/external/crm-42", { token: other.token, body: newDeal({ ownerId: B.rep.id, amount: 99 }) });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.id).not.toBe(first.body.id);
    expect((await prisma.deal.findUniqueOrThrow({ where: { id: first.body.id } })).amount).toBe(20);
  });

  it("refuses a second deal with the same CRM id as a field error, not a crash", async () => {
    await api("PUT", "/api/v1/deals/external/crm-dup", { token: write, body: newDeal() });
    const created = await api("POST", "/api/v1/deals", { token: write, body: newDeal({ externalId: "crm-dup" }) });
    expect(created.status).toBe(400);
    expect(created.body.error.fields).toEqual({ externalId: [expect.stringMatching(/already has this external id/)] });
    const other = await api("POST", "/api/v1/deals", { token: write, body: newDeal() });
    const renamed = await api("PATCH", `/api/v1/deals/${other.body.id}`, { token: write, body: { externalId: "crm-dup", version: 1 } });
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.fields).toHaveProperty("externalId");
  });
});

describe("listing", () => {
  it("walks every page once, and filters by owner, stage, outcome, CRM id and update time", async () => {
    const C = await createTenant("Gamma");
    const token = (await tokenFor(C.admin.id, "READ")).token;
    const actor = await actorFor(C.admin.id);
    for (let i = 0; i < 7; i++) {
      await prisma.deal.create({
        data: {
          organizationId: actor.organizationId,
          ownerId: C.otherRep.id,
          accountName: `Bulk ${i}`,
          name: `Bulk ${i}`,
          amount: i,
          stage: 1 + (i % 3),
          targetCloseDate: "2027-01-15",
          externalId: `bulk-${i}`,
        },
      });
    }
    const all = await prisma.deal.findMany({ where: { organizationId: C.organization.id }, select: { id: true } });
    const seenIds: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await api("GET", `/api/v1/deals?limit=3${cursor ? `&cursor=${cursor}` : ""}`, { token });
      expect(page.body.data.length).toBeLessThanOrEqual(3);
      seenIds.push(...page.body.data.map((d: { id: string }) => d.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(all.length / 3));
    expect(new Set(seenIds).size).toBe(seenIds.length);
    expect(seenIds.sort()).toEqual(all.map((d) => d.id).sort());

    const ids = async (query: string) =>
      (await api("GET", `/api/v1/deals?limit=200&${query}`, { token })).body.data.map((d: { accountName: string }) => d.accountName).sort();
    expect(await ids(`ownerId=${C.otherRep.id}&stage=2`)).toEqual(["Bulk 1", "Bulk 4"]);
    expect(await ids("externalId=bulk-5")).toEqual(["Bulk 5"]);
    await prisma.deal.updateMany({ where: { externalId: "bulk-6", organizationId: C.organization.id }, data: { outcome: "WON", closedOn: "2026-11-30" } });
    expect(await ids("outcome=WON")).toEqual(["Bulk 6"]);
    const later = new Date(Date.now() + 60_000).toISOString();
    expect(await ids(`updatedSince=${later}`)).toEqual([]);
    // The same moments with an offset: an hour ahead of UTC, written as such.
    const withOffset = (moment: Date) => new Date(moment.getTime() + 3_600_000).toISOString().replace(/\.\d+Z$/, "+01:00");
    expect(await ids(`updatedSince=${encodeURIComponent(withOffset(new Date(Date.now() + 60_000)))}`)).toEqual([]);
    const bulk = await ids("limit=200");
    expect(await ids(`updatedSince=${encodeURIComponent(withOffset(new Date(Date.now() - 3_600_000)))}`)).toEqual(bulk);
  });
});

describe("who may call", () => {
  it("refuses no token, an unknown token, a revoked token and a session cookie with 401", async () => {
    const { token, id } = await tokenFor(A.admin.id, "READ_WRITE", "Soon revoked");
    expect((await api("GET", "/api/v1/deals", { token })).status).toBe(200);
    await revokeApiToken(await actorFor(A.admin.id), id);
    for (const call of [{ token }, { token: "mutual_made-up" }, { token: null }, { headers: { Cookie: await cookieFor(A.admin.id) } }]) {
      const refused = await api("GET", "/api/v1/deals", call);
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe("unauthorized");
      expect(refused.headers.get("WWW-Authenticate")).toBe("Bearer");
    }
    const write = await api("POST", "/api/v1/deals", { token, body: newDeal() });
    expect(write.status).toBe(401);
  });

  it("answers 429 with Retry-After once a token has used its window, and the window is per token", async () => {
    const { token, id } = await tokenFor(A.admin.id, "READ", "Busy");
    const resetAtMs = BigInt(Date.now() + 30_000);
    await prisma.rateLimitWindow.create({ data: { key: `${LIMITS.apiPerToken.name}:${id}`, count: LIMITS.apiPerToken.max, resetAtMs } });
    const refused = await api("GET", "/api/v1/deals", { token });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("Retry-After"))).toBeLessThanOrEqual(30);
    expect((await api("GET", "/api/v1/deals", { token: write })).status).toBe(200);
  });

  it("counts unknown tokens against the caller's address, and answers 429 past the limit", async () => {
    const ip = "203.0.113.77";
    for (let i = 0; i < LIMITS.missesPerIp.max; i++) expect((await api("GET", "/api/v1/deals", { token: `mutual_guess-${i}`, ip })).status).toBe(401);
    const refused = await api("GET", "/api/v1/deals", { token: "mutual_one-more", ip });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await api("GET", "/api/v1/deals", { token: write, ip })).status).toBe(200);
  });

  it("notes when a token was last used, at most once a minute", async () => {
    const { token, id } = await tokenFor(A.admin.id, "READ", "Watched");
    await api("GET", "/api/v1/deals?limit=1", { token });
    const first = (await prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await api("GET", "/api/v1/deals?limit=1", { token });
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
  });
});
