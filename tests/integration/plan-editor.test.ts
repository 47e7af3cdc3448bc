// The rep's plan editor, driven through the deal page's real loader and action.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as dealPage from "~/routes/_seller.deals.$dealId/route";
import * as newDeal from "~/routes/_seller.deals.new";
import { addDays } from "~/domain/dates";
import { DEFAULT_TEMPLATE_STEPS } from "~/domain/default-template";
import { callAction, callLoader } from "../fixtures/routes";
import { addDealWithPlan, cookieFor, createTenant, milestoneForm, type Tenant } from "../fixtures/world";

let tenant: Tenant;
let cookie: string;

beforeAll(async () => {
  tenant = await createTenant("Editor");
  cookie = await cookieFor(tenant.rep.id);
});

function post(dealId: string, form: Record<string, string | number>) {
  return callAction(dealPage.action, { path: `/deals/${dealId}`, params: { dealId }, cookie, form });
}

describe("creating a deal", () => {
  it("builds the plan from the default template, dated from the chosen start day", async () => {
    const response = await callAction(newDeal.action, {
      path: "/deals/new",
      cookie,
      form: {
        accountName: "Initech",
        name: "Initech rollout",
        amount: "48000",
        currency: "EUR",
        stage: "2",
        targetCloseDate: "2027-02-26",
        repForecastCategory: "BEST_CASE",
        planMode: "template",
        planStartDate: "2027-01-28",
      },
    });
    expect(response.status).toBe(303);
    const dealId = response.headers.get("Location")!.split("/").pop()!.split("#")[0];
    const page = await callLoader(dealPage.loader, { path: `/deals/${dealId}`, params: { dealId }, cookie });
    const { plan, activity } = page.body as Awaited<ReturnType<typeof dealPage.loader>>["data"];
    expect(plan!.milestones.map((m) => [m.title, m.targetDate, m.ownerSide, m.gatesStage])).toEqual(
      DEFAULT_TEMPLATE_STEPS.map((s) => [s.title, addDays("2027-01-28", s.dayOffset), s.ownerSide, s.gatesStage]),
    );
    // Day 7 of a plan that starts on 28 January crosses the month end.
    expect(plan!.milestones[0].targetDate).toBe("2027-02-04");
    expect(plan!.participants).toEqual([expect.objectContaining({ side: "SELLER", name: tenant.rep.name })]);
    expect(activity.map((a) => a.action)).toEqual(["plan.created", "deal.created"]);
  });

  it("rejects bad input with field errors and creates nothing", async () => {
    const before = await prisma.deal.count();
    const response = await callAction(newDeal.action, {
      path: "/deals/new",
      cookie,
      form: {
        accountName: "",
        name: "x",
        amount: "-5",
        currency: "USD",
        stage: "9",
        targetCloseDate: "2027-02-30",
        repForecastCategory: "PIPELINE",
        planMode: "template",
        planStartDate: "",
      },
    });
    expect(response.status).toBe(400);
    const errors = (response.body as { result: { error: Record<string, string[]> } }).result.error;
    expect(Object.keys(errors).sort()).toEqual(["accountName", "amount", "planStartDate", "stage", "targetCloseDate"]);
    expect(await prisma.deal.count()).toBe(before);
  });
});

