// The stale-plan check-in: "still on track?" to the buyer on the tenth quiet day in the
// organization's calendar (America/New_York here), once per quiet spell, with a one-click answer
// per open buyer step. History rows are moved back in time to set up each spell.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { planCheckIns } from "~/models/reminders.server";
import { buyerPost, sellerPost } from "../fixtures/buyers";
import { createTenant, type Tenant } from "../fixtures/world";
import { invitedBuyer, livePlan, queued, setStep, type LivePlan } from "../fixtures/reminders";

let tenant: Tenant;
beforeAll(async () => {
  tenant = await createTenant("Check-ins", "America/New_York");
});

const at = (iso: string) => new Date(iso);

async function run(iso: string) {
  expect(await planCheckIns.run(at(iso))).not.toContain("failed");
}

/** Everything on the deal happened at `iso`, and the plan was shared that day. */
async function quietSince(plan: LivePlan, iso: string) {
  await prisma.activity.updateMany({ where: { dealId: plan.deal.id }, data: { at: at(iso) } });
  await prisma.plan.update({ where: { id: plan.plan.id }, data: { sharedOn: iso.slice(0, 10) } });
}

/** The id of the latest history row a buyer could see: what the spell's key names. */
async function lastMoveId(dealId: string) {
  const row = await prisma.activity.findFirstOrThrow({
    where: { dealId, internalOnly: false, action: { not: "note.added" } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
  });
  return row.id;
}

/** The latest history row of the deal, moved to `iso`. */
async function moveLatestTo(dealId: string, iso: string) {
  const latest = await prisma.activity.findFirstOrThrow({ where: { dealId }, orderBy: [{ at: "desc" }, { id: "desc" }] });
  await prisma.activity.update({ where: { id: latest.id }, data: { at: at(iso) } });
}

describe("the check-in", () => {
  let plan: LivePlan;
  beforeAll(async () => {
    plan = await livePlan(tenant);
    // Bea owns two open steps; the one she finished is not asked about.
    await prisma.milestone.updateMany({ where: { planId: plan.plan.id }, data: { targetDate: "2026-12-20" } });
    await setStep(plan.beas.id, { targetDate: "2026-11-14" });
    await quietSince(plan, "2026-11-05T15:00:00Z");
  });

  it("comes on the tenth quiet day from midnight in New York, held until 08:00, to the buyer who owns open steps", async () => {
    await run("2026-11-15T04:59:00Z"); // 23:59 on 14 Nov: nine quiet days
    expect(await queued(`check-in:${plan.plan.id}`)).toEqual([]);
    await run("2026-11-15T05:00:00Z");
    const rows = await queued(`check-in:${plan.plan.id}`);
    expect(rows.map((r) => r.idempotencyKey)).toEqual([`check-in:${plan.plan.id}:${await lastMoveId(plan.deal.id)}:${plan.buyer.email}`]);
    expect(rows[0]).toMatchObject({ kind: "STALE_PLAN_NUDGE", status: "PENDING", subject: `Still on track? ${plan.plan.title}` });
    expect(rows[0].nextAttemptAt.toISOString()).toBe("2026-11-15T13:00:00.000Z");
  });

  it("lists the open buyer and joint steps, soonest first, each with its three answers and no secret", async () => {
    const [row] = await queued(`check-in:${plan.plan.id}`);
    const open = await prisma.milestone.findMany({
      where: { planId: plan.plan.id, ownerSide: { in: ["BUYER", "JOINT"] }, internalOnly: false, status: { not: "DONE" } },
      orderBy: [{ targetDate: "asc" }],
    });
    expect(row.text).toContain("for 10 days");
    expect(row.text.indexOf(plan.beas.title)).toBeLessThan(row.text.indexOf("Security review submitted"));
    expect(row.text).toContain("1 day overdue");
    for (const step of open) {
      expect(row.text).toContain(step.title);
      for (const answer of ["done", "date", "blocked"]) expect(row.text).toContain(`/p/${plan.plan.id}/check-in?step=${step.id}&answer=${answer}`);
    }
    expect(row.text).not.toContain("Proposal delivered");
    expect(row.text).not.toMatch(/token=|[?&]code=/);
  });

  it("is sent once per quiet spell, however often and however many passes run", async () => {
    await Promise.all([run("2026-11-16T15:00:00Z"), run("2026-11-16T15:00:00Z")]);
    await run("2026-11-21T15:00:00Z");
    expect(await queued(`check-in:${plan.plan.id}`)).toHaveLength(1);
  });

  it("keeps the spell through internal notes, and starts a new one with a change the buyer can see", async () => {
    expect((await sellerPost(plan.deal.id, { intent: "add-note", milestoneId: "", body: "Chasing their CFO" })).status).toBe(303);
    await moveLatestTo(plan.deal.id, "2026-11-17T15:00:00Z");
    await run("2026-11-18T15:00:00Z");
    expect(await queued(`check-in:${plan.plan.id}`)).toHaveLength(1);

    expect((await buyerPost(plan.plan.id, plan.cookie, { intent: "comment", milestoneId: "", body: "Still with legal" })).status).toBe(303);
    await moveLatestTo(plan.deal.id, "2026-11-17T16:00:00Z");
    await run("2026-11-27T04:59:00Z"); // 26 Nov: nine quiet days since the comment
    expect(await queued(`check-in:${plan.plan.id}`)).toHaveLength(1);
    await run("2026-11-27T05:00:00Z");
    const rows = await queued(`check-in:${plan.plan.id}`);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.idempotencyKey)).toContain(`check-in:${plan.plan.id}:${await lastMoveId(plan.deal.id)}:${plan.buyer.email}`);
  });
});

