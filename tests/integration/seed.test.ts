// The demo seed: it must show every state the product knows, with rows that hang together the way
// the app itself writes them, and keep a second tenant's data apart.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { seedDemo, DEMO_ORGANIZATION_NAME } from "../../prisma/seed";
import { DEMO_HISTORY } from "../../prisma/seed-forecast-calls";

let northwindId: string;
let globexId: string;

beforeAll(async () => {
  // Other files may share this database; createOrganization refuses an admin email twice.
  if (!(await prisma.organization.findFirst({ where: { name: DEMO_ORGANIZATION_NAME } }))) await seedDemo();
  northwindId = (await prisma.organization.findFirstOrThrow({ where: { name: DEMO_ORGANIZATION_NAME } })).id;
  globexId = (await prisma.organization.findFirstOrThrow({ where: { name: "Globex Corp" } })).id;
});

function inNorthwind() {
  return { where: { organizationId: northwindId } };
}

describe("the demo seed", () => {
  it("creates the Northwind team with twelve deals split between two reps", async () => {
    const users = await prisma.user.findMany(inNorthwind());
    expect(users.map((u) => u.email).sort()).toEqual(["admin@mutual.test", "manager@mutual.test", "rep2@mutual.test", "rep@mutual.test"]);
    const team = await prisma.team.findFirstOrThrow({ where: { organizationId: northwindId, name: "Enterprise East" }, include: { members: true } });
    expect(team.members.map((u) => u.role).sort()).toEqual(["MANAGER", "REP", "REP"]);

    const deals = await prisma.deal.findMany(inNorthwind());
    // Twelve stories, plus the earlier quarters' closed deals that carry the forecast-call history.
    expect(deals).toHaveLength(12 + DEMO_HISTORY.length);
    expect(new Set(deals.map((d) => d.ownerId)).size).toBe(2);
    expect(new Set(deals.map((d) => d.currency))).toEqual(new Set(["USD", "EUR", "GBP"]));
  });

  it("has plans in every status and deals both won and lost", async () => {
    const plans = await prisma.plan.findMany(inNorthwind());
    for (const status of ["DRAFT", "SHARED", "ACCEPTED"]) expect(plans.some((p) => p.status === status)).toBe(true);
    for (const plan of plans.filter((p) => p.status !== "DRAFT")) {
      expect(plan.sharedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(plan.sharedAt).not.toBeNull();
    }
    const deals = await prisma.deal.findMany(inNorthwind());
    for (const outcome of ["WON", "LOST"]) {
      const closed = deals.filter((d) => d.outcome === outcome);
      expect(closed.length).toBeGreaterThan(0);
      for (const deal of closed) expect(deal.closedOn).not.toBeNull();
    }
  });

  it("records accepted plans as a buyer's act on that plan", async () => {
    const accepted = await prisma.plan.findMany({ where: { organizationId: northwindId, status: "ACCEPTED" }, include: { acceptedBy: true } });
    for (const plan of accepted) {
      expect(plan.acceptedAt).not.toBeNull();
      expect(plan.acceptedBy).toMatchObject({ planId: plan.id, side: "BUYER" });
      const activity = await prisma.activity.findFirst({ where: { planId: plan.id, action: "plan.accepted" } });
      expect(activity).toMatchObject({ actorSide: "BUYER", actorParticipantId: plan.acceptedByParticipantId });
    }
  });

  it("has slipped milestones, each with the re-date that moved it in the history", async () => {
    const milestones = await prisma.milestone.findMany(inNorthwind());
    const slipped = milestones.filter((m) => m.targetDate > m.originalTargetDate);
    expect(slipped.length).toBeGreaterThanOrEqual(2);
    for (const m of slipped) {
      const redates = await prisma.activity.findMany({ where: { entityId: m.id, action: "milestone.redated" }, orderBy: { at: "asc" } });
      expect(redates.length).toBeGreaterThan(0);
      expect(JSON.parse(redates[0].before!)).toEqual({ targetDate: m.originalTargetDate });
      expect(JSON.parse(redates.at(-1)!.after!)).toEqual({ targetDate: m.targetDate });
    }
  });

  it("has a buyer step the seller marked done that no buyer has confirmed", async () => {
    const awaiting = await prisma.milestone.findMany({
      where: { organizationId: northwindId, ownerSide: { in: ["BUYER", "JOINT"] }, status: "DONE", markedDoneBySide: "SELLER", buyerConfirmedAt: null },
    });
    expect(awaiting.length).toBeGreaterThan(0);
    for (const m of awaiting) expect(m.markedDoneByUserId).not.toBeNull();
  });

  it("puts buyers in many roles and every access state", async () => {
    const buyers = await prisma.participant.findMany({ where: { organizationId: northwindId, side: "BUYER" } });
    expect(new Set(buyers.map((b) => b.role)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(buyers.map((b) => b.accessState))).toEqual(new Set(["INVITED", "ACTIVE", "REVOKED"]));
    for (const buyer of buyers.filter((b) => b.accessState === "ACTIVE")) expect(buyer.lastSeenAt).not.toBeNull();
    for (const buyer of buyers) expect(buyer.userId).toBeNull();
  });

  it("puts the deal owner on every plan as a seller participant", async () => {
    const plans = await prisma.plan.findMany({ where: { organizationId: northwindId }, include: { deal: true, participants: true } });
    for (const plan of plans) {
      expect(plan.participants).toContainEqual(expect.objectContaining({ side: "SELLER", userId: plan.deal.ownerId, accessState: "ACTIVE" }));
    }
  });

  it("gives every milestone an owner from its own plan and from the owning side", async () => {
    const milestones = await prisma.milestone.findMany({ where: { organizationId: northwindId }, include: { ownerParticipant: true } });
    for (const m of milestones) {
      if (!m.ownerParticipant) continue;
      expect(m.ownerParticipant.planId).toBe(m.planId);
      if (m.ownerSide !== "JOINT") expect(m.ownerParticipant.side).toBe(m.ownerSide);
    }
    expect(milestones.filter((m) => m.ownerSide === "BUYER").every((m) => m.ownerParticipant?.side === "BUYER")).toBe(true);
  });

  it("writes history only in the past, and only by people of the right side", async () => {
    const activities = await prisma.activity.findMany(inNorthwind());
    expect(activities.length).toBeGreaterThan(100);
    for (const a of activities) {
      expect(a.at.getTime()).toBeLessThanOrEqual(Date.now());
      if (a.actorSide === "BUYER") expect(a.actorParticipantId).not.toBeNull();
      if (a.actorSide === "SELLER") expect(a.actorUserId).not.toBeNull();
    }
  });

  it("keeps Globex's deal apart from Northwind's rows", async () => {
    const globexDeals = await prisma.deal.findMany({
      where: { organizationId: globexId },
      include: { plan: { include: { participants: true, milestones: true } } },
    });
    expect(globexDeals).toHaveLength(1);
    expect(globexDeals[0].plan?.status).toBe("SHARED");

    const idsOf = async (organizationId: string) => {
      const scope = { where: { organizationId }, select: { id: true } };
      const rows = await Promise.all([
        prisma.user.findMany(scope),
        prisma.deal.findMany(scope),
        prisma.plan.findMany(scope),
        prisma.milestone.findMany(scope),
        prisma.participant.findMany(scope),
        prisma.activity.findMany(scope),
        prisma.comment.findMany(scope),
      ]);
      return new Set(rows.flat().map((r) => r.id));
    };
    const northwind = await idsOf(northwindId);
    const globex = await idsOf(globexId);
    expect(globex.size).toBeGreaterThan(10);
    for (const id of globex) expect(northwind.has(id)).toBe(false);

    // Nothing of Northwind's points at a Globex row.
    const activities = await prisma.activity.findMany(inNorthwind());
    for (const a of activities) {
      for (const ref of [a.dealId, a.planId, a.entityId, a.actorUserId, a.actorParticipantId]) {
        if (ref) expect(globex.has(ref)).toBe(false);
      }
    }
    const milestones = await prisma.milestone.findMany(inNorthwind());
    for (const m of milestones) {
      for (const ref of [m.ownerParticipantId, m.markedDoneByParticipantId, m.buyerConfirmedByParticipantId, m.markedDoneByUserId]) {
        if (ref) expect(northwind.has(ref)).toBe(true);
      }
    }
  });
});
