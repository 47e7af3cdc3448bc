// The deal page's workspace and the step a save starts from are read as lean statements
// (app/models/deal-workspace.server.ts, app/models/milestone.server.ts): they must give the same
// rows as Prisma's include of the same relations, to the same sellers only, and the page's history,
// figures and change tag must be those the separate reads give.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { visibleDealsWhere, type SellerActor } from "~/models/actor.server";
import { activityEntryOf } from "~/models/activity.server";
import { dealChangeTag } from "~/models/deal-changes.server";
import { getDealPlan, readDealPage } from "~/models/deal-workspace.server";
import { figuresOfLoadedDeal, loadDealFigures } from "~/models/signals.server";
import { actorToday } from "~/models/actor.server";
import { updateMilestone } from "~/models/milestone.server";
import { NotFoundError, VersionConflictError } from "~/utils/http.server";
import { actorFor, createTenant, milestoneForm, type Tenant } from "../fixtures/world";

let A: Tenant;
let B: Tenant;

beforeAll(async () => {
  A = await createTenant("Workspace");
  B = await createTenant("Other workspace");
  // Every kind of value the read carries: an accepted plan, an internal and a confirmed step, a
  // buyer who was invited and seen, MEDDPICC, stakeholder readings and an archived deal.
  const { deal, plan, milestones, buyer } = A.repDeal;
  const at = new Date("2026-11-20T10:11:12.345Z");
  await prisma.plan.update({
    where: { id: plan.id },
    data: { status: "ACCEPTED", sharedAt: at, sharedOn: "2026-11-20", acceptedAt: at, acceptedByParticipantId: buyer.id },
  });
  await prisma.milestone.update({ where: { id: milestones[0].id }, data: { internalOnly: true, gatesStage: 2 } });
  await prisma.milestone.update({
    where: { id: milestones[1].id },
    data: { status: "DONE", completedOn: "2026-11-21", markedDoneAt: at, markedDoneBySide: "SELLER", buyerConfirmedAt: at },
  });
  await prisma.participant.update({ where: { id: buyer.id }, data: { invitedAt: at, lastSeenAt: at } });
  await prisma.meddpiccScore.create({ data: { organizationId: A.organization.id, dealId: deal.id, metrics: 2, champion: 1, updatedById: A.rep.id } });
  await prisma.stakeholderRole.createMany({
    data: [
      { organizationId: A.organization.id, dealId: deal.id, role: "CHAMPION", strength: "STRONG", participantId: buyer.id, note: "Ours" },
      { organizationId: A.organization.id, dealId: deal.id, role: "ECONOMIC_BUYER", strength: "WEAK" },
    ],
  });
  await prisma.deal.update({ where: { id: deal.id }, data: { archivedAt: at, externalId: "crm-1" } });
  // History the figures read: re-dates before and after sharing, and "buyer" acts with and without a buyer behind them.
  const history = (minutes: number, row: { action: string; actorSide: "BUYER" | "SELLER"; actorParticipantId?: string; entityId: string }) => ({
    organizationId: A.organization.id,
    dealId: deal.id,
    planId: plan.id,
    actorName: "Someone",
    entityType: "MILESTONE",
    at: new Date(at.getTime() + minutes * 60_000),
    ...row,
  });
  await prisma.activity.createMany({
    data: [
      history(-5, { action: "milestone.redated", actorSide: "SELLER", entityId: milestones[2].id }),
      history(5, { action: "milestone.redated", actorSide: "SELLER", entityId: milestones[2].id }),
      history(6, { action: "milestone.redated", actorSide: "BUYER", actorParticipantId: buyer.id, entityId: milestones[2].id }),
      history(7, { action: "milestone.redated", actorSide: "SELLER", entityId: milestones[3].id }),
      history(8, { action: "comment.added", actorSide: "BUYER", actorParticipantId: buyer.id, entityId: milestones[3].id }),
      history(9, { action: "comment.added", actorSide: "SELLER", entityId: milestones[3].id }),
      history(10, { action: "comment.added", actorSide: "BUYER", entityId: milestones[3].id }),
    ],
  });
  await prisma.deal.create({
    data: { organizationId: A.organization.id, ownerId: A.rep.id, accountName: "No plan", name: "No plan yet", amount: 1, targetCloseDate: "2027-01-31" },
  });
});

/** The same rows through Prisma's include, in the page's order. */
async function byInclude(actor: SellerActor, dealId: string) {
  const deal = await prisma.deal.findFirst({
    where: { id: dealId, ...visibleDealsWhere(actor) },
    include: {
      owner: { select: { id: true, name: true, email: true } },
      organization: { select: { timezone: true, fiscalYearStartMonth: true } },
      meddpicc: true,
      stakeholders: { orderBy: { role: "asc" } },
      plan: {
        include: {
          milestones: { orderBy: { position: "asc" } },
          participants: { orderBy: [{ side: "asc" }, { createdAt: "asc" }, { id: "asc" }] },
          acceptedBy: { select: { name: true } },
        },
      },
    },
  });
  return deal;
}

const PLAN_FIELDS = ["id", "title", "summary", "status", "sharedOn", "sharedAt", "acceptedAt", "acceptedBy", "allowedDomains", "startDate", "version"];
const STEP_FIELDS = ["id", "title", "output", "ownerSide", "ownerParticipantId", "targetDate", "originalTargetDate", "status", "completedOn"];
const PERSON_FIELDS = ["id", "side", "name", "email", "title", "role", "accessState", "invitedAt", "lastSeenAt", "version"];
const pick = (row: object, fields: string[]) => Object.fromEntries(fields.map((f) => [f, (row as Record<string, unknown>)[f]]));

