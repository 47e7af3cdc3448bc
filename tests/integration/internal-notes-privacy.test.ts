// Internal notes never reach a buyer: notes on the deal and on a step, carrying one unique marker
// and naming the buyer, are looked for in everything a buyer can be sent (their plan page, its
// poll and form answers, the join page, the plan as CSV and printed, every email to them) and in
// the CSV exports and printed plans.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { deliverDueEmails } from "~/utils/email.server";
import * as csvRoute from "~/routes/dashboard[.]csv";
import * as dealChanges from "~/routes/deals.$dealId.changes";
import * as planPage from "~/routes/p.$planId";
import * as buyerPlanCsv from "~/routes/p.$planId_.plan[.]csv";
import * as buyerPrint from "~/routes/p.$planId_.print";
import * as sellerPlanCsv from "~/routes/deals.$dealId.plan[.]csv";
import * as sellerPrint from "~/routes/deals.$dealId.print";
import * as pipelineCsv from "~/routes/deals[.]csv";
import { buyerLoad, buyerPost, inviteAndSignIn, joinLoad, opened, sellerLoad, sellerPost } from "../fixtures/buyers";
import { callLoader } from "../fixtures/routes";
import { actorFor, addDealWithPlan, cookieFor, createTenant, uniqueSuffix, type Tenant } from "../fixtures/world";

const MARKER = `internal-marker-${uniqueSuffix()}`;

let tenant: Tenant;
let fixture: Awaited<ReturnType<typeof addDealWithPlan>> & { cookie: string; firstTag: string };

beforeAll(async () => {
  tenant = await createTenant("Privacy");
  await prisma.user.update({ where: { id: tenant.manager.id }, data: { name: "Mona Manager" } });
  const deal = await addDealWithPlan(await actorFor(tenant.rep.id));
  const { cookie } = await inviteAndSignIn(deal.deal.id, deal.buyer.id);
  const firstTag = (await buyerLoad(deal.plan.id, cookie)).headers.get("ETag")!;
  fixture = { ...deal, cookie, firstTag };
  const [step, other] = deal.milestones;
  const notes = [
    { milestoneId: "", body: `${MARKER} on the deal. @Bea Buyer must never read this; @Mona Manager should.` },
    { milestoneId: step.id, body: `${MARKER} on a step. @bea @Mona` },
    { milestoneId: other.id, body: `@Bea Buyer ${MARKER}` },
  ];
  for (const form of notes) expect((await sellerPost(deal.deal.id, { intent: "add-note", ...form })).status).toBe(303);
  // A comment that names the buyer: the one email the buyer gets about this plan's conversation.
  expect((await sellerPost(deal.deal.id, { intent: "comment-step", milestoneId: step.id, body: "@Bea Buyer see the new date" })).status).toBe(303);
  await deliverDueEmails();
});

describe("internal notes", () => {
  it("are on the seller's page and in the teammate's mention email (the marker is findable)", async () => {
    expect(JSON.stringify((await sellerLoad(fixture.deal.id)).view.discussion)).toContain(MARKER);
    const toManager = (await prisma.emailOutbox.findMany({ where: { to: tenant.manager.email, kind: "MENTION" } })).map(opened);
    expect(toManager).toHaveLength(2);
    for (const email of toManager) expect(email.text).toContain(MARKER);
  });

  it("never appear on the buyer's page, its data, its poll or the answer to a refused form", async () => {
    const page = await buyerLoad(fixture.plan.id, fixture.cookie);
    expect(page.status).toBe(200);
    expect(page.body).toContain("see the new date");
    expect(page.body).not.toContain(MARKER);
    expect(JSON.stringify(page.view)).not.toContain(MARKER);

    const load = (headers: Record<string, string>) =>
      callLoader(planPage.loader, { path: `/p/${fixture.plan.id}`, params: { planId: fixture.plan.id }, cookie: fixture.cookie, headers });
    const polled = await load({ "If-None-Match": fixture.firstTag });
    expect(polled.status).toBe(200);
    expect(String(polled.body)).not.toContain(MARKER);
    const unchanged = await load({ "If-None-Match": page.headers.get("ETag")! });
    expect([unchanged.status, unchanged.body]).toEqual([304, ""]);

    for (const [route, file] of [
      [buyerPlanCsv.loader, "plan.csv"],
      [buyerPrint.loader, "print"],
    ] as const) {
      const exported = await callLoader(route, { path: `/p/${fixture.plan.id}/${file}`, params: { planId: fixture.plan.id }, cookie: fixture.cookie });
      expect(exported.status).toBe(200);
      expect(String(exported.body)).not.toContain(MARKER);
    }

    const refused = await buyerPost(fixture.plan.id, fixture.cookie, { intent: "comment", milestoneId: fixture.milestones[0].id, body: "" });
    expect(refused.status).toBe(400);
    expect(refused.body).not.toContain(MARKER);
    expect(String((await joinLoad(fixture.plan.id)).body)).not.toContain(MARKER);
  });

  it("never reach the buyer by email, even where the note names them", async () => {
    const toBuyer = (await prisma.emailOutbox.findMany({ where: { to: fixture.buyer.email } })).map(opened);
    expect(toBuyer.map((e) => e.kind).sort()).toEqual(["BUYER_INVITE", "MENTION"]);
    for (const email of toBuyer) expect(`${email.subject}\n${email.html}\n${email.text}`).not.toContain(MARKER);
    const mention = toBuyer.find((e) => e.kind === "MENTION")!;
    expect(mention.text).toContain("see the new date");
    expect(mention.text).not.toMatch(/internal note/i);
  });

  it("are in no other stored row a buyer's read could reach: comments and history hold no trace of them", async () => {
    expect(await prisma.comment.count({ where: { body: { contains: MARKER } } })).toBe(0);
    expect(await prisma.activity.count({ where: { OR: [{ after: { contains: MARKER } }, { before: { contains: MARKER } }] } })).toBe(0);
  });

  it("never appear in the CSV exports or the seller's poll", async () => {
    const admin = await cookieFor(tenant.admin.id);
    for (const query of ["", "?table=deals", `?rep=${tenant.rep.id}&table=deals`]) {
      const csv = await callLoader(csvRoute.loader, { path: `/dashboard.csv${query}`, cookie: admin });
      expect(csv.status).toBe(200);
      expect(String(csv.body)).not.toContain(MARKER);
    }
    const dealId = fixture.deal.id;
    for (const [route, path] of [
      [sellerPlanCsv.loader, `/deals/${dealId}/plan.csv`],
      [sellerPrint.loader, `/deals/${dealId}/print`],
      [pipelineCsv.loader, "/deals.csv"],
    ] as const) {
      const exported = await callLoader(route, { path, params: { dealId }, cookie: admin });
      expect(exported.status).toBe(200);
      expect(String(exported.body)).not.toContain(MARKER);
    }
    const poll = await callLoader(dealChanges.loader, { path: `/deals/${fixture.deal.id}/changes`, params: { dealId: fixture.deal.id }, cookie: admin });
    expect(poll.status).toBe(204);
    expect(poll.body).toBe("");
  });
});