describe("editing milestones", () => {
  it("records a re-date in the activity list, with before and after", async () => {
    const { deal, milestones } = await addDealWithPlan(tenant.repActor);
    const target = milestones[1];
    const response = await post(deal.id, await milestoneForm(target.id, { targetDate: "2026-12-22" }));
    expect(response.status).toBe(303);
    const redate = await prisma.activity.findFirstOrThrow({ where: { entityId: target.id, action: "milestone.redated" } });
    expect(JSON.parse(redate.before!)).toEqual({ targetDate: target.targetDate });
    expect(JSON.parse(redate.after!)).toEqual({ targetDate: "2026-12-22" });
    expect(redate.actorSide).toBe("SELLER");
    expect(redate.actorUserId).toBe(tenant.rep.id);
  });

  it("lets original dates follow edits while the plan is a draft, and freezes them once shared", async () => {
    const { deal, plan, milestones } = await addDealWithPlan(tenant.repActor);
    const [first] = milestones;
    await post(deal.id, await milestoneForm(first.id, { targetDate: "2026-12-10" }));
    expect(await prisma.milestone.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ targetDate: "2026-12-10", originalTargetDate: "2026-12-10" });

    expect((await post(deal.id, { intent: "share-plan", version: plan.version })).status).toBe(303);
    await post(deal.id, await milestoneForm(first.id, { targetDate: "2026-12-17" }));
    expect(await prisma.milestone.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ targetDate: "2026-12-17", originalTargetDate: "2026-12-10" });
  });

  it("shows a buyer step the seller marked done as awaiting buyer confirmation", async () => {
    const { deal, milestones } = await addDealWithPlan(tenant.repActor);
    const buyerStep = milestones.find((m) => m.ownerSide === "BUYER")!;
    const sellerStep = milestones.find((m) => m.ownerSide === "SELLER")!;
    await post(deal.id, await milestoneForm(buyerStep.id, { status: "DONE" }));
    await post(deal.id, await milestoneForm(sellerStep.id, { status: "DONE" }));
    const page = await callLoader(dealPage.loader, { path: `/deals/${deal.id}`, params: { dealId: deal.id }, cookie });
    const views = (page.body as Awaited<ReturnType<typeof dealPage.loader>>["data"]).plan!.milestones;
    expect(views.find((m) => m.id === buyerStep.id)!.completion).toBe("AWAITING_BUYER_CONFIRMATION");
    expect(views.find((m) => m.id === sellerStep.id)!.completion).toBe("DONE");
    const stored = await prisma.milestone.findUniqueOrThrow({ where: { id: buyerStep.id } });
    expect(stored).toMatchObject({ markedDoneBySide: "SELLER", markedDoneByUserId: tenant.rep.id, buyerConfirmedAt: null });
  });

  it("keeps a done step's owner side: a step the seller marked done cannot become a seller step and count", async () => {
    const { deal, milestones } = await addDealWithPlan(tenant.repActor);
    const buyerStep = milestones.find((m) => m.ownerSide === "BUYER")!;
    await post(deal.id, await milestoneForm(buyerStep.id, { status: "DONE" }));
    const before = await prisma.milestone.findUniqueOrThrow({ where: { id: buyerStep.id } });
    const seller = (await prisma.participant.findFirstOrThrow({ where: { planId: before.planId, side: "SELLER" } })).id;
    const moved = await post(deal.id, await milestoneForm(buyerStep.id, { ownerSide: "SELLER", ownerParticipantId: seller }));
    expect(moved.status).toBe(400);
    expect((moved.body as { result: { error: Record<string, string[]> } }).result.error.ownerSide).toEqual([
      "Reopen this step before changing who owns it: a done step keeps the side that finished it",
    ]);
    expect(await prisma.milestone.findUniqueOrThrow({ where: { id: buyerStep.id } })).toEqual(before);
    // Reopened, it may change hands; the seller's earlier mark is gone with the reopening.
    const reopened = await post(deal.id, await milestoneForm(buyerStep.id, { status: "NOT_STARTED", ownerSide: "SELLER", ownerParticipantId: seller }));
    expect(reopened.status).toBe(303);
    expect(await prisma.milestone.findUniqueOrThrow({ where: { id: buyerStep.id } })).toMatchObject({
      ownerSide: "SELLER",
      status: "NOT_STARTED",
      markedDoneBySide: null,
    });
  });

  it("refuses the buyer's own acts from a seller with 403, changing nothing", async () => {
    const { deal, plan, milestones } = await addDealWithPlan(tenant.repActor);
    const buyerStep = milestones.find((m) => m.ownerSide === "BUYER")!;
    await post(deal.id, await milestoneForm(buyerStep.id, { status: "DONE" }));
    const step = await prisma.milestone.findUniqueOrThrow({ where: { id: buyerStep.id } });
    const stored = await prisma.plan.findUniqueOrThrow({ where: { id: plan.id } });
    expect((await post(deal.id, { intent: "confirm", milestoneId: step.id, version: step.version })).status).toBe(403);
    expect((await post(deal.id, { intent: "accept-plan", version: stored.version })).status).toBe(403);
    expect(await prisma.milestone.findUniqueOrThrow({ where: { id: step.id } })).toEqual(step);
    expect(await prisma.plan.findUniqueOrThrow({ where: { id: plan.id } })).toEqual(stored);
  });

  it("adds, reorders and deletes milestones, each with an activity row", async () => {
    const { deal, plan, buyer } = await addDealWithPlan(tenant.repActor);
    const added = await post(deal.id, {
      intent: "add-milestone",
      title: "Pilot kickoff",
      output: "Pilot plan signed",
      ownerSide: "BUYER",
      ownerParticipantId: buyer.id,
      targetDate: "2026-12-05",
      status: "NOT_STARTED",
      gatesStage: "4",
    });
    expect(added.status).toBe(303);
    const pilot = await prisma.milestone.findFirstOrThrow({ where: { planId: plan.id, title: "Pilot kickoff" } });
    expect(pilot.position).toBe(9);

    await post(deal.id, { intent: "move-milestone", milestoneId: pilot.id, direction: "up", version: pilot.version });
    const order = await prisma.milestone.findMany({ where: { planId: plan.id }, orderBy: { position: "asc" }, select: { title: true } });
    expect(order.at(-2)!.title).toBe("Pilot kickoff");
    expect(order.at(-1)!.title).toBe("Countersignature");

    const moved = await prisma.milestone.findUniqueOrThrow({ where: { id: pilot.id } });
    expect((await post(deal.id, { intent: "delete-milestone", milestoneId: pilot.id, version: moved.version })).status).toBe(303);
    expect(await prisma.milestone.findUnique({ where: { id: pilot.id } })).toBeNull();
    const actions = await prisma.activity.findMany({ where: { entityId: pilot.id }, orderBy: { at: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["milestone.created", "milestone.moved", "milestone.deleted"]);
  });

  it("refuses an owner from the wrong side or from another plan", async () => {
    const { deal, milestones } = await addDealWithPlan(tenant.repActor);
    const other = await addDealWithPlan(tenant.repActor);
    const sellerStep = milestones.find((m) => m.ownerSide === "SELLER")!;
    const wrongSide = await post(
      deal.id,
      await milestoneForm(sellerStep.id, {
        ownerParticipantId: (await prisma.participant.findFirstOrThrow({ where: { planId: sellerStep.planId, side: "BUYER" } })).id,
      }),
    );
    expect(wrongSide.status).toBe(400);
    const otherPlan = await post(deal.id, await milestoneForm(sellerStep.id, { ownerSide: "JOINT", ownerParticipantId: other.buyer.id }));
    expect(otherPlan.status).toBe(400);
    expect(await prisma.milestone.findUniqueOrThrow({ where: { id: sellerStep.id } })).toMatchObject({ version: sellerStep.version });
  });

  it("answers a bad date with a field error and keeps the stored row", async () => {
    const { deal, milestones } = await addDealWithPlan(tenant.repActor);
    const response = await post(deal.id, await milestoneForm(milestones[0].id, { targetDate: "2026-13-01", title: "" }));
    expect(response.status).toBe(400);
    const errors = (response.body as { result: { error: Record<string, string[]> } }).result.error;
    expect(errors.targetDate).toBeDefined();
    expect(errors.title).toEqual(["Title is required"]);
    expect(await prisma.milestone.findUniqueOrThrow({ where: { id: milestones[0].id } })).toEqual(milestones[0]);
  });
});

