// The seller's views of the signals: MEDDPICC scoring, the deal page's figures, and the pipeline's
// risk order and filters, through the real loaders and actions.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as dealPage from "~/routes/_seller.deals.$dealId/route";
import * as list from "~/routes/_seller.deals._index";
import { callAction, callLoader } from "../fixtures/routes";
import { actorFor, addDealWithPlan, cookieFor, createTenant, type Tenant } from "../fixtures/world";
import { seedDemo } from "../../prisma/seed";
import { refreshAllSignalCaches } from "~/models/signals.server";

type DealPage = Awaited<ReturnType<typeof dealPage.loader>>["data"];
type List = Awaited<ReturnType<typeof list.loader>>;

let tenant: Tenant;
let cookie: string;

beforeAll(async () => {
  tenant = await createTenant("Signals");
  cookie = await cookieFor(tenant.rep.id);
});

const scores = { metrics: 2, economicBuyer: 2, decisionCriteria: 2, decisionProcess: 1, paperProcess: 1, identifyPain: 2, champion: 1, competition: 0 };

describe("MEDDPICC", () => {
  it("records the eight scores, shows the total, and feeds the engine", async () => {
    const { deal } = await addDealWithPlan(tenant.repActor);
    await prisma.deal.update({ where: { id: deal.id }, data: { stage: 4 } });
    const saved = await callAction(dealPage.action, {
      path: `/deals/${deal.id}`,
      params: { dealId: deal.id },
      cookie,
      form: { intent: "save-meddpicc", ...scores, version: 0 },
    });
    expect(saved.status).toBe(303);
    const page = (await callLoader(dealPage.loader, { path: `/deals/${deal.id}`, params: { dealId: deal.id }, cookie })).body as DealPage;
    expect(page.meddpicc).toEqual({ scores, version: 1 });
    // 11 of 16 at stage 4 is below the seed's 12.
    expect(page.signals!.meddpiccBelowStageThreshold).toBe(true);
    expect(page.signals!.health.reasons).toContain("MEDDPICC is 11 of 16, below the 12 needed to be at stage 4");
    const history = await prisma.activity.findFirstOrThrow({ where: { dealId: deal.id, action: "meddpicc.scored" } });
    expect(history.internalOnly).toBe(true);
  });

  it("refuses a score outside 0..2 and a stale version", async () => {
    const { deal } = await addDealWithPlan(tenant.repActor);
    const bad = await callAction(dealPage.action, {
      path: `/deals/${deal.id}`,
      params: { dealId: deal.id },
      cookie,
      form: { intent: "save-meddpicc", ...scores, metrics: 3, version: 0 },
    });
    expect(bad.status).toBe(400);
    expect(await prisma.meddpiccScore.count({ where: { dealId: deal.id } })).toBe(0);
    await callAction(dealPage.action, {
      path: `/deals/${deal.id}`,
      params: { dealId: deal.id },
      cookie,
      form: { intent: "save-meddpicc", ...scores, version: 0 },
    });
    const stale = await callAction(dealPage.action, {
      path: `/deals/${deal.id}`,
      params: { dealId: deal.id },
      cookie,
      form: { intent: "save-meddpicc", ...scores, metrics: 0, version: 0 },
    });
    expect(stale.status).toBe(409);
    expect((await prisma.meddpiccScore.findUniqueOrThrow({ where: { dealId: deal.id } })).metrics).toBe(2);
  });
});

describe("the pipeline list on the seed", () => {
  let managerCookie: string;
  beforeAll(async () => {
    await seedDemo();
    // What the background job does shortly after start: the list reads the signal cache.
    await refreshAllSignalCaches();
    const manager = await prisma.user.findUniqueOrThrow({ where: { email: "manager@mutual.test" } });
    await actorFor(manager.id);
    managerCookie = await cookieFor(manager.id);
  });

  const load = async (query = "") => ((await callLoader(list.loader, { path: `/deals${query}`, cookie: managerCookie })).body as List).deals;

  it("puts the riskiest open deals first and closed deals last", async () => {
    const deals = await load();
    const labels = deals.filter((d) => d.outcome === "OPEN").map((d) => d.signals!.health.label);
    expect(labels).toEqual([...labels].sort((a, b) => ["STALLED", "AT_RISK", "HEALTHY"].indexOf(a) - ["STALLED", "AT_RISK", "HEALTHY"].indexOf(b)));
    expect(deals.at(-1)!.outcome).not.toBe("OPEN");
    expect(deals[0].signals!.health.label).toBe("STALLED");
  });

  it.each([
    ["?category=COMMIT", (d: List["deals"][number]) => d.signals!.forecast.derived === "COMMIT"],
    ["?overcalled=1", (d: List["deals"][number]) => d.signals!.forecast.overCalled],
    ["?stalled=1", (d: List["deals"][number]) => d.signals!.planStatus === "STALLED"],
    ["?pushed=1", (d: List["deals"][number]) => d.signals!.stagePush.pushed],
  ])("filters with %s", async (query, keep) => {
    const all = await load();
    const filtered = await load(query);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.map((d) => d.id).sort()).toEqual(
      all
        .filter(keep)
        .map((d) => d.id)
        .sort(),
    );
  });

  it("shows all five derived categories and all three plan statuses", async () => {
    const deals = await load();
    expect(new Set(deals.map((d) => d.signals!.forecast.derived))).toEqual(new Set(["OMITTED", "PIPELINE", "BEST_CASE", "COMMIT", "CLOSED"]));
    expect(new Set(deals.map((d) => d.signals!.planStatus).filter(Boolean))).toEqual(new Set(["ON_TRACK", "AT_RISK", "STALLED"]));
  });
});
