// The stakeholder map on the deal page, through the real loader and action: suggestions from the
// plan's buyers, the rep's override, conflicts (also between two first readings), bad values, and
// the health reason in the cache.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as dealPage from "~/routes/_seller.deals.$dealId/route";
import { callAction, callLoader } from "../fixtures/routes";
import { buyerLoad, inviteAndSignIn } from "../fixtures/buyers";
import { addDealWithPlan, cookieFor, createTenant, type Tenant } from "../fixtures/world";

type DealPage = Awaited<ReturnType<typeof dealPage.loader>>["data"];

let tenant: Tenant;
let cookie: string;

beforeAll(async () => {
  tenant = await createTenant("Stakeholders");
  cookie = await cookieFor(tenant.rep.id);
});

const HIGH_RISK = "High-risk multi-threading";

async function page(dealId: string) {
  const result = await callLoader(dealPage.loader, { path: `/deals/${dealId}`, params: { dealId }, cookie });
  expect(result.status).toBe(200);
  return result.body as DealPage;
}

function save(dealId: string, form: Record<string, string | number>, as = cookie) {
  return callAction(dealPage.action, { path: `/deals/${dealId}`, params: { dealId }, cookie: as, form: { intent: "save-stakeholder", ...form } });
}

/** The fixture deal is 50,000 at stage 3 with one invited champion: five roles unknown, one weak. */
const highRiskDeal = () => addDealWithPlan(tenant.repActor);

const cell = (p: DealPage, role: string) => p.stakeholders.cells.find((c) => c.role === role)!;