describe("two people saving the same milestone", () => {
  it("keeps the first save and answers the second with 409 and the stored row", async () => {
    const { deal, milestones } = await addDealWithPlan(tenant.repActor);
    const target = milestones[2];
    const managerCookie = await cookieFor(tenant.manager.id);
    const repEdit = await milestoneForm(target.id, { title: "Security review (rep)", targetDate: "2026-12-30" });
    const managerEdit = await milestoneForm(target.id, { title: "Security review (manager)" });

    const first = await post(deal.id, repEdit);
    const second = await callAction(dealPage.action, { path: `/deals/${deal.id}`, params: { dealId: deal.id }, cookie: managerCookie, form: managerEdit });

    expect(first.status).toBe(303);
    expect(second.status).toBe(409);
    const conflict = (second.body as { conflict: { current: { title: string; version: number }; yours: { title: string } } }).conflict;
    expect(conflict.current).toMatchObject({ title: "Security review (rep)", version: target.version + 1 });
    expect(conflict.yours.title).toBe("Security review (manager)");
    expect(await prisma.milestone.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      title: "Security review (rep)",
      targetDate: "2026-12-30",
      version: target.version + 1,
    });
  });

  it("does the same for the deal itself", async () => {
    const { deal } = await addDealWithPlan(tenant.repActor);
    const form = {
      intent: "update-deal",
      version: deal.version,
      accountName: deal.accountName,
      name: deal.name,
      amount: "60000",
      currency: "USD",
      stage: "4",
      targetCloseDate: deal.targetCloseDate,
      repForecastCategory: "COMMIT",
      outcome: "OPEN",
    };
    expect((await post(deal.id, form)).status).toBe(303);
    expect((await post(deal.id, { ...form, amount: "1" })).status).toBe(409);
    expect(await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({ amount: 60000, stage: 4, version: deal.version + 1 });
  });
});

