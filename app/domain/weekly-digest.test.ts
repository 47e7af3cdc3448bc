import { describe, expect, it } from "vitest";
import { composeDigest, digestWeekDue, mondayOf, weekdayOf, MOST_LINES, type DealWeek } from "./weekly-digest";

const at = (iso: string) => new Date(iso);

describe("when the weekly digest is due", () => {
  it.each([
    // Auckland in summer is UTC+13: Monday 07:00 there is Sunday 18:00 UTC.
    ["Pacific/Auckland", "2026-12-06T17:59:00Z", null],
    ["Pacific/Auckland", "2026-12-06T18:00:00Z", "2026-12-07"],
    ["Pacific/Auckland", "2026-12-07T10:59:00Z", "2026-12-07"],
    ["Pacific/Auckland", "2026-12-07T11:00:00Z", null],
    // Tonga is UTC+13 all year.
    ["Pacific/Tongatapu", "2026-06-07T17:59:00Z", null],
    ["Pacific/Tongatapu", "2026-06-07T18:00:00Z", "2026-06-08"],
    // Honolulu is UTC−10: Monday 07:00 there is Monday 17:00 UTC, and its Monday ends Tuesday 10:00 UTC.
    ["Pacific/Honolulu", "2026-12-07T16:59:00Z", null],
    ["Pacific/Honolulu", "2026-12-07T17:00:00Z", "2026-12-07"],
    ["Pacific/Honolulu", "2026-12-08T09:59:00Z", "2026-12-07"],
    ["Pacific/Honolulu", "2026-12-08T10:00:00Z", null],
    // Berlin moves its clocks on Sunday 28 Mar 2027: 07:00 is 06:00 UTC the Monday before, 05:00 UTC the Monday after.
    ["Europe/Berlin", "2027-03-22T05:59:00Z", null],
    ["Europe/Berlin", "2027-03-22T06:00:00Z", "2027-03-22"],
    ["Europe/Berlin", "2027-03-29T04:59:00Z", null],
    ["Europe/Berlin", "2027-03-29T05:00:00Z", "2027-03-29"],
    // New York falls back on Sunday 1 Nov 2026: 07:00 is 11:00 UTC before, 12:00 UTC after.
    ["America/New_York", "2026-10-26T11:00:00Z", "2026-10-26"],
    ["America/New_York", "2026-11-02T11:59:00Z", null],
    ["America/New_York", "2026-11-02T12:00:00Z", "2026-11-02"],
    // Any other day: never.
    ["UTC", "2026-12-08T07:00:00Z", null],
    ["UTC", "2026-12-06T23:59:00Z", null],
  ])("in %s at %s: %s", (zone, instant, week) => {
    expect(digestWeekDue(at(instant), zone)).toBe(week);
  });

  it("counts weeks from Monday", () => {
    expect(weekdayOf("2026-12-07")).toBe(0);
    expect(weekdayOf("2026-12-13")).toBe(6);
    expect(weekdayOf("1970-01-01")).toBe(3);
    expect(mondayOf("2027-01-03")).toBe("2026-12-28");
    expect(mondayOf("2026-03-01")).toBe("2026-02-23");
  });
});

function deal(over: Partial<DealWeek> = {}): DealWeek {
  return {
    dealId: "d1",
    accountName: "Acme",
    ownerName: null,
    closeQuarter: "Q4 FY2026",
    planShared: true,
    now: { healthLabel: "HEALTHY", derivedCategory: "BEST_CASE", projectedOutsideQuarter: false },
    lastWeek: { healthLabel: "HEALTHY", derivedCategory: "BEST_CASE", projectedOutsideQuarter: false },
    slips: [],
    due: [],
    buyers: [],
    ...over,
  };
}

describe("the digest", () => {
  it("puts a deal's slips and figure changes in one line, what is due and what buyers did in theirs", () => {
    const digest = composeDigest(
      "2026-12-07",
      [
        deal({
          now: { healthLabel: "AT_RISK", derivedCategory: "PIPELINE", projectedOutsideQuarter: true },
          slips: [{ milestoneId: "m1", title: "Security review", from: "2026-12-18", to: "2027-01-08", bySide: "BUYER", byName: "Bea Buyer" }],
          due: [{ title: "Proposal delivered", date: "2026-12-11", ownerSide: "SELLER" }],
          buyers: [{ name: "Bea Buyer", actions: { "milestone.redated": 1, "comment.added": 2 } }],
        }),
        deal({ dealId: "d2", accountName: "Initech", ownerName: "Rita Rep" }),
      ],
      "teams",
    )!;
    expect(digest.quiet).toBe(false);
    expect(digest.summary).toBe("2 open deals on your teams: 1 healthy, 1 at risk. Due this week: 1 step.");
    expect(digest.sections).toEqual([
      {
        title: "What changed",
        lines: [
          "Acme: the buyer moved “Security review” from 18 Dec to 8 Jan 2027; health fell from healthy to at risk; the plan now supports Pipeline, down from Best Case; projected close now after Q4 FY2026",
        ],
      },
      { title: "Due this week", lines: ["Acme: “Proposal delivered” (seller) due Fri 11 Dec"] },
      { title: "What buyers did", lines: ["Acme: Bea Buyer moved 1 date and commented twice", "No buyer activity on Initech."] },
    ]);
  });

  it("is a short quiet-week note when nothing happened, and nothing at all without open deals", () => {
    const digest = composeDigest("2026-12-07", [deal(), deal({ dealId: "d2", accountName: "Initech", planShared: false })], "own")!;
    expect(digest).toEqual({
      subject: "A quiet week: your digest for the week of 7 Dec 2026",
      summary: "Your 2 open deals: 2 healthy. Last week nothing changed on them, no buyer acted on a plan, and nothing is due this week.",
      sections: [],
      quiet: true,
    });
    expect(composeDigest("2026-12-07", [], "own")).toBeNull();
  });

  it("lists at most a screenful of deals per section and counts the rest", () => {
    const many = Array.from({ length: MOST_LINES + 3 }, (_, i) =>
      deal({ dealId: `d${i}`, accountName: `Account ${String(i).padStart(2, "0")}`, due: [{ title: "Kick-off", date: "2026-12-08", ownerSide: "JOINT" }] }),
    );
    const due = composeDigest("2026-12-07", many, "teams")!.sections.find((s) => s.title === "Due this week")!;
    expect(due.lines).toHaveLength(MOST_LINES + 1);
    expect(due.lines[0]).toBe("Account 00: “Kick-off” (joint) due Tue 8 Dec");
    expect(due.lines.at(-1)).toBe("…and 3 more deals: the pipeline has them all.");
  });
});
