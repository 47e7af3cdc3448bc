// Tenant isolation on every API route: a token of organization A gets, for organization B's ids,
// the very 404 it gets for made-up ids, and B's rows stay as they were; a read-only token gets 403
// on every write. Valid payloads with real versions throughout, so a 404 can only come from
// scoping, and positive controls prove the same calls succeed on A's own rows. By the end every
// documented operation has been called and checked against the served document.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { api, seen, servedDocument, tokenFor } from "../fixtures/api";
import { createTenant, type Tenant } from "../fixtures/world";

let A: Tenant;
let B: Tenant;
let write: string;
let read: string;

beforeAll(async () => {
  A = await createTenant("Alpha");
  B = await createTenant("Beta");
  write = (await tokenFor(A.admin.id, "READ_WRITE")).token;
  read = (await tokenFor(A.admin.id, "READ")).token;
  await prisma.deal.update({ where: { id: B.repDeal.deal.id }, data: { externalId: "crm-b-1" } });
});

beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
});

type Method = "GET" | "POST" | "PUT" | "PATCH";
interface Target {
  dealId: string;
  stepId: string;
  externalId: string;
  dealVersion: number;
  stepVersion: number;
}
interface Case {
  name: string;
  method: Method;
  path: (t: Target) => string;
  body?: (t: Target) => unknown;
}

const CASES: Case[] = [
  { name: "read a deal", method: "GET", path: (t) => `/api/v1/deals/${t.dealId}` },
  { name: "update a deal", method: "PATCH", path: (t) => `/api/v1/deals/${t.dealId}`, body: (t) => ({ stage: 4, version: t.dealVersion }) },
  { name: "archive a deal", method: "POST", path: (t) => `/api/v1/deals/${t.dealId}/archive`, body: (t) => ({ archived: true, version: t.dealVersion }) },
  { name: "read a deal by CRM id", method: "GET", path: (t) => `/api/v1/deals/external/${t.externalId}` },
  { name: "read a plan", method: "GET", path: (t) => `/api/v1/deals/${t.dealId}/plan` },
  {
    name: "update a step",
    method: "PATCH",
    path: (t) => `/api/v1/deals/${t.dealId}/steps/${t.stepId}`,
    body: (t) => ({ status: "IN_PROGRESS", version: t.stepVersion }),
  },
  { name: "list participants", method: "GET", path: (t) => `/api/v1/deals/${t.dealId}/participants` },
  {
    name: "add a participant",
    method: "POST",
    path: (t) => `/api/v1/deals/${t.dealId}/participants`,
    body: () => ({ name: "Pat Procurement", email: `pat-${Math.random().toString(36).slice(2)}@buyer.example`, role: "PROCUREMENT" }),
  },
  { name: "read signals", method: "GET", path: (t) => `/api/v1/deals/${t.dealId}/signals` },
];

async function targetOf(tenant: Tenant, externalId: string): Promise<Target> {
  const deal = await prisma.deal.findUniqueOrThrow({ where: { id: tenant.repDeal.deal.id } });
  const step = await prisma.milestone.findUniqueOrThrow({ where: { id: tenant.repDeal.milestones[0].id } });
  return { dealId: deal.id, stepId: step.id, externalId, dealVersion: deal.version, stepVersion: step.version };
}

const MADE_UP: Target = { dealId: "made-up-deal", stepId: "made-up-step", externalId: "made-up-crm-id", dealVersion: 1, stepVersion: 1 };

/** Everything of B's tenant an API write could touch. */
async function snapshotOf(tenant: Tenant) {
  const where = { organizationId: tenant.organization.id };
  return JSON.stringify(
    await Promise.all([
      prisma.deal.findMany({ where, orderBy: { id: "asc" } }),
      prisma.plan.findMany({ where, orderBy: { id: "asc" } }),
      prisma.milestone.findMany({ where, orderBy: { id: "asc" } }),
      prisma.participant.findMany({ where, orderBy: { id: "asc" } }),
      prisma.activity.count({ where }),
    ]),
  );
}