describe("stakeholder map", () => {
  it("suggests each role from the plan's buyers, names the missing ones, and flags the deal high-risk in health and in the cache", async () => {
    const { deal } = await highRiskDeal();
    const p = await page(deal.id);
    expect(cell(p, "CHAMPION")).toMatchObject({ strength: "WEAK", source: "SUGGESTED", why: "Invited to the plan, never active" });
    expect(cell(p, "PROCUREMENT")).toMatchObject({ strength: "UNKNOWN", missing: true, risk: "Procurement missing: six-week delay at signature" });
    expect(p.stakeholders.weakOrUnknown).toBe(6);
    const reason = "High-risk multi-threading: 6 of 6 buying roles weak or unknown on a 50,000 deal before stage 4";
    expect(p.stakeholders.highRiskReason).toBe(reason);
    expect(p.signals!.health.deductions).toContainEqual({ points: 10, reason });
  });

  it("saves the rep's reading (303), records it for the team only, overrides the suggestion and refreshes the signal cache", async () => {
    const { deal, buyer } = await highRiskDeal();
    const before = await page(deal.id);
    const scoreBefore = before.signals!.health.score;
    // Three roles read strong or lukewarm leave three weak or unknown: still high-risk.
    for (const role of ["ECONOMIC_BUYER", "TECHNICAL_EVALUATOR"]) expect((await save(deal.id, { role, strength: "STRONG", version: 0 })).status).toBe(303);
    const saved = await save(deal.id, { role: "CHAMPION", strength: "LUKEWARM", holderParticipantId: buyer.id, version: 0 });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe(`/deals/${deal.id}#stakeholder-CHAMPION`);
    let p = await page(deal.id);
    expect(cell(p, "CHAMPION")).toMatchObject({ strength: "LUKEWARM", source: "REP", suggested: "WEAK" });
    expect(cell(p, "CHAMPION").stored).toEqual({ role: "CHAMPION", strength: "LUKEWARM", holderParticipantId: buyer.id, version: 1 });
    expect(p.stakeholders.weakOrUnknown).toBe(3);
    expect(p.stakeholders.highRiskReason).toContain("3 of 6");

    // The fourth lifts the flag: health gets its 10 points back, the cache follows at once.
    expect((await save(deal.id, { role: "PROCUREMENT", strength: "WEAK", version: 0 })).status).toBe(303);
    expect((await save(deal.id, { role: "PROCUREMENT", strength: "LUKEWARM", version: 1 })).status).toBe(303);
    p = await page(deal.id);
    expect(p.stakeholders.highRiskReason).toBeNull();
    expect(p.signals!.health.reasons.some((r) => r.startsWith(HIGH_RISK))).toBe(false);
    expect(p.signals!.health.score).toBe(scoreBefore + 10);
    const cache = await prisma.dealSignalCache.findUniqueOrThrow({ where: { dealId: deal.id } });
    expect(cache).toMatchObject({ healthScore: p.signals!.health.score, stale: false });

    const history = await prisma.activity.findMany({ where: { dealId: deal.id, action: "stakeholder.rated" } });
    expect(history).toHaveLength(5);
    expect(history.every((a) => a.internalOnly)).toBe(true);
  });

  it("hands a role back to the suggestion when the strength is emptied", async () => {
    const { deal } = await highRiskDeal();
    expect((await save(deal.id, { role: "CHAMPION", strength: "STRONG", version: 0 })).status).toBe(303);
    expect((await save(deal.id, { role: "CHAMPION", strength: "", version: 1 })).status).toBe(303);
    expect(cell(await page(deal.id), "CHAMPION")).toMatchObject({ strength: "WEAK", source: "SUGGESTED", stored: { version: 0, strength: "" } });
    expect(await prisma.stakeholderRole.count({ where: { dealId: deal.id } })).toBe(0);
  });

  it("answers a stale version with 409 and the stored reading, and changes nothing", async () => {
    const { deal } = await highRiskDeal();
    expect((await save(deal.id, { role: "PROCUREMENT", strength: "WEAK", version: 0 })).status).toBe(303);
    const stale = await save(deal.id, { role: "PROCUREMENT", strength: "STRONG", version: 0 });
    expect(stale.status).toBe(409);
    expect((stale.body as { conflict: { current: unknown } }).conflict.current).toEqual({
      role: "PROCUREMENT",
      strength: "WEAK",
      holderParticipantId: "",
      version: 1,
    });
    expect(await prisma.stakeholderRole.findFirstOrThrow({ where: { dealId: deal.id } })).toMatchObject({ strength: "WEAK", version: 1 });
  });

  it.each([
    { form: { role: "PROCUREMENT", strength: "VERY_STRONG", version: 0 }, field: "strength" },
    { form: { role: "LEGAL", strength: "STRONG", version: 0 }, field: "role" },
    { form: { role: "PROCUREMENT", strength: "STRONG" }, field: "version" },
  ] as Array<{ form: Record<string, string | number>; field: string }>)("refuses $form with 400 on $field, nothing stored", async ({ form, field }) => {
    const { deal } = await highRiskDeal();
    const result = await save(deal.id, form);
    expect(result.status).toBe(400);
    expect(Object.keys((result.body as { result: { error: Record<string, string[]> } }).result.error)).toEqual([field]);
    expect(await prisma.stakeholderRole.count({ where: { dealId: deal.id } })).toBe(0);
  });

  const fieldErrors = (result: { body: unknown }) => (result.body as { result: { error: Record<string, string[]> } }).result.error;

  it("a holder on the plan who is no buyer there (removed, or a seller) is a 400 on the holder; an id from elsewhere is a 404", async () => {
    const { deal, plan } = await highRiskDeal();
    const other = await addDealWithPlan(tenant.repActor);
    const seller = await prisma.participant.findFirstOrThrow({ where: { planId: plan.id, side: "SELLER" } });
    const revoked = await prisma.participant.create({
      data: { organizationId: tenant.organization.id, planId: plan.id, side: "BUYER", email: "gone@buyer.example", name: "Gone", accessState: "REVOKED" },
    });
    for (const holder of [revoked.id, seller.id]) {
      const result = await save(deal.id, { role: "CHAMPION", strength: "STRONG", holderParticipantId: holder, version: 0 });
      expect(result.status).toBe(400);
      expect(fieldErrors(result)).toEqual({ holderParticipantId: ["That buyer is no longer on the plan"] });
    }
    for (const holder of [other.buyer.id, "made-up"]) {
      expect((await save(deal.id, { role: "CHAMPION", strength: "STRONG", holderParticipantId: holder, version: 0 })).status).toBe(404);
    }
    expect(await prisma.stakeholderRole.count({ where: { dealId: deal.id } })).toBe(0);
  });

  it("refuses 'Suggested' with a person named (400 on the strength), keeping the stored reading", async () => {
    const { deal, buyer } = await highRiskDeal();
    expect((await save(deal.id, { role: "CHAMPION", strength: "STRONG", holderParticipantId: buyer.id, version: 0 })).status).toBe(303);
    const result = await save(deal.id, { role: "CHAMPION", strength: "", holderParticipantId: buyer.id, version: 1 });
    expect(result.status).toBe(400);
    expect(Object.keys(fieldErrors(result))).toEqual(["strength"]);
    expect(await prisma.stakeholderRole.findFirstOrThrow({ where: { dealId: deal.id } })).toMatchObject({
      strength: "STRONG",
      participantId: buyer.id,
      version: 1,
    });
  });

  it("answers first readings of one role saved at once like a stale version: one is stored, the others get 409", async () => {
    const { deal } = await highRiskDeal();
    const strengths = ["STRONG", "LUKEWARM", "WEAK", "UNKNOWN"];
    const results = await Promise.all(strengths.map((strength) => save(deal.id, { role: "ECONOMIC_BUYER", strength, version: 0 })));
    expect(results.map((r) => r.status).sort()).toEqual([303, 409, 409, 409]);
    const stored = await prisma.stakeholderRole.findFirstOrThrow({ where: { dealId: deal.id } });
    expect(stored.version).toBe(1);
    for (const r of results.filter((r) => r.status === 409)) {
      expect((r.body as { conflict: { current: unknown } }).conflict.current).toEqual({
        role: "ECONOMIC_BUYER",
        strength: stored.strength,
        holderParticipantId: "",
        version: 1,
      });
    }
  });

  it("is never on the buyer's page", async () => {
    const { deal, plan, buyer } = await highRiskDeal();
    expect((await save(deal.id, { role: "PROCUREMENT", strength: "WEAK", version: 0 })).status).toBe(303);
    const { cookie: buyerCookie } = await inviteAndSignIn(deal.id, buyer.id);
    const seen = await buyerLoad(plan.id, buyerCookie);
    expect(seen.status).toBe(200);
    for (const words of ["Stakeholder map", "six-week delay", HIGH_RISK, "Lukewarm"]) {
      expect(seen.body).not.toContain(words);
      expect(JSON.stringify(seen.view)).not.toContain(words);
    }
  });
});
