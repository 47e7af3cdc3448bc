import { describe, expect, it } from "vitest";
import type { ActivityEntry } from "~/models/activity.types";
import { describeActivity } from "./activity-text";

const entry = (action: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null, entityId = "m1"): ActivityEntry => ({
  id: "a1",
  at: "2027-01-04T10:00:00.000Z",
  actorName: "Riley Rep",
  actorSide: "SELLER",
  entityType: "MILESTONE",
  entityId,
  action,
  before,
  after,
  internalOnly: false,
});

const titles = new Map([["m1", "Pilot"]]);
const people = new Map([["p1", "Ann Buyer"]]);

describe("history sentences", () => {
  it.each([
    [entry("stakeholder.rated", null, { role: "PROCUREMENT", strength: "WEAK" }, "d1"), "rated the Procurement role Weak on the stakeholder map"],
    [
      entry("stakeholder.rated", { role: "ECONOMIC_BUYER", strength: "STRONG" }, { role: "ECONOMIC_BUYER", strength: "" }, "d1"),
      "handed the Economic buyer role back to the suggestion from engagement",
    ],
    [entry("milestone.updated", { ownerParticipantId: null }, { ownerParticipantId: "p1" }), "assigned “Pilot” to Ann Buyer"],
    [entry("milestone.updated", { title: "Pilot", output: "" }, { title: "Pilot run", output: "Report" }), "changed the title and output of “Pilot”"],
    [entry("milestone.updated", { title: "Pilot" }, { title: "Pilot run" }), "renamed “Pilot” to “Pilot run”"],
    [
      entry("milestone.redated", { targetDate: "2027-01-22" }, { targetDate: "2027-01-25", reason: "Holidays" }),
      "moved “Pilot” from 22 Jan 2027 to 25 Jan 2027: “Holidays”",
    ],
    [entry("milestone.status_changed", { status: "NOT_STARTED" }, { status: "IN_PROGRESS" }), "set “Pilot” to in progress"],
    [
      entry("milestone.status_changed", { status: "IN_PROGRESS" }, { status: "BLOCKED", reason: "Waiting for legal" }),
      "set “Pilot” to blocked: “Waiting for legal”",
    ],
    [
      entry("plan.updated", { summary: "", allowedDomains: "" }, { summary: "New", allowedDomains: "acme.com" }, "plan1"),
      "changed the plan's summary and allowed email domains",
    ],
    [
      entry("deal.updated", { repForecastCategory: "PIPELINE" }, { repForecastCategory: "BEST_CASE" }, "d1"),
      "changed the deal's rep's call from Pipeline to Best Case",
    ],
    [entry("participant.revoked", { accessState: "ACTIVE" }, { accessState: "REVOKED" }, "p1"), "removed Ann Buyer's access to the plan"],
    [entry("something.old", null, { someField: 1 }), "made a change"],
  ])("%#: %s", (row, sentence) => {
    expect(describeActivity(row, titles, people)).toBe(sentence);
  });
});