function comparable(deal: NonNullable<Awaited<ReturnType<typeof byInclude>>>) {
  const { plan, ...rest } = deal;
  if (!plan) return { ...rest, plan: null };
  return {
    ...rest,
    plan: {
      ...pick(plan, PLAN_FIELDS),
      milestones: plan.milestones.map((m) =>
        pick(m, [...STEP_FIELDS, "markedDoneBySide", "buyerConfirmedAt", "gatesStage", "internalOnly", "position", "version"]),
      ),
      participants: plan.participants.map((p) => pick(p, PERSON_FIELDS)),
    },
  };
}

describe("the deal page's workspace, read in one statement", () => {
  it("gives the rows Prisma's include gives, for every seller who may see the deal", async () => {
    const noPlan = await prisma.deal.findFirstOrThrow({ where: { organizationId: A.organization.id, accountName: "No plan" } });
    for (const user of [A.rep, A.manager, A.admin]) {
      const actor = await actorFor(user.id);
      for (const dealId of [A.repDeal.deal.id, noPlan.id]) {
        const expected = comparable((await byInclude(actor, dealId))!);
        const { workspace } = await readDealPage(actor, dealId);
        expect(comparable(workspace as Parameters<typeof comparable>[0])).toEqual(expected);
        expect(await getDealPlan(actor, dealId)).toEqual(workspace.plan);
      }
    }
    const plan = (await readDealPage(A.repActor, A.repDeal.deal.id)).workspace.plan!;
    expect(plan.acceptedBy).toEqual({ name: "Bea Buyer" });
    expect(plan.milestones[0].internalOnly).toBe(true);
  });

  it("is a 404 for a seller who may not see the deal, and for another organization", async () => {
    for (const actor of [A.otherRepActor, B.repActor, await actorFor(B.admin.id)]) {
      await expect(readDealPage(actor, A.repDeal.deal.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getDealPlan(actor, A.repDeal.deal.id)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe("the deal page's history, figures and change tag, read with the workspace", () => {
  it("are those the separate reads give", async () => {
    const noPlan = await prisma.deal.findFirstOrThrow({ where: { organizationId: A.organization.id, accountName: "No plan" } });
    for (const dealId of [A.repDeal.deal.id, noPlan.id]) {
      const page = await readDealPage(A.repActor, dealId);
      const latest = await prisma.activity.findMany({ where: { dealId }, orderBy: [{ at: "desc" }, { id: "desc" }], take: 50 });
      expect(page.activity).toEqual(latest.map(activityEntryOf));
      expect(page.changeTag).toBe(await dealChangeTag(A.repActor, dealId));
      const today = actorToday(A.repActor);
      expect(figuresOfLoadedDeal(page.workspace, page.facts, today)).toEqual((await loadDealFigures(A.repActor, [dealId])).get(dealId));
    }
    const { facts, activity } = await readDealPage(A.repActor, A.repDeal.deal.id);
    const [, , third, fourth] = A.repDeal.milestones;
    // The re-date before sharing does not count; only a buyer participant's own act is a buyer action.
    expect(Object.fromEntries(facts.redateCounts)).toEqual({ [third.id]: 2, [fourth.id]: 1 });
    expect(facts.lastBuyerAt.get(A.repDeal.plan.id)).toEqual(new Date("2026-11-20T10:19:12.345Z"));
    expect(activity.length).toBeGreaterThanOrEqual(6);
  });
});

describe("the step a seller's save starts from", () => {
  /** The stored row a stale save answers with, as the save read it. */
  async function storedRowOfStaleSave(actor: SellerActor, milestoneId: string) {
    const form = await milestoneForm(milestoneId, { title: "Stale" });
    const input = {
      ...form,
      version: Number(form.version) - 1,
      gatesStage: form.gatesStage ? Number(form.gatesStage) : null,
      internalOnly: "internalOnly" in form,
    };
    const error = await updateMilestone(actor, A.repDeal.deal.id, input as unknown as Parameters<typeof updateMilestone>[2]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersionConflictError);
    return (error as VersionConflictError).current;
  }

  it("is the row Prisma reads, with its plan's id, deal and status, for every seller who may see the deal", async () => {
    for (const user of [A.rep, A.manager, A.admin]) {
      const actor = await actorFor(user.id);
      for (const step of A.repDeal.milestones.slice(0, 3)) {
        const expected = await prisma.milestone.findFirstOrThrow({
          where: { id: step.id },
          include: { plan: { select: { id: true, dealId: true, status: true } } },
        });
        expect(await storedRowOfStaleSave(actor, step.id)).toEqual(expected);
      }
    }
  });

  it("is a 404 for a seller who may not see the deal, and for another organization", async () => {
    const form = await milestoneForm(A.repDeal.milestones[2].id, { title: "Not yours" });
    for (const actor of [A.otherRepActor, B.repActor]) {
      const input = { ...form, version: Number(form.version), gatesStage: null, internalOnly: false };
      await expect(updateMilestone(actor, A.repDeal.deal.id, input as unknown as Parameters<typeof updateMilestone>[2])).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
