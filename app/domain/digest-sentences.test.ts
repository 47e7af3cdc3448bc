import { describe, expect, it } from "vitest";
import { buyerClauses, changeClauses, quietDealsLine, shortDate, type DealWeek } from "./digest-sentences";

function deal(over: Partial<DealWeek> = {}): DealWeek {
  return {
    dealId: "d1",
    accountName: "Acme",
    ownerName: null,
    closeQuarter: "Q1 FY2027",
    planShared: true,
    now: null,
    lastWeek: null,
    slips: [],
    due: [],
    buyers: [],
    ...over,
  };
}

describe("digest sentences", () => {
  it("write dates without the digest's own year", () => {
    expect(shortDate("2026-12-18", 2026)).toBe("18 Dec");
    expect(shortDate("2027-01-08", 2026)).toBe("8 Jan 2027");
  });

  it("name who moved a step: the buyer, or the seller by name", () => {
    const clauses = changeClauses(
      deal({
        slips: [
          { milestoneId: "m1", title: "Pilot", from: "2027-01-04", to: "2027-01-11", bySide: "SELLER", byName: "Rita Rep" },
          { milestoneId: "m2", title: "Legal", from: "2027-02-01", to: "2027-02-15", bySide: "BUYER", byName: "Bea Buyer" },
        ],
      }),
      2027,
    );
    expect(clauses).toEqual(["Rita Rep moved “Pilot” from 4 Jan to 11 Jan", "the buyer moved “Legal” from 1 Feb to 15 Feb"]);
  });

  it("say when health and category rose, and when the projection came back inside the quarter", () => {
    const clauses = changeClauses(
      deal({
        now: { healthLabel: "HEALTHY", derivedCategory: "COMMIT", projectedOutsideQuarter: false },
        lastWeek: { healthLabel: "STALLED", derivedCategory: "BEST_CASE", projectedOutsideQuarter: true },
      }),
      2027,
    );
    expect(clauses).toEqual([
      "health rose from stalled to healthy",
      "the plan now supports Commit, up from Best Case",
      "projected close back inside Q1 FY2027",
    ]);
  });

  it("compare nothing for a deal without last week's figures", () => {
    expect(changeClauses(deal({ now: { healthLabel: "STALLED", derivedCategory: "OMITTED", projectedOutsideQuarter: true } }), 2027)).toEqual([]);
  });

  it("tell each buyer's week, most telling acts first", () => {
    const clauses = buyerClauses(
      deal({
        buyers: [
          { name: "Tom Tech", actions: { "milestone.updated": 3 } },
          { name: "Bea Buyer", actions: { "comment.added": 3, "plan.accepted": 1, "milestone.completed": 2, "milestone.status_changed": 1 } },
        ],
      }),
    );
    expect(clauses).toEqual(["Bea Buyer accepted the plan, marked 2 steps done, commented 3 times and made 1 other change", "Tom Tech made 3 changes"]);
  });

  it("name the shared plans no buyer touched, a few at most", () => {
    const deals = ["A", "B", "C", "D", "E", "F", "G"].map((name) => deal({ accountName: name }));
    expect(quietDealsLine(deals)).toBe("No buyer activity on A, B, C, D, E and 2 more.");
    expect(quietDealsLine([deal({ planShared: false })])).toBeNull();
  });
});
