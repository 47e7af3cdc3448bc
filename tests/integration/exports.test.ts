// Exports (docs/exports.md): a plan as CSV and as a printable page, for the seller and the buyer,
// and the pipeline as CSV. The files hold the plan's own rows, cells a spreadsheet would run are
// made text, the buyer's never hold an internal-only step, and every id that is not the reader's
// answers the same 404 as a made-up one.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as sellerCsv from "~/routes/deals.$dealId.plan[.]csv";
import * as sellerPrint from "~/routes/deals.$dealId.print";
import * as buyerCsv from "~/routes/p.$planId_.plan[.]csv";
import * as buyerPrint from "~/routes/p.$planId_.print";
import { inviteAndSignIn, sellerPost } from "../fixtures/buyers";
import { readCsv } from "../fixtures/csv";
import { callLoader, type RouteResult } from "../fixtures/routes";
import { cookieFor, createTenant, milestoneForm, type Tenant } from "../fixtures/world";

const FORMULA_TITLE = '=HYPERLINK("http://evil.example","Click")';
const INTERNAL_TITLE = "Internal pricing review";

let A: Tenant;
let B: Tenant;
const cookies = { aRep: "", aOtherRep: "", aManager: "", aAdmin: "", bRep: "", aBuyer: "", bBuyer: "" };

beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
});

beforeAll(async () => {
  A = await createTenant("Exporter");
  B = await createTenant("Stranger");
  cookies.aRep = await cookieFor(A.rep.id);
  cookies.aOtherRep = await cookieFor(A.otherRep.id);
  cookies.aManager = await cookieFor(A.manager.id);
  cookies.aAdmin = await cookieFor(A.admin.id);
  cookies.bRep = await cookieFor(B.rep.id);
  const [first, second] = A.repDeal.milestones;
  expect((await sellerPost(A.repDeal.deal.id, await milestoneForm(first.id, { title: FORMULA_TITLE, output: "@SUM(A1:A2)" }), cookies.aRep)).status).toBe(303);
  expect((await sellerPost(A.repDeal.deal.id, await milestoneForm(second.id, { title: INTERNAL_TITLE, internalOnly: "on" }), cookies.aRep)).status).toBe(303);
  cookies.aBuyer = (await inviteAndSignIn(A.repDeal.deal.id, A.repDeal.buyer.id)).cookie;
  cookies.bBuyer = (await inviteAndSignIn(B.repDeal.deal.id, B.repDeal.buyer.id)).cookie;
});

const sellerCall = (route: unknown, cookie: string, dealId: string, file: string) =>
  callLoader(route, { path: `/deals/${dealId}/${file}`, params: { dealId }, cookie });
const buyerCall = (route: unknown, cookie: string | undefined, planId: string, file: string) =>
  callLoader(route, { path: `/p/${planId}/${file}`, params: { planId }, cookie });
const pick = ({ status, body }: RouteResult) => ({ status, body });
/** A buyer's error page links back to the plan's own way in: that address aside, every 404 is the same. */
const pickAt = (planId: string, result: RouteResult) => ({ status: result.status, body: String(result.body).replaceAll(planId, "PLAN") });

