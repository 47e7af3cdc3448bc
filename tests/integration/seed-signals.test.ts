// The demo seed tells twelve deal stories; the engine must read each the way its story intends,
// and the pipeline must show all five derived categories and all three plan statuses.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { loadDealSignals } from "~/models/signals.server";
import type { DealSignals } from "~/domain/signals";
import { seedDemo } from "../../prisma/seed";
import { actorFor } from "../fixtures/world";

let byAccount: Map<string, DealSignals>;

beforeAll(async () => {
  await seedDemo();
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@mutual.test" } });
  const signals = await loadDealSignals(await actorFor(admin.id));
  const deals = await prisma.deal.findMany({ where: { organizationId: admin.organizationId }, select: { id: true, accountName: true } });
  byAccount = new Map(deals.map((d) => [d.accountName, signals.get(d.id)!]));
});

describe("the seeded pipeline", () => {
  it.each([
    ["Vandelay Industries", "PIPELINE", null],
    ["Initech", "BEST_CASE", "ON_TRACK"],
    ["Umbrella Health", "COMMIT", "ON_TRACK"],
    ["Stark Logistics", "BEST_CASE", "AT_RISK"],
    ["Wayne Freight", "BEST_CASE", "STALLED"],
    ["Brightwater Foods Ltd", "PIPELINE", "STALLED"],
    ["Tyrell Systems", "PIPELINE", "ON_TRACK"],
    ["Soylent Foods", "BEST_CASE", "AT_RISK"],
    ["Kessler Maschinenbau GmbH", "OMITTED", "STALLED"],
    ["Wonka Confections", "CLOSED", "ON_TRACK"],
    ["Aperture Labs", "BEST_CASE", "ON_TRACK"],
  ])("reads %s as %s, plan %s", (account, category, status) => {
    const signals = byAccount.get(account);
    expect(signals, account).toBeDefined();
    expect({ category: signals!.forecast.derived, status: signals!.planStatus }).toEqual({ category, status });
  });

  it("reads the lost deal as Omitted", () => {
    expect(byAccount.get("Massive Dynamic")!.forecast.derived).toBe("OMITTED");
  });

  it("flags the over-called deals, with reasons", () => {
    const tyrell = byAccount.get("Tyrell Systems")!;
    expect(tyrell.forecast).toMatchObject({ rep: "COMMIT", overCalled: true });
    expect(tyrell.slippedCount).toBeGreaterThanOrEqual(2);
    expect(tyrell.forecast.reasons[0]).toMatch(/^Over-called: the rep says Commit/);
    expect(byAccount.get("Kessler Maschinenbau GmbH")!.forecast.overCalled).toBe(true);
  });

  it("does not count the seller's unconfirmed marks as done, and says so", () => {
    const soylent = byAccount.get("Soylent Foods")!;
    expect(soylent.milestones.filter((m) => m.awaitingBuyerConfirmation)).toHaveLength(2);
    expect(soylent.health.reasons.join(" ")).toMatch(/not yet confirmed by the buyer/);
  });

  it("flags the deal moved to stage 5 without its stage-4 gates", () => {
    const wayne = byAccount.get("Wayne Freight")!;
    expect(wayne.stagePush.pushed).toBe(true);
    expect(wayne.stagePush.reasons.join(" ")).toMatch(/At stage 5 without “Security review submitted” done/);
  });

  it("warns about the plan cut to four steps", () => {
    expect(byAccount.get("Aperture Labs")!.planSizeWarning).toBe("TOO_FEW");
  });

  it("shows all five derived categories and all three plan statuses", () => {
    const all = [...byAccount.values()];
    expect(new Set(all.map((s) => s.forecast.derived))).toEqual(new Set(["OMITTED", "PIPELINE", "BEST_CASE", "COMMIT", "CLOSED"]));
    expect(new Set(all.map((s) => s.planStatus).filter(Boolean))).toEqual(new Set(["ON_TRACK", "AT_RISK", "STALLED"]));
  });
});
