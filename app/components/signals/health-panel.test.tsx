// The deal page's health panel shows each deduction with its points, then the notes, and the sum.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { deriveDealSignals, type DealSnapshot } from "~/domain/signals";
import { HealthPanel } from "./health-panel";

const snapshot: DealSnapshot = {
  deal: { amount: 50_000, stage: 4, targetCloseDate: "2026-12-18", repForecastCategory: "COMMIT", outcome: "OPEN", meddpiccTotal: 10 },
  org: { timezone: "UTC", fiscalYearStartMonth: 1 },
  plan: { status: "SHARED", sharedOn: "2026-11-01" },
  milestones: [
    {
      id: "a",
      title: "Security review",
      ownerSide: "BUYER",
      originalTargetDate: "2026-11-10",
      targetDate: "2026-11-10",
      redateCount: 0,
      status: "DONE",
      completedOn: "2026-11-09",
      buyerConfirmed: false,
      markedDoneBySide: "SELLER",
      gatesStage: null,
      internalOnly: false,
    },
    {
      id: "b",
      title: "Countersignature",
      ownerSide: "BUYER",
      originalTargetDate: "2026-12-10",
      targetDate: "2027-01-12",
      redateCount: 1,
      status: "NOT_STARTED",
      completedOn: null,
      buyerConfirmed: false,
      gatesStage: null,
      internalOnly: false,
    },
  ],
  participants: [{ side: "BUYER", role: "CHAMPION", status: "ACTIVE", lastActiveOn: "2026-11-19" }],
  lastBuyerActivityOn: "2026-11-19",
};

describe("HealthPanel", () => {
  it("lists every deduction with its points, the notes after them, and how they add up to the score", () => {
    const signals = deriveDealSignals(snapshot, "2026-11-20");
    const text = renderToStaticMarkup(<HealthPanel signals={signals} targetCloseDate={snapshot.deal.targetCloseDate} />).replace(/<[^>]+>/g, "|");
    expect(signals.health.deductions.length).toBeGreaterThan(3);
    for (const d of signals.health.deductions) expect(text).toContain(`−${d.points}| points:|||${d.reason}|`);
    expect(text).toContain("Marked done by the seller, not yet confirmed by the buyer: “Security review”");
    expect(text).toContain(`100 − ${100 - signals.health.score} points = ${signals.health.score}`);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
