import { afterEach, describe, expect, it } from "vitest";
import { calendarDateIn } from "./dates";
import { engagementDirection, engagementTrend, engagementWords, stakeholderVisits, startsNewVisit, weekStart, type VisitDay } from "./buyer-visits";

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  process.env.TZ = ORIGINAL_TZ;
});
const SERVER_ZONES = ["UTC", "Pacific/Auckland", "Pacific/Honolulu", "America/Los_Angeles"];

describe("a new visit", () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 9, 0) + minutes * 60_000);
  it.each([
    [null, 0, true],
    [0, 30, false],
    [0, 31, true],
    [0, 29, false],
    // Across midnight: the clock, not the calendar, decides.
    [-10, 10, false],
  ])("previous view at %s min, this one at %s min → new visit %s", (previous, now, expected) => {
    expect(startsNewVisit(previous === null ? null : at(previous), at(now))).toBe(expected);
  });

  it("counts exactly 30 minutes later as the same visit", () => {
    expect(startsNewVisit(at(0), new Date(at(30).getTime()))).toBe(false);
    expect(startsNewVisit(at(0), new Date(at(30).getTime() + 1))).toBe(true);
  });
});

describe("the week, Monday to Sunday", () => {
  it.each([
    ["2026-12-07", "2026-12-07"], // a Monday
    ["2026-12-13", "2026-12-07"], // the Sunday after
    ["2026-12-14", "2026-12-14"],
    ["2027-01-01", "2026-12-28"], // across a year end
    ["2026-03-01", "2026-02-23"], // across a month end
    ["1970-01-01", "1969-12-29"], // before day 0
  ])("%s is in the week of %s, whatever the server's timezone", (day, monday) => {
    for (const zone of SERVER_ZONES) {
      process.env.TZ = zone;
      expect(weekStart(day)).toBe(monday);
    }
  });
});

// Sunday 6 Dec 2026 11:30 UTC is Monday 7 Dec 00:30 in Auckland (UTC+13) and still Sunday 6 Dec
// 01:30 in Honolulu (UTC−10).
const EDGE = new Date("2026-12-06T11:30:00Z");

describe("visits this week and last seen", () => {
  const days = (tz: string): VisitDay[] => [
    { participantId: "bea", day: calendarDateIn(tz, EDGE), visits: 2, lastViewAt: EDGE },
    { participantId: "bea", day: "2026-12-04", visits: 3, lastViewAt: new Date("2026-12-04T10:00:00Z") },
    { participantId: "carl", day: "2026-11-30", visits: 1, lastViewAt: new Date("2026-11-30T10:00:00Z") },
    { participantId: "stranger", day: "2026-12-05", visits: 9, lastViewAt: new Date("2026-12-05T10:00:00Z") },
  ];
  const people = [
    { id: "bea", lastSeenAt: new Date("2026-12-01T00:00:00Z") },
    { id: "carl", lastSeenAt: new Date("2026-12-06T12:00:00Z") },
    { id: "dana", lastSeenAt: null },
  ];

  it("for an organization in UTC+13, a view just after its Monday midnight opens the new week", () => {
    const tz = "Pacific/Auckland";
    const figures = stakeholderVisits(people, days(tz), calendarDateIn(tz, EDGE));
    expect(calendarDateIn(tz, EDGE)).toBe("2026-12-07");
    expect(figures.get("bea")).toEqual({ lastSeenAt: EDGE, visitsThisWeek: 2 });
    expect(figures.get("carl")).toEqual({ lastSeenAt: new Date("2026-12-06T12:00:00Z"), visitsThisWeek: 0 });
  });

  it("for an organization in UTC−10, the same moment is still Sunday of the week before", () => {
    const tz = "Pacific/Honolulu";
    const figures = stakeholderVisits(people, days(tz), calendarDateIn(tz, EDGE));
    expect(calendarDateIn(tz, EDGE)).toBe("2026-12-06");
    expect(figures.get("bea")?.visitsThisWeek).toBe(5);
    expect(figures.get("carl")?.visitsThisWeek).toBe(1);
  });

  it("gives a stakeholder with no visits at all nothing, and ignores rows of people not listed", () => {
    const figures = stakeholderVisits(people, days("UTC"), "2026-12-06");
    expect(figures.get("dana")).toEqual({ lastSeenAt: null, visitsThisWeek: 0 });
    expect(figures.has("stranger")).toBe(false);
    expect(stakeholderVisits([], [], "2026-12-06").size).toBe(0);
  });
});

describe("engagement: rising, flat or falling", () => {
  it.each([
    [0, 0, "FLAT"],
    [3, 0, "RISING"],
    [2, 0, "FLAT"],
    [13, 4, "RISING"],
    [9, 6, "RISING"],
    [8, 6, "FLAT"], // ahead by 2 only
    [10, 7, "FLAT"], // ahead by 3, but not 1.5 times
    [4, 13, "FALLING"],
    [1, 10, "FALLING"],
    [0, 3, "FALLING"],
    [6, 9, "FALLING"],
  ])("%i recent against %i before → %s", (recent, before, expected) => {
    expect(engagementDirection(recent, before)).toBe(expected);
  });

  const visit = (day: string, visits = 1) => ({ day, visits });

  it("splits the 28 days into the last 14 (today included) and the 14 before, by the organization's days", () => {
    const trend = engagementTrend({
      today: "2026-12-20",
      timeZone: "UTC",
      visitDays: [
        visit("2026-12-20", 4),
        visit("2026-12-07", 5),
        visit("2026-12-06", 2),
        visit("2026-11-23", 1),
        visit("2026-11-22", 50),
        visit("2026-12-21", 50),
      ],
      buyerChanges: [new Date("2026-12-10T12:00:00Z"), new Date("2026-12-01T12:00:00Z")],
    });
    expect(trend).toEqual({ direction: "RISING", recent: { visits: 9, changes: 1 }, before: { visits: 3, changes: 1 } });
  });

  it.each([
    // 6 Dec 11:30 UTC: Monday 7 Dec in UTC+13, so inside the last 14 days counted back from 20 Dec.
    ["Pacific/Tongatapu", { visits: 0, changes: 1 }, { visits: 0, changes: 0 }],
    // Still Sunday 6 Dec in UTC−10: the window before.
    ["Pacific/Honolulu", { visits: 0, changes: 0 }, { visits: 0, changes: 1 }],
  ])("counts a change at a window's edge on the organization's day (%s)", (timeZone, recent, before) => {
    const trend = engagementTrend({ today: "2026-12-20", timeZone, visitDays: [], buyerChanges: [EDGE] });
    expect(trend.recent).toEqual(recent);
    expect(trend.before).toEqual(before);
  });

  it("words the label and the figures behind it", () => {
    expect(engagementWords({ direction: "RISING", recent: { visits: 9, changes: 4 }, before: { visits: 3, changes: 1 } })).toEqual({
      label: "Engagement: rising",
      figures: "9 visits and 4 changes in the last 14 days, against 3 and 1 before",
    });
    expect(engagementWords({ direction: "FLAT", recent: { visits: 1, changes: 1 }, before: { visits: 0, changes: 0 } }).figures).toBe(
      "1 visit and 1 change in the last 14 days, against 0 and 0 before",
    );
  });

  it("says so when there were no visits at all", () => {
    const trend = engagementTrend({ today: "2026-12-20", timeZone: "UTC", visitDays: [], buyerChanges: [] });
    expect(trend.direction).toBe("FLAT");
    expect(engagementWords(trend)).toEqual({ label: "Engagement: flat", figures: "No buyer visits or changes in the last 28 days" });
  });
});
