// Every webhook event comes from the real model writes, in their transaction: completing and
// re-dating a step, sharing, a buyer joining and accepting, a stage change, and the signal refresh
// seeing a new health label or derived forecast category. Nothing is recorded for an event no
// endpoint wants, and a deal's first computation is not a change.
import pg from "pg";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { databaseKind } from "../../prisma/database-url";
import { prisma } from "~/utils/db.server";
import { updateDeal } from "~/models/deal.server";
import { refreshDealSignals, refreshSignalCache } from "~/models/signals.server";
import { recordWebhookEvent } from "~/models/webhook-events.server";
import { organizationToday } from "~/domain/dates";
import { buyerPost, inviteAndSignIn, milestoneForm, sellerPost, sharePlan } from "../fixtures/buyers";
import { actorFor, addDealWithPlan, createTenant, type Tenant } from "../fixtures/world";
import { registerEndpoint } from "../fixtures/webhooks";

let A: Tenant;
let B: Tenant;

beforeAll(async () => {
  A = await createTenant("Hooks A");
  B = await createTenant("Hooks B");
  await registerEndpoint(await actorFor(A.admin.id), "https://hooks.example.test/all");
  await registerEndpoint(await actorFor(A.admin.id), "https://hooks.example.test/stage", ["deal.stage_changed"]);
});
beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
});

async function eventsOf(dealId: string) {
  const rows = await prisma.webhookEvent.findMany({ where: { dealId }, orderBy: { createdAt: "asc" }, include: { deliveries: true } });
  return rows.map((row) => ({ ...row, body: JSON.parse(row.payload) }));
}

async function stageTo(tenant: Tenant, dealId: string, stage: number) {
  const deal = await prisma.deal.findUniqueOrThrow({ where: { id: dealId } });
  const { accountName, name, amount, currency, targetCloseDate, repForecastCategory, outcome, version } = deal;
  await updateDeal(tenant.repActor, dealId, {
    accountName,
    name,
    amount,
    currency: currency as "USD",
    targetCloseDate,
    repForecastCategory: repForecastCategory as "PIPELINE",
    outcome: outcome as "OPEN",
    stage,
    version,
  });
}

