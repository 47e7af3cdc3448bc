// The page a check-in email's one-click answers open: its GET changes nothing, its one button
// applies the answer through the plan page's own model functions, with the same 400/403/404/409.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { addBuyerParticipant } from "~/models/participant.server";
import { buyerMarkBlocked } from "~/models/buyer-plan.server";
import { requireBuyerForPlan } from "~/utils/buyer-auth.server";
import * as checkInPage from "~/routes/p.$planId_.check-in";
import { callLoader } from "../fixtures/routes";
import { inviteAndSignIn, milestoneForm, post, sellerLoad, sellerPost, snapshotPlan, textOf, type Form } from "../fixtures/buyers";
import { createTenant, type Tenant } from "../fixtures/world";
import { livePlan, setStep, type LivePlan } from "../fixtures/reminders";

let tenant: Tenant;
let plan: LivePlan;
beforeAll(async () => {
  tenant = await createTenant("Check-in page");
  plan = await livePlan(tenant);
});

type Answer = "done" | "date" | "blocked";
const path = (planId: string, step: string, answer: string) => `/p/${planId}/check-in?${new URLSearchParams({ step, answer })}`;

async function open(planId: string, step: string, answer: string, cookie?: string) {
  const result = await callLoader(checkInPage.loader, { path: path(planId, step, answer), params: { planId }, cookie });
  return { ...result, body: String(result.body) };
}

async function answer(planId: string, step: string, answer: Answer | string, cookie: string | undefined, form: Form) {
  const result = await post(checkInPage.action, { path: path(planId, step, answer), params: { planId }, cookie, form });
  return { ...result, body: String(result.body) };
}

const step = (id: string) => prisma.milestone.findUniqueOrThrow({ where: { id } });
const INTENT: Record<Answer, string> = { done: "mark-done", date: "redate", blocked: "mark-blocked" };
async function formFor(id: string, kind: Answer, extra: Form = {}): Promise<Form> {
  return { intent: INTENT[kind], milestoneId: id, version: (await step(id)).version, ...extra };
}

describe("opening an answer", () => {
  it("sends a visitor without a session to the plan's sign-in", async () => {
    const page = await open(plan.plan.id, plan.beas.id, "done");
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toBe(`/p/${plan.plan.id}/join`);
  });

  it.each(["done", "date", "blocked"])("shows the step and one button for “%s”, and changes nothing", async (kind) => {
    const before = await snapshotPlan(plan.plan.id);
    const page = await open(plan.plan.id, plan.beas.id, kind, plan.cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get("Content-Type")).toContain("text/html");
    const words = textOf(page.body);
    expect(words).toContain(plan.beas.title);
    expect(page.body.match(/<button/g)).toHaveLength(1);
    expect(page.body).toContain(`action="${path(plan.plan.id, plan.beas.id, kind).replaceAll("&", "&amp;")}"`);
    if (kind === "date") expect(page.body).toContain('type="date"');
    expect(await snapshotPlan(plan.plan.id)).toEqual(before);
  });

  it("answers a link without a step or a known answer with 400", async () => {
    expect((await open(plan.plan.id, plan.beas.id, "maybe", plan.cookie)).status).toBe(400);
    expect((await callLoader(checkInPage.loader, { path: `/p/${plan.plan.id}/check-in`, params: { planId: plan.plan.id }, cookie: plan.cookie })).status).toBe(
      400,
    );
  });
});

