import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { deriveDealSignals, type DealSnapshot } from "./signals";
import { missingRoleRisk, stakeholderMap, suggestStrength, STAKEHOLDER_ROLES } from "./stakeholders";

type Participant = DealSnapshot["participants"][number];
const TODAY = "2026-11-30";

const buyer = (role: Participant["role"], status: Participant["status"], lastActiveOn: string | null = null): Participant => ({
  side: "BUYER",
  role,
  status,
  lastActiveOn,
});

function mapOf(o: {
  amount?: number;
  stage?: number;
  outcome?: "OPEN" | "WON" | "LOST";
  participants?: Participant[];
  stakeholders?: DealSnapshot["stakeholders"];
}) {
  return stakeholderMap(
    {
      deal: {
        amount: o.amount ?? 120_000,
        stage: o.stage ?? 3,
        targetCloseDate: "2027-01-29",
        repForecastCategory: "PIPELINE",
        outcome: o.outcome ?? "OPEN",
        meddpiccTotal: null,
      },
      participants: o.participants ?? [],
      stakeholders: o.stakeholders,
    },
    TODAY,
  );
}

/** Three roles strong (seen today), the other three as given. */
const threeStrong = [buyer("ECONOMIC_BUYER", "ACTIVE", TODAY), buyer("CHAMPION", "ACTIVE", TODAY), buyer("TECHNICAL_EVALUATOR", "ACTIVE", TODAY)];

describe("suggested strength from buyer engagement", () => {
  it.each<[string, Participant[], string]>([
    ["nobody in the role", [], "UNKNOWN"],
    ["only a revoked holder", [buyer("PROCUREMENT", "REVOKED", TODAY)], "UNKNOWN"],
    ["a seller in the role does not count", [{ side: "SELLER", role: "PROCUREMENT", status: "ACTIVE", lastActiveOn: TODAY }], "UNKNOWN"],
    ["invited, never active", [buyer("PROCUREMENT", "INVITED")], "WEAK"],
    ["active, seen today", [buyer("PROCUREMENT", "ACTIVE", TODAY)], "STRONG"],
    ["active, seen 13 days ago", [buyer("PROCUREMENT", "ACTIVE", addDays(TODAY, -13))], "STRONG"],
    ["active, seen 14 days ago", [buyer("PROCUREMENT", "ACTIVE", addDays(TODAY, -14))], "LUKEWARM"],
    ["active, never seen", [buyer("PROCUREMENT", "ACTIVE", null)], "LUKEWARM"],
    ["the best holder counts", [buyer("PROCUREMENT", "INVITED"), buyer("PROCUREMENT", "ACTIVE", addDays(TODAY, -2))], "STRONG"],
  ])("%s", (_, participants, strength) => {
    expect(suggestStrength(participants, "PROCUREMENT", TODAY).strength).toBe(strength);
  });

  it("says why", () => {
    expect(suggestStrength([buyer("CHAMPION", "ACTIVE", addDays(TODAY, -20))], "CHAMPION", TODAY).why).toBe("Active on the plan, not seen for 20 days");
    expect(suggestStrength([], "CHAMPION", TODAY).why).toBe("No buyer on the plan holds this role");
  });
});

describe("the map", () => {
  it("has the six roles in order, suggested where the rep has not read them", () => {
    const map = mapOf({ participants: threeStrong });
    expect(map.cells.map((c) => c.role)).toEqual([...STAKEHOLDER_ROLES]);
    expect(map.cells.every((c) => c.source === "SUGGESTED")).toBe(true);
  });

  it("the rep's reading overrides the suggestion, which stays visible", () => {
    const map = mapOf({
      participants: threeStrong,
      stakeholders: [
        { role: "CHAMPION", strength: "WEAK" },
        { role: "PROCUREMENT", strength: "LUKEWARM" },
      ],
    });
    const champion = map.cells.find((c) => c.role === "CHAMPION")!;
    expect(champion).toMatchObject({ strength: "WEAK", source: "REP", suggested: "STRONG", missing: false });
    const procurement = map.cells.find((c) => c.role === "PROCUREMENT")!;
    expect(procurement).toMatchObject({ strength: "LUKEWARM", source: "REP", suggested: "UNKNOWN", missing: false, risk: null });
  });

  it("names each missing role with its risk", () => {
    const map = mapOf({ participants: threeStrong });
    expect(map.cells.filter((c) => c.missing).map((c) => c.risk)).toEqual([
      "User champion missing: adoption risk surfaces after the sale",
      "Procurement missing: six-week delay at signature",
      "Executive sponsor missing: no air cover when the budget cycle tightens",
    ]);
    expect(missingRoleRisk("ECONOMIC_BUYER")).toBe("Economic buyer missing: the deal stalls at procurement");
  });

  it("a stored strength it does not know is ignored", () => {
    expect(mapOf({ stakeholders: [{ role: "CHAMPION", strength: "BOGUS" }] }).cells[1].source).toBe("SUGGESTED");
  });
});

describe("high-risk multi-threading", () => {
  it.each<[string, Parameters<typeof mapOf>[0], boolean]>([
    ["120,000 at stage 3 with 3 roles unknown", { participants: threeStrong }, true],
    ["exactly 40,000 is not above the amount", { amount: 40_000, participants: threeStrong }, false],
    ["40,001 is", { amount: 40_001, participants: threeStrong }, true],
    ["only 2 weak or unknown", { participants: [...threeStrong, buyer("PROCUREMENT", "ACTIVE", TODAY)] }, false],
    ["weak counts like unknown", { participants: [...threeStrong, buyer("PROCUREMENT", "INVITED")] }, true],
    ["stage 4 is not flagged", { stage: 4, participants: threeStrong }, false],
    ["a won deal is not flagged", { outcome: "WON", participants: threeStrong }, false],
    ["the rep's readings lift it", { participants: threeStrong, stakeholders: [{ role: "PROCUREMENT", strength: "LUKEWARM" }] }, false],
    [
      "the rep's readings can also set it",
      { participants: [...threeStrong, buyer("PROCUREMENT", "ACTIVE", TODAY)], stakeholders: [{ role: "CHAMPION", strength: "WEAK" }] },
      true,
    ],
  ])("%s", (_, o, highRisk) => {
    expect(mapOf(o).highRisk).toBe(highRisk);
  });

  it("feeds deal health with its reason and points", () => {
    const snapshot: DealSnapshot = {
      deal: { amount: 120_000, stage: 3, targetCloseDate: "2027-01-29", repForecastCategory: "PIPELINE", outcome: "OPEN", meddpiccTotal: null },
      org: { timezone: "UTC", fiscalYearStartMonth: 1 },
      plan: null,
      milestones: [],
      participants: [buyer("ECONOMIC_BUYER", "ACTIVE", TODAY), buyer("CHAMPION", "ACTIVE", TODAY)],
      lastBuyerActivityOn: null,
    };
    const { health } = deriveDealSignals(snapshot, TODAY);
    const reason = "High-risk multi-threading: 4 of 6 buying roles weak or unknown on a 120,000 deal before stage 4";
    expect(health.deductions).toContainEqual({ points: 10, reason });
    const lifted = deriveDealSignals(
      {
        ...snapshot,
        stakeholders: [
          { role: "PROCUREMENT", strength: "STRONG" },
          { role: "USER_CHAMPION", strength: "LUKEWARM" },
        ],
      },
      TODAY,
    );
    expect(lifted.health.reasons.some((r) => r.startsWith("High-risk"))).toBe(false);
    expect(lifted.health.score).toBe(health.score + 10);
  });
});
