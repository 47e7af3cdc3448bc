import { describe, expect, it } from "vitest";
import { reviewAgenda, resolveReviewWeek, reviewItem, type ReviewDealInput } from "./deal-review";
import { deriveDealSignals, type DealSnapshot } from "./signals";
import { stakeholderMap } from "./stakeholders";
import { milestone } from "../../tests/fixtures/signal-snapshots";

const TODAY = "2026-11-30"; // a Monday

type Participant = DealSnapshot["participants"][number];
const active = (role: Participant["role"]): Participant => ({ side: "BUYER", role, status: "ACTIVE", lastActiveOn: TODAY });
const EVERY_ROLE = (["ECONOMIC_BUYER", "CHAMPION", "TECHNICAL_EVALUATOR", "USER_CHAMPION", "PROCUREMENT", "EXECUTIVE_SPONSOR"] as const).map(active);

const step = (id: string, targetDate: string, o: Partial<DealSnapshot["milestones"][number]> = {}) =>
  milestone({ id, title: id, ownerSide: "BUYER", targetDate, ...o });

/** A deal in a chosen state: healthy (every role active, steps ahead), stalled (a step 10 days overdue), or at risk (2 days overdue). */
function deal(id: string, amount: number, state: "HEALTHY" | "STALLED" | "AT_RISK", o: { stage?: number; participants?: Participant[] } = {}): ReviewDealInput {
  const overdue = state === "STALLED" ? "2026-11-20" : state === "AT_RISK" ? "2026-11-28" : null;
  const milestones = [
    ...(overdue ? [step("Late", overdue)] : []),
    step("Done", "2026-11-10", { status: "DONE", completedOn: "2026-11-09", buyerConfirmed: true }),
    step("Slipped", "2026-12-10", { originalTargetDate: "2026-12-03" }),
    step("Next", "2026-12-04"),
    step("Sign", "2026-12-20"),
    step("Kickoff", "2026-12-21", { ownerSide: "SELLER" }),
    step("Handoff", "2026-12-22", { ownerSide: "SELLER" }),
  ];
  const snapshot: DealSnapshot = {
    deal: { amount, stage: o.stage ?? 4, targetCloseDate: "2026-12-23", repForecastCategory: "BEST_CASE", outcome: "OPEN", meddpiccTotal: null },
    org: { timezone: "UTC", fiscalYearStartMonth: 1 },
    plan: { status: "ACCEPTED", sharedOn: "2026-11-01" },
    milestones,
    participants: o.participants ?? EVERY_ROLE,
    lastBuyerActivityOn: TODAY,
  };
  return {
    id,
    name: `${id} deal`,
    accountName: id,
    amount,
    currency: "USD",
    stage: snapshot.deal.stage,
    signals: deriveDealSignals(snapshot, TODAY),
    unreadableDate: null,
    stakeholders: stakeholderMap(snapshot, TODAY),
    milestones: milestones.map((m) => ({ id: m.id, title: m.title!, targetDate: m.targetDate })),
  };
}

describe("the order to discuss", () => {
  it("high-risk and stalled first, then at risk, then healthy; within a group the larger amount first", () => {
    const deals = [
      deal("Healthy big", 200_000, "HEALTHY"),
      deal("At risk small", 10_000, "AT_RISK"),
      deal("Stalled small", 20_000, "STALLED"),
      deal("High-risk", 50_000, "HEALTHY", { stage: 3, participants: [active("CHAMPION"), active("ECONOMIC_BUYER"), active("PROCUREMENT")] }),
      deal("At risk big", 90_000, "AT_RISK"),
      deal("Healthy small", 30_000, "HEALTHY"),
    ];
    expect(deals[0].signals!.health.label).toBe("HEALTHY");
    const agenda = reviewAgenda(deals, TODAY);
    expect(agenda.map((d) => d.id)).toEqual(["High-risk", "Stalled small", "At risk big", "At risk small", "Healthy big", "Healthy small"]);
    expect(agenda.map((d) => d.group)).toEqual(["FIRST", "FIRST", "AT_RISK", "AT_RISK", "HEALTHY", "HEALTHY"]);
    expect(agenda[0].why).toContain("High-risk multi-threading");
  });

  it("a deal whose figures are withheld is discussed first", () => {
    const withheld = { ...deal("Unreadable", 1_000, "HEALTHY"), signals: null, unreadableDate: "the target close date" };
    expect(reviewAgenda([deal("Big", 500_000, "STALLED"), withheld], TODAY).map((d) => [d.id, d.group])).toEqual([
      ["Big", "FIRST"],
      ["Unreadable", "FIRST"],
    ]);
    expect(reviewItem(withheld, TODAY)).toMatchObject({ health: null, overdue: [], nextStep: null });
  });
});

describe("one deal's items", () => {
  const item = reviewItem(deal("Acme", 60_000, "STALLED", { participants: [active("CHAMPION")] }), TODAY);

  it("names overdue and slipped steps with their days", () => {
    expect(item.overdue).toEqual([{ id: "Late", title: "Late", days: 10 }]);
    expect(item.slipped).toEqual([{ id: "Slipped", title: "Slipped", days: 7 }]);
  });

  it("the next step is the earliest open step dated today or later", () => {
    expect(item.nextStep).toEqual({ title: "Next", targetDate: "2026-12-04" });
    // A step due today is next; a step without a known title is named by its place.
    const dueToday = reviewItem(deal("Today", 1, "AT_RISK"), "2026-12-04");
    expect(dueToday.nextStep).toEqual({ title: "Next", targetDate: "2026-12-04" });
    expect(reviewItem({ ...deal("Untitled", 1, "HEALTHY"), milestones: [] }, TODAY).nextStep?.title).toBe("Milestone 3");
  });

  it("lists each missing role with its risk", () => {
    expect(item.gaps).toContain("Procurement missing: six-week delay at signature");
    expect(item.gaps).not.toContain("Champion missing: no internal advocacy, the deal goes silent");
  });
});

describe("the review's week", () => {
  it.each([
    [null, "2026-11-30", null],
    ["2026-11-23", "2026-11-23", null],
    ["2026-11-26", "2026-11-23", null],
    ["2026-12-06", "2026-11-30", null],
    ["2026-12-07", "2026-11-30", "That week has not started yet: showing this week."],
    ["next week", "2026-11-30", "That week is not a date: showing this week."],
    ["2026-02-30", "2026-11-30", "That week is not a date: showing this week."],
  ])("%s → %s", (requested, week, notice) => {
    expect(resolveReviewWeek(requested, "2026-12-02")).toEqual({ week, thisWeek: "2026-11-30", notice });
  });
});