describe("webhook events", () => {
  it("are recorded by each real write, with one delivery per endpoint that wants them", async () => {
    const { deal, milestones, buyer } = await addDealWithPlan(A.repActor);
    expect(await eventsOf(deal.id)).toEqual([]);
    // A seller's own step counts as done at the seller's mark.
    const sellerStep = milestones.find((m) => m.ownerSide === "SELLER")!;
    const otherStep = milestones.find((m) => m.id !== sellerStep.id)!;

    expect((await sellerPost(deal.id, await milestoneForm(sellerStep.id, { status: "DONE" }))).status).toBe(303);
    expect((await sellerPost(deal.id, await milestoneForm(otherStep.id, { targetDate: "2027-02-15" }))).status).toBe(303);
    expect((await sharePlan(deal.id)).status).toBe(303);
    const { cookie, planId } = await inviteAndSignIn(deal.id, buyer.id);
    const plan = await prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    expect((await buyerPost(planId, cookie, { intent: "accept-plan", version: plan.version })).status).toBe(303);
    await stageTo(A, deal.id, 4);

    const all = await eventsOf(deal.id);
    // Accepting the plan moved the deal's health and derived category: the refresh after the write saw it.
    expect(all.filter((e) => e.type === "deal.health_changed" || e.type === "deal.forecast_changed").length).toBeGreaterThan(0);
    const events = all.filter((e) => e.type !== "deal.health_changed" && e.type !== "deal.forecast_changed");
    expect(events.map((e) => e.type)).toEqual(["step.completed", "step.redated", "plan.shared", "participant.joined", "plan.accepted", "deal.stage_changed"]);
    const [completed, redated, , joined, , stage] = events;
    expect(completed.body.data.step).toEqual({ id: sellerStep.id, title: sellerStep.title, internalOnly: false });
    expect(completed.body.data.after).toMatchObject({ status: "DONE", markedDoneBy: "SELLER", confirmedByBuyer: false });
    expect(redated.body.data.before).toEqual({ targetDate: otherStep.targetDate });
    expect(redated.body.data.after).toMatchObject({ targetDate: "2027-02-15" });
    expect(joined.body.data.participant).toEqual({ id: buyer.id });
    expect(stage.body.data.before).toEqual({ stage: 3 });
    expect(stage.body.data.after).toEqual({ stage: 4 });
    expect(stage.body).toMatchObject({ type: "deal.stage_changed", data: { deal: { id: deal.id, name: deal.name, externalId: null } } });
    expect(stage.body.data.deal.url).toMatch(new RegExp(`/deals/${deal.id}$`));
    // The stage endpoint wants only stage changes: two deliveries for it, one for the rest.
    expect(stage.deliveries).toHaveLength(2);
    expect(completed.deliveries).toHaveLength(1);
    expect(events.every((e) => e.deliveries.every((d) => d.status === "PENDING"))).toBe(true);
  });

  it("complete a buyer's step once it counts as done: not at the seller's mark, but at the buyer's confirmation", async () => {
    const { deal, milestones, buyer } = await addDealWithPlan(A.repActor);
    const buyerStep = milestones.find((m) => m.ownerSide === "BUYER")!;
    expect((await sharePlan(deal.id)).status).toBe(303);
    const { cookie, planId } = await inviteAndSignIn(deal.id, buyer.id);
    expect((await sellerPost(deal.id, await milestoneForm(buyerStep.id, { status: "DONE" }))).status).toBe(303);
    const completions = async () => (await eventsOf(deal.id)).filter((e) => e.type === "step.completed");
    expect(await completions()).toEqual([]);

    const marked = await prisma.milestone.findUniqueOrThrow({ where: { id: buyerStep.id } });
    expect((await buyerPost(planId, cookie, { intent: "confirm", milestoneId: buyerStep.id, version: marked.version })).status).toBe(303);
    const [completed, ...more] = await completions();
    expect(more).toEqual([]);
    expect(completed.body.data.step).toEqual({ id: buyerStep.id, title: buyerStep.title, internalOnly: false });
    expect(completed.body.data.after).toMatchObject({ status: "DONE", markedDoneBy: "SELLER", confirmedByBuyer: true });
  });

  it("are not recorded for an organization whose endpoints do not want them", async () => {
    const { deal, milestones } = await addDealWithPlan(B.repActor);
    await sellerPost(deal.id, await milestoneForm(milestones[0].id, { status: "DONE" }));
    await stageTo(B, deal.id, 5);
    expect(await prisma.webhookEvent.count({ where: { organizationId: B.organization.id } })).toBe(0);

    await registerEndpoint(await actorFor(B.admin.id), "https://hooks.example.test/b", ["plan.accepted"]);
    await sellerPost(deal.id, await milestoneForm(milestones[1].id, { status: "DONE" }));
    await stageTo(B, deal.id, 6);
    expect(await prisma.webhookEvent.count({ where: { organizationId: B.organization.id } })).toBe(0);
  });

  it("come from the signal refresh when the health label or derived category changes, not at a first computation", async () => {
    const actor = await actorFor(A.rep.id);
    const { deal } = await addDealWithPlan(actor);
    const today = organizationToday(A.organization);
    await prisma.dealSignalCache.deleteMany({ where: { dealId: deal.id } });
    await refreshSignalCache(A.organization.id, null, today);
    const fresh = await prisma.dealSignalCache.findUniqueOrThrow({ where: { dealId: deal.id } });
    expect((await eventsOf(deal.id)).filter((e) => e.type.startsWith("deal."))).toEqual([]);

    // What the cache said before differs from what the engine finds now.
    const before = {
      healthLabel: fresh.healthLabel === "STALLED" ? "HEALTHY" : "STALLED",
      derivedCategory: fresh.derivedCategory === "COMMIT" ? "PIPELINE" : "COMMIT",
    };
    await prisma.dealSignalCache.update({ where: { dealId: deal.id }, data: { ...before, stale: true } });
    await refreshSignalCache(A.organization.id, null, today);
    const events = (await eventsOf(deal.id)).filter((e) => e.type.startsWith("deal."));
    expect(events.map((e) => e.type)).toEqual(["deal.health_changed", "deal.forecast_changed"]);
    expect(events[0].body.data).toMatchObject({ before: { healthLabel: before.healthLabel }, after: { healthLabel: fresh.healthLabel } });
    expect(events[1].body.data).toMatchObject({ before: { derivedCategory: before.derivedCategory }, after: { derivedCategory: fresh.derivedCategory } });

    // Nothing changed since: a second refresh records nothing.
    await prisma.dealSignalCache.update({ where: { dealId: deal.id }, data: { stale: true } });
    await refreshSignalCache(A.organization.id, null, today);
    expect((await eventsOf(deal.id)).filter((e) => e.type.startsWith("deal."))).toHaveLength(2);
  });

  it("from two refreshes of the same deal at once, report one change once", async () => {
    const { deal } = await addDealWithPlan(await actorFor(A.rep.id));
    await refreshDealSignals(A.organization.id, deal.id);
    const fresh = await prisma.dealSignalCache.findUniqueOrThrow({ where: { dealId: deal.id } });
    const healthLabel = fresh.healthLabel === "STALLED" ? "HEALTHY" : "STALLED";
    await prisma.dealSignalCache.update({ where: { dealId: deal.id }, data: { healthLabel } });
    await Promise.all([refreshDealSignals(A.organization.id, deal.id), refreshDealSignals(A.organization.id, deal.id)]);
    const events = (await eventsOf(deal.id)).filter((e) => e.type === "deal.health_changed");
    expect(events.map((e) => e.body.data)).toMatchObject([{ before: { healthLabel }, after: { healthLabel: fresh.healthLabel } }]);
  });

  it.runIf(databaseKind(process.env.DATABASE_URL) === "postgresql")(
    "leave a refresh whole when an endpoint is deleted while it records: the change is reported to the others",
    async () => {
      const { deal } = await addDealWithPlan(await actorFor(A.rep.id));
      await refreshDealSignals(A.organization.id, deal.id);
      const fresh = await prisma.dealSignalCache.findUniqueOrThrow({ where: { dealId: deal.id } });
      await prisma.dealSignalCache.update({ where: { dealId: deal.id }, data: { healthLabel: fresh.healthLabel === "STALLED" ? "HEALTHY" : "STALLED" } });
      const { endpoint } = await registerEndpoint(await actorFor(A.admin.id), "https://hooks.example.test/going", ["deal.health_changed"]);

      // Another connection deletes the endpoint and commits once the refresh has read it.
      const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      await other.query("BEGIN");
      await other.query(`DELETE FROM "WebhookEndpoint" WHERE "id" = $1`, [endpoint.id]);
      const refresh = refreshDealSignals(A.organization.id, deal.id);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await other.query("COMMIT");
      await other.end();
      await refresh;

      const [event, ...more] = (await eventsOf(deal.id)).filter((e) => e.type === "deal.health_changed");
      expect(more).toEqual([]);
      expect(event.deliveries.length).toBeGreaterThan(0);
      expect((await prisma.dealSignalCache.findUniqueOrThrow({ where: { dealId: deal.id } })).healthLabel).toBe(fresh.healthLabel);
    },
  );

  it("are not recorded for an archived deal", async () => {
    const { deal } = await addDealWithPlan(await actorFor(A.rep.id));
    const record = () => prisma.$transaction((tx) => recordWebhookEvent(tx, { organizationId: A.organization.id, dealId: deal.id, type: "plan.shared" }));
    expect(await record()).not.toBeNull();
    await prisma.deal.update({ where: { id: deal.id }, data: { archivedAt: new Date() } });
    expect(await record()).toBeNull();
    expect((await eventsOf(deal.id)).filter((e) => e.type === "plan.shared")).toHaveLength(1);
  });

  it("keep the signing secret sealed: the database holds no plain secret", async () => {
    const { secret, endpoint } = await registerEndpoint(await actorFor(A.admin.id), "https://hooks.example.test/secret");
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const stored = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    const key = secret.slice("whsec_".length);
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(JSON.stringify(stored)).not.toContain(Buffer.from(key, "base64").toString("hex"));
    expect(stored.secretSealed.startsWith("sealed:v1:")).toBe(true);
  });
});
