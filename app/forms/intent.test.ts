import { describe, expect, it } from "vitest";
import { conflictDetails, type IntentResult } from "./intent";

function conflict(formId: string, current: Record<string, unknown>, yours: Record<string, unknown>): IntentResult {
  return { formId, result: { status: "error" }, conflict: { current, yours } };
}

describe("a conflict in people's words", () => {
  it("names fields by their labels, dates as dates and people by name", () => {
    const people = new Map([["p1", "Ann Buyer"]]);
    const details = conflictDetails(
      conflict(
        "update-milestone:m1",
        { targetDate: "2027-01-22", ownerParticipantId: null, status: "NOT_STARTED", internalOnly: false, version: 3 },
        {
          intent: "update-milestone",
          milestoneId: "m1",
          version: "2",
          targetDate: "2027-01-25",
          ownerParticipantId: "p1",
          status: "IN_PROGRESS",
          internalOnly: "on",
        },
      ),
      people,
    )!;
    expect(details.rows.map((r) => `${r.label}: ${r.yours} (yours) / ${r.saved} (saved)`)).toEqual([
      "Target date: 25 Jan 2027 (yours) / 22 Jan 2027 (saved)",
      "Owner: Ann Buyer (yours) / Unassigned (saved)",
      "Status: In progress (yours) / Not started (saved)",
      "Internal only: Yes (yours) / No (saved)",
    ]);
    expect(details.keep?.version).toBe(3);
  });

  it("treats the same domains, written differently, as no difference", () => {
    const details = conflictDetails(
      conflict(
        "update-plan",
        { allowedDomains: "acme.com acme.co.uk", title: "Plan", version: 2 },
        { allowedDomains: "acme.com, acme.co.uk", title: "Our plan" },
      ),
    )!;
    expect(details.rows).toEqual([{ field: "title", label: "Plan title", yours: "Our plan", saved: "Plan" }]);
  });

  it("never shows an id, even for a person no longer on the plan", () => {
    const details = conflictDetails(conflict("redate:m1", { ownerParticipantId: "gone123", version: 2 }, { ownerParticipantId: "p1" }))!;
    expect(details.rows[0]).toMatchObject({ label: "Owner", yours: "someone no longer on the plan", saved: "someone no longer on the plan" });
  });
});