describe("Post/Redirect/Get", () => {
  const load = (dealId: string, extraCookie = "") =>
    callLoader(dealPage.loader, { path: `/deals/${dealId}`, params: { dealId }, cookie: [cookie, extraCookie].filter(Boolean).join("; ") });
  const noticeOf = (page: { body: unknown }) => (page.body as Awaited<ReturnType<typeof dealPage.loader>>["data"]).notice;

  it("answers a save with 303 to the step's anchor, and the page says Saved once", async () => {
    const { deal, milestones } = await addDealWithPlan(tenant.repActor);
    const saved = await post(deal.id, await milestoneForm(milestones[1].id, { title: "Pilot agreed" }));
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe(`/deals/${deal.id}#milestone-${milestones[1].id}`);
    const flash = saved.headers.get("Set-Cookie")!.split(";")[0];

    const first = await load(deal.id, flash);
    expect(noticeOf(first)).toMatchObject({ formId: `update-milestone:${milestones[1].id}`, anchor: `milestone-${milestones[1].id}`, message: "Saved" });
    expect(first.headers.get("Set-Cookie")).toMatch(/^mutual_notice=;.*Max-Age=0/);
    // The browser dropped the cookie with that answer: a reload shows no notice and posts nothing.
    expect(noticeOf(await load(deal.id))).toBeNull();
    // A notice for another page waits for that page.
    expect(noticeOf(await load((await addDealWithPlan(tenant.repActor)).deal.id, flash))).toBeNull();
  });

  it("answers a refused save with 400, no redirect and no notice", async () => {
    const { deal, milestones } = await addDealWithPlan(tenant.repActor);
    const refused = await post(deal.id, await milestoneForm(milestones[0].id, { title: "", output: "Typed, kept" }));
    expect(refused.status).toBe(400);
    expect(refused.headers.get("Set-Cookie")).toBeNull();
    expect((refused.body as { result: { initialValue: Record<string, unknown> } }).result.initialValue).toMatchObject({ output: "Typed, kept" });
  });

  it("sends a new deal to its page with 303", async () => {
    const response = await callAction(newDeal.action, {
      path: "/deals/new",
      cookie,
      form: {
        accountName: "Hooli",
        name: "Hooli rollout",
        amount: "1000",
        currency: "USD",
        stage: "2",
        targetCloseDate: "2027-02-26",
        repForecastCategory: "PIPELINE",
        planMode: "none",
      },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toMatch(/^\/deals\/[a-z0-9]+#deal$/);
  });
});
