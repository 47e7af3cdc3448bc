import { describe, expect, it } from "vitest";
import type { ExportedPlan, ExportedStep } from "~/models/plan-export.server";
import { planCsvRows, planFileName, stepStatusWords } from "./plan-csv";

const step = (changes: Partial<ExportedStep>): ExportedStep => ({
  id: "s1",
  title: "Security review",
  output: "",
  ownerSide: "BUYER",
  ownerParticipantId: null,
  ownerName: "Bea",
  targetDate: "2026-12-10",
  originalTargetDate: "2026-12-01",
  status: "NOT_STARTED",
  completion: "OPEN",
  completedOn: null,
  buyerConfirmed: false,
  gatesStage: 4,
  position: 1,
  version: 1,
  internalOnly: false,
  ...changes,
});

const plan = (audience: "BUYER" | "SELLER", steps: ExportedStep[]): ExportedPlan => ({
  audience,
  planId: "p1",
  title: "Plan",
  summary: "",
  status: "SHARED",
  sharedOn: "2026-11-01",
  acceptedByName: null,
  sellerCompany: "Northwind",
  sellerName: "Sam",
  buyerCompany: "Müller & Söhne GmbH",
  dealName: null,
  branding: { accentColor: null, logoUrl: null },
  participants: [],
  steps,
  today: "2026-11-30",
});

describe("a plan as CSV", () => {
  it("says a seller's mark awaiting the buyer is not done, and when the buyer confirmed", () => {
    expect(stepStatusWords(step({ status: "DONE", completion: "AWAITING_BUYER_CONFIRMATION" }))).toBe("Marked done, awaiting the buyer's confirmation");
    const [header, row] = planCsvRows(plan("BUYER", [step({ status: "DONE", completion: "DONE", buyerConfirmed: true, completedOn: "2026-11-20" })]));
    const cell = (name: string) => row[header.indexOf(name)];
    expect([cell("Status"), cell("Confirmed by the buyer"), cell("Completed on"), cell("Section")]).toEqual([
      "Done",
      "yes",
      "2026-11-20",
      "Before stage 4: Solution validation",
    ]);
  });

  it("has an internal-only column for the seller only, and orders steps by section then date", () => {
    const steps = [step({ id: "b", title: "Later", gatesStage: null }), step({ id: "a", title: "First", gatesStage: 3, internalOnly: true })];
    expect(planCsvRows(plan("BUYER", steps))[0]).not.toContain("Internal only");
    const seller = planCsvRows(plan("SELLER", steps));
    expect(seller.map((r) => r[1])).toEqual(["Step", "First", "Later"]);
    expect(seller[1].at(-1)).toBe("yes");
  });

  it("is named after the account in plain letters and the day", () => {
    expect(planFileName(plan("BUYER", []), "csv")).toBe("muller-sohne-gmbh-plan-2026-11-30.csv");
  });
});