describe("giving an answer", () => {
  it("done: marks the step done as the buyer, and goes back to the plan at the step", async () => {
    const p = await livePlan(tenant);
    const response = await answer(p.plan.id, p.beas.id, "done", p.cookie, await formFor(p.beas.id, "done"));
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`/p/${p.plan.id}#step-${p.beas.id}`);
    expect(response.headers.get("Set-Cookie")).toContain(`mutual_saved=mark-done%3A${p.beas.id}`);
    expect(await step(p.beas.id)).toMatchObject({ status: "DONE", markedDoneBySide: "BUYER", markedDoneByParticipantId: p.buyer.id });
  });

  it("new date: moves the step with the reason in the history, or refuses a bad date with 400 and keeps what was typed", async () => {
    const p = await livePlan(tenant);
    const bad = await answer(p.plan.id, p.beas.id, "date", p.cookie, await formFor(p.beas.id, "date", { targetDate: "2027-02-30", reason: "CFO away" }));
    expect(bad.status).toBe(400);
    expect(textOf(bad.body)).toMatch(/date/i);
    expect(bad.body).toContain('value="CFO away"');
    expect((await step(p.beas.id)).targetDate).toBe(p.beas.targetDate);

    const response = await answer(p.plan.id, p.beas.id, "date", p.cookie, await formFor(p.beas.id, "date", { targetDate: "2027-01-20", reason: "CFO away" }));
    expect(response.status).toBe(303);
    expect((await step(p.beas.id)).targetDate).toBe("2027-01-20");
    const history = await prisma.activity.findFirstOrThrow({ where: { entityId: p.beas.id, action: "milestone.redated" } });
    expect(history).toMatchObject({ actorSide: "BUYER", actorParticipantId: p.buyer.id });
    expect(JSON.parse(history.after!)).toEqual({ targetDate: "2027-01-20", reason: "CFO away" });
  });

  it("blocked: marks the step blocked with the reason, which the rep reads in the deal's history", async () => {
    const p = await livePlan(tenant);
    const response = await answer(p.plan.id, p.beas.id, "blocked", p.cookie, await formFor(p.beas.id, "blocked", { reason: "Waiting for our legal team" }));
    expect(response.status).toBe(303);
    expect((await step(p.beas.id)).status).toBe("BLOCKED");
    const history = await prisma.activity.findFirstOrThrow({ where: { entityId: p.beas.id, action: "milestone.status_changed" } });
    expect(history).toMatchObject({ actorSide: "BUYER", actorParticipantId: p.buyer.id, internalOnly: false });
    const deal = await sellerLoad(p.deal.id);
    expect(JSON.stringify(deal.view)).toContain("Waiting for our legal team");
  });

  it("refuses an answer its link did not ask, and another step than its link names, with 400", async () => {
    const before = await snapshotPlan(plan.plan.id);
    expect((await answer(plan.plan.id, plan.beas.id, "done", plan.cookie, await formFor(plan.beas.id, "blocked"))).status).toBe(400);
    expect((await answer(plan.plan.id, plan.beas.id, "done", plan.cookie, await formFor(plan.unowned.id, "done"))).status).toBe(400);
    expect(await snapshotPlan(plan.plan.id)).toEqual(before);
  });

  it("refuses the status of a seller's step with 403, and shows no button for it", async () => {
    const before = await snapshotPlan(plan.plan.id);
    const page = await open(plan.plan.id, plan.reps.id, "done", plan.cookie);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain("<button");
    for (const kind of ["done", "blocked"] as const) {
      expect((await answer(plan.plan.id, plan.reps.id, kind, plan.cookie, await formFor(plan.reps.id, kind))).status).toBe(403);
    }
    expect(await snapshotPlan(plan.plan.id)).toEqual(before);
  });
});

describe("someone else saved first", () => {
  it("answers a stale version with 409: the saved date stays, and the buyer's date is offered to keep", async () => {
    const p = await livePlan(tenant);
    const stale = await formFor(p.beas.id, "date", { targetDate: "2027-02-01", reason: "Budget review" });
    expect((await sellerPost(p.deal.id, await milestoneForm(p.beas.id, { targetDate: "2027-01-25" }))).status).toBe(303);

    const conflict = await answer(p.plan.id, p.beas.id, "date", p.cookie, stale);
    expect(conflict.status).toBe(409);
    const words = textOf(conflict.body);
    expect(words).toContain("Someone else saved this first");
    expect(words).toContain("1 Feb 2027");
    expect(conflict.body).toContain('value="2027-02-01"');
    expect((await step(p.beas.id)).targetDate).toBe("2027-01-25");

    const current = await step(p.beas.id);
    const kept = await answer(p.plan.id, p.beas.id, "date", p.cookie, { ...stale, version: current.version });
    expect(kept.status).toBe(303);
    expect((await step(p.beas.id)).targetDate).toBe("2027-02-01");
  });

  it("answers a stale “done” with 409 and the step as saved now, whose button then works", async () => {
    const p = await livePlan(tenant);
    const stale = await formFor(p.beas.id, "done");
    expect((await sellerPost(p.deal.id, await milestoneForm(p.beas.id, { targetDate: "2027-01-26" }))).status).toBe(303);
    const conflict = await answer(p.plan.id, p.beas.id, "done", p.cookie, stale);
    expect(conflict.status).toBe(409);
    expect(conflict.body).toContain(`name="version" value="${(await step(p.beas.id)).version}"`);
    expect((await step(p.beas.id)).status).not.toBe("DONE");
  });
});

