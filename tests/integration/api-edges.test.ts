// The API's edges: empty and foreign owners of a step, two clients adding the same person at once,
// and what a step says about the buyer's confirmation, as the pages and the exports say it.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { api, servedDocument, tokenFor } from "../fixtures/api";
import { createTenant, type Tenant } from "../fixtures/world";

let A: Tenant;
let B: Tenant;
let write: string;

beforeAll(async () => {
  A = await createTenant("Alpha");
  B = await createTenant("Beta");
  write = (await tokenFor(A.admin.id, "READ_WRITE", "Edge bot")).token;
});

beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
});

const stepPath = (stepId: string) => `/api/v1/deals/${A.repDeal.deal.id}/steps/${stepId}`;

describe("a step's owner", () => {
  it("reads an empty owner as no owner, as the form does", async () => {
    const step = await prisma.milestone.findUniqueOrThrow({ where: { id: A.repDeal.milestones[2].id } });
    const answer = await api("PATCH", stepPath(step.id), { token: write, body: { ownerParticipantId: "", version: step.version } });
    expect(answer.status).toBe(200);
    expect(answer.body.ownerParticipantId).toBeNull();
  });

  it("refuses a person of another organization as a field error and writes nothing", async () => {
    const step = await prisma.milestone.findUniqueOrThrow({ where: { id: A.repDeal.milestones[2].id } });
    const answer = await api("PATCH", stepPath(step.id), { token: write, body: { ownerParticipantId: B.repDeal.buyer.id, version: step.version } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toHaveProperty("ownerParticipantId");
    expect(await prisma.milestone.findUniqueOrThrow({ where: { id: step.id } })).toEqual(step);
  });
});

describe("two clients adding the same person at once", () => {
  it("adds one and gives the other a field error", async () => {
    const body = { name: "Twin", email: "twin@buyer.example", role: "CHAMPION" };
    const path = `/api/v1/deals/${A.repDeal.deal.id}/participants`;
    const answers = await Promise.all([api("POST", path, { token: write, body }), api("POST", path, { token: write, body })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400]);
    expect(answers.find((a) => a.status === 400)!.body.error.fields).toHaveProperty("email");
    expect(await prisma.participant.count({ where: { planId: A.repDeal.plan.id, email: "twin@buyer.example" } })).toBe(1);
  });
});

describe("a step's completion", () => {
  it("says a buyer confirmed a step the buyer marked done, and that it counts as done", async () => {
    const [buyerMarked, sellerMarked] = A.repDeal.milestones.slice(3, 5).map((m) => m.id);
    const done = { status: "DONE", ownerSide: "BUYER", completedOn: "2026-11-20", buyerConfirmedAt: null };
    await prisma.milestone.update({ where: { id: buyerMarked }, data: { ...done, markedDoneBySide: "BUYER" } });
    await prisma.milestone.update({ where: { id: sellerMarked }, data: { ...done, markedDoneBySide: "SELLER" } });
    const plan = await api("GET", `/api/v1/deals/${A.repDeal.deal.id}/plan`, { token: write });
    const stepOf = (id: string) => plan.body.steps.find((s: { id: string }) => s.id === id);
    expect(stepOf(buyerMarked)).toMatchObject({ buyerConfirmed: true, completion: "DONE" });
    expect(stepOf(sellerMarked)).toMatchObject({ buyerConfirmed: false, completion: "AWAITING_BUYER_CONFIRMATION" });
    expect(stepOf(A.repDeal.milestones[0].id).completion).not.toBe("AWAITING_BUYER_CONFIRMATION");
  });
});

describe("clients syncing the same CRM deal at once", () => {
  it("creates it once; the others update it or are told it changed", async () => {
    const body = {
      accountName: "Racing",
      name: "Racing",
      amount: 10,
      currency: "USD",
      stage: 1,
      targetCloseDate: "2027-05-03",
      repForecastCategory: "PIPELINE",
      ownerId: A.rep.id,
    };
    const put = () => api("PUT", "/api/v1/deals/external/crm-race", { token: write, body });
    const statuses = (await Promise.all([put(), put(), put()])).map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const status of statuses.filter((s) => s !== 201)) expect([200, 409]).toContain(status);
    expect(await prisma.deal.count({ where: { organizationId: A.organization.id, externalId: "crm-race" } })).toBe(1);
  });
});

describe("a method an address does not answer", () => {
  const UNLISTED: Array<["GET" | "POST" | "PUT" | "PATCH" | "DELETE", (dealId: string, stepId: string) => string]> = [
    ["DELETE", () => "/api/v1/deals"],
    ["PUT", (d) => `/api/v1/deals/${d}`],
    ["GET", (d) => `/api/v1/deals/${d}/archive`],
    ["POST", () => "/api/v1/deals/external/crm-any"],
    ["POST", (d) => `/api/v1/deals/${d}/plan`],
    ["GET", (d, s) => `/api/v1/deals/${d}/steps/${s}`],
    ["DELETE", (d) => `/api/v1/deals/${d}/participants`],
    ["PUT", (d) => `/api/v1/deals/${d}/signals`],
  ];
  for (const [method, path] of UNLISTED) {
    it(`answers 405 with Allow in the error shape, before the token is read: ${method} ${path(":deal", ":step")}`, async () => {
      const address = path(A.repDeal.deal.id, A.repDeal.milestones[0].id);
      const body = method === "GET" ? undefined : {};
      for (const token of [write, null]) {
        const answer = await api(method, address, { token, body });
        expect(answer.body.error.code).toBe("method_not_allowed");
      }
    });
  }
});

describe("JSON bodies", () => {
  const dealPath = () => `/api/v1/deals/${A.otherRepDeal.deal.id}`;
  const current = () => prisma.deal.findUniqueOrThrow({ where: { id: A.otherRepDeal.deal.id } });

  it("takes numbers only as JSON numbers, with the forms' rules", async () => {
    const before = await current();
    const coerced = await api("PATCH", dealPath(), { token: write, body: { amount: true, stage: "3", version: before.version } });
    expect(coerced.status).toBe(400);
    expect(Object.keys(coerced.body.error.fields).sort()).toEqual(["amount", "stage"]);
    const trueVersion = await api("PATCH", dealPath(), { token: write, body: { stage: 3, version: true } });
    expect(trueVersion.status).toBe(400);
    expect(trueVersion.body.error.fields).toHaveProperty("version");
    const negative = await api("PATCH", dealPath(), { token: write, body: { amount: -1, version: before.version } });
    expect(negative.body.error.fields.amount).toEqual(["Amount cannot be negative"]);
    expect(await current()).toEqual(before);
  });

  it("refuses a field the request does not take, naming it, and changes nothing", async () => {
    const before = await current();
    const answer = await api("PATCH", dealPath(), { token: write, body: { ownerId: A.admin.id, stage: 5, version: before.version } });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields)).toEqual(["ownerId"]);
    expect(await current()).toEqual(before);
    const step = await prisma.milestone.findUniqueOrThrow({ where: { id: A.repDeal.milestones[0].id } });
    const stepAnswer = await api("PATCH", stepPath(step.id), { token: write, body: { note: "x", version: step.version } });
    expect(Object.keys(stepAnswer.body.error.fields)).toEqual(["note"]);
  });

  it("documents every request body as closed to other fields", async () => {
    const { document } = await servedDocument();
    for (const name of ["DealCreate", "DealUpdate", "DealUpsert", "DealArchive", "StepUpdate", "ParticipantCreate"]) {
      expect(document.components.schemas[name], name).toMatchObject({ additionalProperties: false });
    }
  });
});
