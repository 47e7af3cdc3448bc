// A hydrated deal page's save of a step answers with what it changed, through the page's real
// loader and action: the same parts a fresh load shows, and a change tag the page may adopt only
// when nothing else changed since it loaded.
import { beforeAll, describe, expect, it } from "vitest";
import * as dealPage from "~/routes/_seller.deals.$dealId/route";
import { prisma } from "~/utils/db.server";
import { callAction, callLoader } from "../fixtures/routes";
import { addDealWithPlan, cookieFor, createTenant, milestoneForm, type Tenant } from "../fixtures/world";

type Page = Awaited<ReturnType<typeof dealPage.loader>>["data"];
interface Answer {
  ok: boolean;
  notice: { formId: string; anchor: string; message: string };
  changes: Pick<Page, "plan" | "signals" | "activity" | "changeTag">;
}

let tenant: Tenant;
let cookie: string;

beforeAll(async () => {
  tenant = await createTenant("Answers");
  cookie = await cookieFor(tenant.rep.id);
});

const load = async (dealId: string) => (await callLoader(dealPage.loader, { path: `/deals/${dealId}`, params: { dealId }, cookie })).body as Page;
const post = (dealId: string, form: Record<string, string | number>) =>
  callAction(dealPage.action, { path: `/deals/${dealId}`, params: { dealId }, cookie, form });

describe("a step's save answered with what changed", () => {
  it("answers 200 with the plan, figures and history a fresh load shows, and the tag the page may adopt", async () => {
    const { deal, milestones } = await addDealWithPlan(tenant.repActor);
    const step = milestones[2];
    const before = await load(deal.id);
    const response = await post(deal.id, { ...(await milestoneForm(step.id, { targetDate: "2027-05-03" })), answer: "changes", pageTag: before.changeTag });
    expect(response.status).toBe(200);
    const answer = response.body as Answer;
    expect(answer.ok).toBe(true);
    expect(answer.notice).toMatchObject({ formId: `update-milestone:${step.id}`, anchor: `milestone-${step.id}`, message: "Saved" });
    const after = await load(deal.id);
    expect(answer.changes.plan).toEqual(after.plan);
    expect(answer.changes.signals).toEqual(after.signals);
    expect(answer.changes.activity).toEqual(after.activity);
    expect(answer.changes.activity[0]).toMatchObject({ action: "milestone.redated", entityId: step.id });
    expect(answer.changes.changeTag).toBe(after.changeTag);
    expect(answer.changes.changeTag).not.toBe(before.changeTag);
  });

  it("keeps the page's tag when someone else changed the plan after the page loaded", async () => {
    const { deal, milestones } = await addDealWithPlan(tenant.repActor);
    const before = await load(deal.id);
    // Another tab's save, answered the usual way.
    const other = milestones[0];
    expect((await post(deal.id, await milestoneForm(other.id, { title: "Changed elsewhere" }))).status).toBe(303);
    const response = await post(deal.id, {
      ...(await milestoneForm(milestones[1].id, { status: "IN_PROGRESS" })),
      answer: "changes",
      pageTag: before.changeTag,
    });
    expect(response.status).toBe(200);
    const answer = response.body as Answer;
    // The answer holds both changes, but the page's next poll must still bring the rest.
    expect(answer.changes.plan!.milestones.find((m) => m.id === other.id)!.title).toBe("Changed elsewhere");
    expect(answer.changes.changeTag).toBe(before.changeTag);
  });

  it("answers a stale save with a 409 that carries what is stored now, and changes nothing", async () => {
    const { deal, milestones } = await addDealWithPlan(tenant.repActor);
    const before = await load(deal.id);
    const form = await milestoneForm(milestones[3].id, { title: "Renamed" });
    expect((await post(deal.id, form)).status).toBe(303);
    const stale = await post(deal.id, { ...form, title: "Renamed again", answer: "changes", pageTag: before.changeTag });
    expect(stale.status).toBe(409);
    const answer = stale.body as Answer & { conflict: unknown };
    expect(answer.conflict).toBeDefined();
    expect(answer).not.toHaveProperty("notice");
    const after = await load(deal.id);
    expect(answer.changes.plan).toEqual(after.plan);
    expect(after.plan!.milestones.find((m) => m.id === milestones[3].id)!.title).toBe("Renamed");
    // The page's own save was refused: it keeps its tag, and its next poll brings the rest.
    expect(Object.keys(answer.changes)).toEqual(["plan"]);
  });

  it("answers a form posted without JavaScript with a 303, and a bad one with a 400 and no parts", async () => {
    const { deal, milestones } = await addDealWithPlan(tenant.repActor);
    expect((await post(deal.id, await milestoneForm(milestones[0].id, { title: "Plain" }))).status).toBe(303);
    const bad = await post(deal.id, { ...(await milestoneForm(milestones[1].id, { targetDate: "2027-02-30" })), answer: "changes", pageTag: "x" });
    expect(bad.status).toBe(400);
    expect(bad.body).not.toHaveProperty("changes");
  });

  it("moves the page's tag for a history row stamped earlier than the newest but committed later", async () => {
    const { deal } = await addDealWithPlan(tenant.repActor);
    const before = await load(deal.id);
    await prisma.activity.create({
      data: {
        organizationId: tenant.organization.id,
        dealId: deal.id,
        actorSide: "SYSTEM",
        actorName: "Mutual",
        entityType: "DEAL",
        entityId: deal.id,
        action: "deal.updated",
        at: new Date("2020-01-01T00:00:00Z"),
      },
    });
    expect((await load(deal.id)).changeTag).not.toBe(before.changeTag);
  });
});