describe("a token of another organization", () => {
  for (const c of CASES) {
    it(`gets the made-up id's 404 for B's ids: ${c.name}`, async () => {
      const before = await snapshotOf(B);
      const foreign = await targetOf(B, "crm-b-1");
      const made = await api(c.method, c.path(MADE_UP), { token: write, body: c.body?.(MADE_UP) });
      const theirs = await api(c.method, c.path(foreign), { token: write, body: c.body?.(foreign) });
      expect(made.status).toBe(404);
      expect({ status: theirs.status, body: theirs.body }).toEqual({ status: made.status, body: made.body });
      expect(await snapshotOf(B)).toBe(before);
    });
  }

  // Only routes whose address names a step can mix an own deal with a foreign step.
  for (const c of CASES.filter((c) => c.path(MADE_UP).includes(MADE_UP.stepId))) {
    it(`mixes ids of two organizations in vain: ${c.name}`, async () => {
      const before = await snapshotOf(B);
      const own = await targetOf(A, "none");
      const foreign = await targetOf(B, "crm-b-1");
      const mixed = { ...own, stepId: foreign.stepId, stepVersion: foreign.stepVersion };
      const answer = await api(c.method, c.path(mixed), { token: write, body: c.body?.(mixed) });
      expect(answer.status).toBe(404);
      expect(await snapshotOf(B)).toBe(before);
    });
  }

  it("lists none of B's deals, even asked by B's owner or CRM id", async () => {
    const all = await api("GET", "/api/v1/deals?limit=200&archived=any", { token: write });
    const organizations = await prisma.deal.findMany({
      where: { id: { in: all.body.data.map((d: { id: string }) => d.id) } },
      select: { organizationId: true },
    });
    expect(new Set(organizations.map((d) => d.organizationId))).toEqual(new Set([A.organization.id]));
    expect((await api("GET", `/api/v1/deals?ownerId=${B.rep.id}`, { token: write })).body.data).toEqual([]);
    expect((await api("GET", "/api/v1/deals?externalId=crm-b-1", { token: write })).body.data).toEqual([]);
  });

  it("makes its own deal with B's CRM id and leaves B's alone", async () => {
    const before = await snapshotOf(B);
    const body = {
      accountName: "Same id",
      name: "Same id",
      amount: 5,
      currency: "USD",
      stage: 1,
      targetCloseDate: "2027-05-03",
      repForecastCategory: "PIPELINE",
      ownerId: A.rep.id,
    };
    const answer = await api("PUT", "/api/v1/deals/external/crm-b-1", { token: write, body });
    expect(answer.status).toBe(201);
    expect(await prisma.deal.findUniqueOrThrow({ where: { id: answer.body.id }, select: { organizationId: true } })).toEqual({
      organizationId: A.organization.id,
    });
    expect(await snapshotOf(B)).toBe(before);
  });

  it("cannot give a deal to B's person", async () => {
    const body = {
      accountName: "X",
      name: "X",
      amount: 5,
      currency: "USD",
      stage: 1,
      targetCloseDate: "2027-05-03",
      repForecastCategory: "PIPELINE",
      ownerId: B.rep.id,
    };
    expect((await api("POST", "/api/v1/deals", { token: write, body })).status).toBe(400);
  });
});

describe("another plan of the same organization", () => {
  it("does not reach a step through another deal's address", async () => {
    const before = await snapshotOf(A);
    const other = await prisma.milestone.findUniqueOrThrow({ where: { id: A.otherRepDeal.milestones[0].id } });
    const answer = await api("PATCH", `/api/v1/deals/${A.repDeal.deal.id}/steps/${other.id}`, {
      token: write,
      body: { status: "BLOCKED", version: other.version },
    });
    expect(answer.status).toBe(404);
    expect(await snapshotOf(A)).toBe(before);
  });
});

describe("a read-only token", () => {
  const writes = CASES.filter((c) => c.method !== "GET");
  for (const c of writes) {
    it(`is refused with 403 and changes nothing: ${c.name}`, async () => {
      const before = await snapshotOf(A);
      const own = await targetOf(A, "none");
      const answer = await api(c.method, c.path(own), { token: read, body: c.body?.(own) });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe("forbidden");
      expect(await snapshotOf(A)).toBe(before);
    });
  }

  it("is refused with 403 on creating and upserting deals", async () => {
    const body = {
      accountName: "X",
      name: "X",
      amount: 5,
      currency: "USD",
      stage: 1,
      targetCloseDate: "2027-05-03",
      repForecastCategory: "PIPELINE",
      ownerId: A.rep.id,
    };
    expect((await api("POST", "/api/v1/deals", { token: read, body })).status).toBe(403);
    expect((await api("PUT", "/api/v1/deals/external/read-only", { token: read, body })).status).toBe(403);
    expect(await prisma.deal.count({ where: { externalId: "read-only" } })).toBe(0);
  });
});

describe("the organization's own rows (positive controls)", () => {
  it("sees every deal of its organization, whoever owns it", async () => {
    for (const deal of [A.repDeal.deal, A.otherRepDeal.deal]) expect((await api("GET", `/api/v1/deals/${deal.id}`, { token: read })).status).toBe(200);
  });

  for (const c of CASES) {
    it(`succeeds on A's own ids: ${c.name}`, async () => {
      await prisma.deal.update({ where: { id: A.repDeal.deal.id }, data: { externalId: "crm-a-1" } });
      const own = await targetOf(A, "crm-a-1");
      const answer = await api(c.method, c.path(own), { token: write, body: c.body?.(own) });
      expect([200, 201]).toContain(answer.status);
      if (c.name === "archive a deal") await prisma.deal.update({ where: { id: own.dealId }, data: { archivedAt: null } });
    });
  }
});

afterAll(async () => {
  const { document } = await servedDocument();
  const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((o) => o.operationId));
  expect(operations.filter((id) => !seen.has(id))).toEqual([]);
});