describe("the seller's plan CSV", () => {
  it("has one row per step of the plan, internal-only ones marked, formula cells made text, as a no-store download", async () => {
    const answer = await sellerCall(sellerCsv.loader, cookies.aRep, A.repDeal.deal.id, "plan.csv");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Cache-Control")).toBe("no-store");
    expect(answer.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
    const slug = A.repDeal.deal.accountName.toLowerCase().replace(/ /g, "-");
    expect(answer.headers.get("Content-Disposition")).toBe(`attachment; filename="${slug}-plan-${today}.csv"`);

    const steps = await prisma.milestone.findMany({ where: { planId: A.repDeal.plan.id } });
    const rows = readCsv(String(answer.body));
    expect(rows.map((r) => r.Step).sort()).toEqual(steps.map((s) => (s.title.startsWith("=") ? `'${s.title}` : s.title)).sort());
    expect(rows.find((r) => r.Step === `'${FORMULA_TITLE}`)?.Output).toBe("'@SUM(A1:A2)");
    expect(rows.find((r) => r.Step === INTERNAL_TITLE)?.["Internal only"]).toBe("yes");
    for (const step of steps) {
      const row = rows.find((r) => r.Step.endsWith(step.title))!;
      expect([row["Due date"], row["Original date"], row["Owner side"]]).toEqual([
        step.targetDate,
        step.originalTargetDate,
        { BUYER: "Buyer", SELLER: "Seller", JOINT: "Joint" }[step.ownerSide],
      ]);
    }
  });
});

describe("the buyer's plan CSV and printed plan", () => {
  it("hold the steps the buyer's page shows and never an internal-only one", async () => {
    const answer = await buyerCall(buyerCsv.loader, cookies.aBuyer, A.repDeal.plan.id, "plan.csv");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Cache-Control")).toBe("no-store");
    const text = String(answer.body);
    expect(text).not.toContain(INTERNAL_TITLE);
    expect(text.split("\n")[0]).not.toContain("Internal");
    const shown = await prisma.milestone.count({ where: { planId: A.repDeal.plan.id, internalOnly: false } });
    expect(readCsv(text)).toHaveLength(shown);

    const page = await buyerCall(buyerPrint.loader, cookies.aBuyer, A.repDeal.plan.id, "print");
    expect(page.status).toBe(200);
    const html = String(page.body);
    expect(html).toContain(A.repDeal.plan.title);
    expect(html).not.toContain(INTERNAL_TITLE);
    expect(html).not.toMatch(/<form|<button|<script|<nav/);
  });

  it("answers another plan's buyer, or a made-up plan, with the same 404, and a stranger with the way in", async () => {
    for (const [route, file] of [
      [buyerCsv.loader, "plan.csv"],
      [buyerPrint.loader, "print"],
    ] as const) {
      const madeUp = pickAt("made-up-plan", await buyerCall(route, cookies.aBuyer, "made-up-plan", file));
      expect(madeUp.status).toBe(404);
      for (const [cookie, planId] of [
        [cookies.bBuyer, A.repDeal.plan.id],
        [cookies.aBuyer, B.repDeal.plan.id],
        [cookies.aBuyer, A.otherRepDeal.plan.id],
      ]) {
        expect(pickAt(planId, await buyerCall(route, cookie, planId, file))).toEqual(madeUp);
      }
      const stranger = await buyerCall(route, undefined, A.repDeal.plan.id, file);
      expect([stranger.status, stranger.headers.get("Location")]).toEqual([302, `/p/${A.repDeal.plan.id}/join`]);
    }
  });
});

describe("the seller's printed plan", () => {
  it("shows every step with the seller's branding, internal-only ones marked, and no form, button or script", async () => {
    const page = await sellerCall(sellerPrint.loader, cookies.aRep, A.repDeal.deal.id, "print");
    expect(page.status).toBe(200);
    const html = String(page.body);
    expect(html).toContain(INTERNAL_TITLE);
    expect(html).toContain("Internal only");
    expect(html).toContain(A.organization.name);
    expect(html).not.toMatch(/<form|<button|<script|<nav/);
    expect(html.match(/data-print-section/g)!.length).toBeGreaterThan(1);
    expect(html).toContain(`/deals/${A.repDeal.deal.id}/print?as=buyer`);
  });

  it("prints as the buyer sees it on asking: no internal-only step, no deal name", async () => {
    const page = await callLoader(sellerPrint.loader, {
      path: `/deals/${A.repDeal.deal.id}/print?as=buyer`,
      params: { dealId: A.repDeal.deal.id },
      cookie: cookies.aRep,
    });
    expect(page.status).toBe(200);
    const html = String(page.body);
    expect(html).toContain(A.repDeal.plan.title);
    expect(html).not.toContain(INTERNAL_TITLE);
    expect(html).not.toContain("Internal only");
    expect(html).not.toContain(A.repDeal.deal.name);
  });

  it("answers a deal of another organization, or one the rep may not see, with the same 404 as a made-up id", async () => {
    for (const [route, file] of [
      [sellerCsv.loader, "plan.csv"],
      [sellerPrint.loader, "print"],
    ] as const) {
      const madeUp = pick(await sellerCall(route, cookies.aRep, "made-up-deal", file));
      expect(madeUp.status).toBe(404);
      expect(pick(await sellerCall(route, cookies.aRep, B.repDeal.deal.id, file))).toEqual(madeUp);
      expect(pick(await sellerCall(route, cookies.bRep, A.repDeal.deal.id, file))).toEqual(madeUp);
      expect(pick(await sellerCall(route, cookies.aOtherRep, A.repDeal.deal.id, file))).toEqual(madeUp);
      expect((await sellerCall(route, cookies.aManager, A.repDeal.deal.id, file)).status).toBe(200);
      expect((await sellerCall(route, cookies.aAdmin, A.otherRepDeal.deal.id, file)).status).toBe(200);
    }
  });
});
