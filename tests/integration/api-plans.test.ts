// The API's plans: a deal's plan with its steps and people, step updates with versions, adding a
// buyer contact, and the signals, which must be the engine's own figures for the deal.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { loadDealSignals } from "~/models/signals.server";
import { api, tokenFor } from "../fixtures/api";
import { actorFor, createTenant, type Tenant } from "../fixtures/world";

let A: Tenant;
let write: string;

beforeAll(async () => {
  A = await createTenant("Alpha");
  write = (await tokenFor(A.admin.id, "READ_WRITE", "Plan bot")).token;
});

beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
});

describe("plans", () => {
  it("reads the plan with its steps in order and its people", async () => {
    const plan = await api("GET", `/api/v1/deals/${A.repDeal.deal.id}/plan`, { token: write });
    expect(plan.status).toBe(200);
    expect(plan.body.id).toBe(A.repDeal.plan.id);
    expect(plan.body.steps.map((s: { id: string }) => s.id)).toEqual(A.repDeal.milestones.map((m) => m.id));
    expect(plan.body.participants.map((p: { email: string }) => p.email)).toContain(A.repDeal.buyer.email);
  });

  it("makes a deal with a plan from the template, which needs its first day", async () => {
    const body = {
      accountName: "Templated",
      name: "Templated",
      amount: 1,
      currency: "USD",
      stage: 1,
      targetCloseDate: "2027-06-30",
      repForecastCategory: "PIPELINE",
      ownerId: A.rep.id,
      plan: "template",
    };
    const refused = await api("POST", "/api/v1/deals", { token: write, body });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toHaveProperty("planStartDate");
    const created = await api("POST", "/api/v1/deals", { token: write, body: { ...body, planStartDate: "2026-12-07" } });
    expect(created.status).toBe(201);
    const plan = await api("GET", `/api/v1/deals/${created.body.id}/plan`, { token: write });
    expect(plan.body.steps.length).toBeGreaterThan(3);
    expect(plan.body.steps[0].targetDate >= "2026-12-07").toBe(true);
  });

  it("answers 404 for a deal without a plan", async () => {
    const created = await api("POST", "/api/v1/deals", {
      token: write,
      body: {
        accountName: "Planless",
        name: "Planless",
        amount: 1,
        currency: "USD",
        stage: 1,
        targetCloseDate: "2027-04-30",
        repForecastCategory: "PIPELINE",
        ownerId: A.rep.id,
      },
    });
    expect((await api("GET", `/api/v1/deals/${created.body.id}/plan`, { token: write })).status).toBe(404);
    expect((await api("GET", `/api/v1/deals/${created.body.id}/participants`, { token: write })).status).toBe(404);
  });
});

describe("steps", () => {
  it("changes a step's date and status with its version; a stale version gets 409 and the step as stored", async () => {
    const step = await prisma.milestone.findUniqueOrThrow({ where: { id: A.repDeal.milestones[1].id } });
    const path = `/api/v1/deals/${A.repDeal.deal.id}/steps/${step.id}`;
    const moved = await api("PATCH", path, { token: write, body: { targetDate: "2027-01-20", status: "IN_PROGRESS", version: step.version } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: step.id, targetDate: "2027-01-20", status: "IN_PROGRESS", title: step.title, version: step.version + 1 });

    const stale = await api("PATCH", path, { token: write, body: { status: "BLOCKED", version: step.version } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ id: step.id, status: "IN_PROGRESS", version: step.version + 1 });
    expect((await prisma.milestone.findUniqueOrThrow({ where: { id: step.id } })).status).toBe("IN_PROGRESS");

    const history = await prisma.activity.findMany({ where: { entityId: step.id, action: { in: ["milestone.redated", "milestone.status_changed"] } } });
    expect(history.map((h) => h.actorName)).toEqual(["API: Plan bot", "API: Plan bot"]);
  });

  it("marks a step done as the seller side, with no person named as having done it", async () => {
    const step = await prisma.milestone.findFirstOrThrow({ where: { planId: A.repDeal.plan.id, ownerSide: "SELLER" } });
    const done = await api("PATCH", `/api/v1/deals/${A.repDeal.deal.id}/steps/${step.id}`, { token: write, body: { status: "DONE", version: step.version } });
    expect(done.body).toMatchObject({ status: "DONE", completedOn: expect.any(String) });
    expect(await prisma.milestone.findUniqueOrThrow({ where: { id: step.id } })).toMatchObject({ markedDoneBySide: "SELLER", markedDoneByUserId: null });
  });

  it("answers a bad change with 400 and its field, changing nothing", async () => {
    const step = await prisma.milestone.findUniqueOrThrow({ where: { id: A.repDeal.milestones[2].id } });
    const path = `/api/v1/deals/${A.repDeal.deal.id}/steps/${step.id}`;
    const badDate = await api("PATCH", path, { token: write, body: { targetDate: "2027-13-01", status: "LATE", version: step.version } });
    expect(badDate.status).toBe(400);
    expect(Object.keys(badDate.body.error.fields).sort()).toEqual(["status", "targetDate"]);
    const strangerOwner = await api("PATCH", path, { token: write, body: { ownerParticipantId: A.otherRepDeal.buyer.id, version: step.version } });
    expect(strangerOwner.status).toBe(400);
    expect(strangerOwner.body.error.fields).toHaveProperty("ownerParticipantId");
    expect(await prisma.milestone.findUniqueOrThrow({ where: { id: step.id } })).toEqual(step);
  });
});

describe("participants", () => {
  it("adds a buyer contact and lists it; the same address twice is a field error", async () => {
    const path = `/api/v1/deals/${A.otherRepDeal.deal.id}/participants`;
    const added = await api("POST", path, { token: write, body: { name: "Lee Legal", email: "Lee@Buyer.example", title: "Counsel", role: "LEGAL" } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ side: "BUYER", email: "lee@buyer.example", accessState: "INVITED", role: "LEGAL" });
    const listed = await api("GET", path, { token: write });
    expect(listed.body.data.map((p: { id: string }) => p.id)).toContain(added.body.id);
    const again = await api("POST", path, { token: write, body: { name: "Lee again", email: "lee@buyer.example", role: "LEGAL" } });
    expect(again.status).toBe(400);
    expect(again.body.error.fields).toHaveProperty("email");
  });
});

describe("signals", () => {
  it("are the engine's figures for the deal: health with reasons and points, slippage and the derived forecast", async () => {
    const dealId = A.repDeal.deal.id;
    const answer = await api("GET", `/api/v1/deals/${dealId}/signals`, { token: write });
    const engine = (await loadDealSignals(await actorFor(A.admin.id), [dealId])).get(dealId)!;
    expect(answer.body).toMatchObject({
      dealId,
      available: true,
      health: engine.health,
      forecast: engine.forecast,
      planStatus: engine.planStatus,
      slippage: { slippedCount: engine.slippedCount, totalDaysSlipped: engine.totalDaysSlipped, projectedCloseDate: engine.projectedCloseDate },
    });
    const points = answer.body.health.deductions.reduce((sum: number, d: { points: number }) => sum + d.points, 0);
    expect(answer.body.health.score).toBe(Math.max(0, 100 - points));
  });
});