describe("another plan, another organization, a removed buyer", () => {
  it("answers a step of another plan with 404, though the buyer is on both plans", async () => {
    const other = await livePlan(tenant);
    const bea = await prisma.participant.findUniqueOrThrow({ where: { id: plan.buyer.id } });
    const twin = await addBuyerParticipant(tenant.repActor, other.deal.id, { name: bea.name, email: bea.email, title: "", role: "OTHER" });
    const { cookie } = await inviteAndSignIn(other.deal.id, twin.id);
    expect((await open(other.plan.id, other.beas.id, "done", cookie)).status).toBe(200);
    const before = [await snapshotPlan(plan.plan.id), await snapshotPlan(other.plan.id)];
    expect((await open(plan.plan.id, other.beas.id, "done", cookie)).status).toBe(404);
    for (const kind of ["done", "date", "blocked"] as const) {
      const response = await answer(
        plan.plan.id,
        other.beas.id,
        kind,
        cookie,
        await formFor(other.beas.id, kind, kind === "date" ? { targetDate: "2027-03-01" } : {}),
      );
      expect(response.status).toBe(404);
    }
    expect([await snapshotPlan(plan.plan.id), await snapshotPlan(other.plan.id)]).toEqual(before);
  });

  it("answers an internal-only or made-up step with 404", async () => {
    const p = await livePlan(tenant);
    await setStep(p.unowned.id, { internalOnly: true });
    for (const id of [p.unowned.id, "made-up-step"]) {
      expect((await open(p.plan.id, id, "blocked", p.cookie)).status).toBe(404);
      expect((await answer(p.plan.id, id, "blocked", p.cookie, { intent: "mark-blocked", milestoneId: id, version: 1 })).status).toBe(404);
    }
    expect((await step(p.unowned.id)).status).toBe("NOT_STARTED");
  });

  it("answers another organization's plan with 404, as if it did not exist", async () => {
    const elsewhere = await createTenant("Check-in elsewhere");
    const theirs = await livePlan(elsewhere);
    const before = await snapshotPlan(theirs.plan.id);
    expect((await open(theirs.plan.id, theirs.beas.id, "done", plan.cookie)).status).toBe(404);
    expect((await answer(theirs.plan.id, theirs.beas.id, "done", plan.cookie, await formFor(theirs.beas.id, "done"))).status).toBe(404);
    expect((await open(plan.plan.id, plan.beas.id, "done", theirs.cookie)).status).toBe(404);
    expect(await snapshotPlan(theirs.plan.id)).toEqual(before);
  });

  it("answers a removed buyer with 403 on the page and on the button", async () => {
    const p = await livePlan(tenant);
    const { version } = await prisma.participant.findUniqueOrThrow({ where: { id: p.buyer.id } });
    expect((await sellerPost(p.deal.id, { intent: "revoke-participant", participantId: p.buyer.id, version })).status).toBe(303);
    expect((await open(p.plan.id, p.beas.id, "done", p.cookie)).status).toBe(403);
    expect((await answer(p.plan.id, p.beas.id, "done", p.cookie, await formFor(p.beas.id, "done"))).status).toBe(403);
    expect((await step(p.beas.id)).status).toBe("NOT_STARTED");
  });
});

describe("a buyer marking a step blocked", () => {
  it("records it once, refuses a done step with a field error, and leaves a blocked one as it is", async () => {
    const p = await livePlan(tenant);
    const buyer = await requireBuyerForPlan(new Request(`http://localhost:3000/p/${p.plan.id}`, { headers: { Cookie: p.cookie } }), p.plan.id);
    await buyerMarkBlocked(buyer, { milestoneId: p.beas.id, version: p.beas.version, reason: "" });
    const blocked = await step(p.beas.id);
    await buyerMarkBlocked(buyer, { milestoneId: p.beas.id, version: blocked.version, reason: "again" });
    expect(await prisma.activity.count({ where: { entityId: p.beas.id, action: "milestone.status_changed" } })).toBe(1);
    expect((await step(p.beas.id)).version).toBe(blocked.version);

    await prisma.milestone.update({ where: { id: p.unowned.id }, data: { status: "DONE", markedDoneBySide: "BUYER" } });
    const done = await step(p.unowned.id);
    await expect(buyerMarkBlocked(buyer, { milestoneId: done.id, version: done.version, reason: "" })).rejects.toThrow("done already");
  });
});