// Each in an organization of its own: a pass reads an organization's plans once per its day.
const ownTenant = () => createTenant("Check-ins", "America/New_York");

describe("who gets the check-in", () => {
  it("every active buyer when none owns an open step, never an invited one", async () => {
    const own = await ownTenant();
    const plan = await livePlan(own);
    await invitedBuyer(own, plan.deal.id);
    await prisma.milestone.updateMany({ where: { planId: plan.plan.id }, data: { ownerParticipantId: null } });
    await quietSince(plan, "2026-11-01T15:00:00Z");
    await run("2026-11-11T15:00:00Z");
    expect((await queued(`check-in:${plan.plan.id}`)).map((r) => r.to)).toEqual([plan.buyer.email]);
  });

  it("nobody when the plan has gone quiet for longer than a week past the tenth day, or when no buyer step is open", async () => {
    const own = await ownTenant();
    const old = await livePlan(own);
    await quietSince(old, "2026-10-01T15:00:00Z");
    const finished = await livePlan(own);
    await prisma.milestone.updateMany({
      where: { planId: finished.plan.id, ownerSide: { not: "SELLER" } },
      data: { status: "DONE", markedDoneBySide: "BUYER" },
    });
    await quietSince(finished, "2026-11-01T15:00:00Z");
    await run("2026-11-11T15:00:00Z");
    expect(await queued(`check-in:${old.plan.id}`)).toEqual([]);
    expect(await queued(`check-in:${finished.plan.id}`)).toEqual([]);
  });

  it("nobody on a closed or archived deal, and never a removed buyer", async () => {
    const own = await ownTenant();
    const won = await livePlan(own);
    const archived = await livePlan(own);
    const revoked = await livePlan(own);
    await prisma.deal.update({ where: { id: won.deal.id }, data: { outcome: "WON", closedOn: "2026-11-02" } });
    await prisma.deal.update({ where: { id: archived.deal.id }, data: { archivedAt: at("2026-11-02T00:00:00Z") } });
    await prisma.participant.update({ where: { id: revoked.buyer.id }, data: { accessState: "REVOKED" } });
    for (const plan of [won, archived, revoked]) await quietSince(plan, "2026-11-01T15:00:00Z");
    await run("2026-11-11T15:00:00Z");
    for (const plan of [won, archived, revoked]) expect(await queued(`check-in:${plan.plan.id}`)).toEqual([]);
  });
});
