// Buyer engagement (docs/notifications.md, "Buyer engagement"): when a page view starts a visit,
// each stakeholder's visits this week, and whether the buyer side's engagement is rising, flat or
// falling. Days are the organization's calendar days, as everywhere else in the app.
import { addDays, calendarDateIn, dayNumber, fromDayNumber } from "./dates";
import { ENGAGEMENT } from "./thresholds";
import type { CalendarDate } from "./types";

/** Whether a page view at `now` starts a new visit, given the buyer's previous view. */
export function startsNewVisit(previousViewAt: Date | null, now: Date): boolean {
  return previousViewAt === null || now.getTime() - previousViewAt.getTime() > ENGAGEMENT.newVisitAfterMinutes * 60_000;
}

/** The Monday of the week (Monday to Sunday) that holds `day`. */
export function weekStart(day: CalendarDate): CalendarDate {
  const n = dayNumber(day);
  // Day 0, 1970-01-01, was a Thursday: (n + 3) mod 7 counts the days since Monday.
  return fromDayNumber(n - ((((n + 3) % 7) + 7) % 7));
}

/** One buyer's visits on one of the organization's days, as recorded. */
export interface VisitDay {
  participantId: string;
  day: CalendarDate;
  visits: number;
  lastViewAt: Date;
}

export interface StakeholderVisits {
  /** The later of the participant's last request and their last recorded view. */
  lastSeenAt: Date | null;
  /** Visits started this week, Monday to Sunday in the organization's calendar. */
  visitsThisWeek: number;
}

/** Each buyer stakeholder's last seen moment and visits this week. */
export function stakeholderVisits(
  people: ReadonlyArray<{ id: string; lastSeenAt: Date | null }>,
  days: readonly VisitDay[],
  today: CalendarDate,
): Map<string, StakeholderVisits> {
  const monday = weekStart(today);
  const sunday = addDays(monday, 6);
  const figures = new Map<string, StakeholderVisits>(people.map((p) => [p.id, { lastSeenAt: p.lastSeenAt, visitsThisWeek: 0 }]));
  for (const row of days) {
    const person = figures.get(row.participantId);
    if (!person) continue;
    if (row.day >= monday && row.day <= sunday) person.visitsThisWeek += row.visits;
    if (!person.lastSeenAt || row.lastViewAt > person.lastSeenAt) person.lastSeenAt = row.lastViewAt;
  }
  return figures;
}

export type EngagementDirection = "RISING" | "FLAT" | "FALLING";

/** What happened in one window: buyer visits, and changes buyers made (history rows). */
export interface EngagementWindow {
  visits: number;
  changes: number;
}

export interface EngagementTrend {
  direction: EngagementDirection;
  /** The last `windowDays` days, today included. */
  recent: EngagementWindow;
  /** The `windowDays` days before those. */
  before: EngagementWindow;
}

/**
 * Rising when the recent window's visits and changes together outnumber the earlier window's by
 * at least `minDifference` and are at least `minRatio` times as many; falling in the mirror case;
 * flat otherwise. The rule is symmetric, so swapping the windows swaps rising and falling.
 */
export function engagementDirection(recent: number, before: number): EngagementDirection {
  const { minDifference, minRatio } = ENGAGEMENT;
  if (recent - before >= minDifference && recent >= minRatio * before) return "RISING";
  if (before - recent >= minDifference && before >= minRatio * recent) return "FALLING";
  return "FLAT";
}

/**
 * The buyer side's engagement from the plan's visit days and the moments of buyer changes. A
 * change counts on the organization's calendar day it happened; anything older than the two
 * windows, or dated after today, is left out.
 */
export function engagementTrend(input: {
  today: CalendarDate;
  timeZone: string;
  visitDays: ReadonlyArray<{ day: CalendarDate; visits: number }>;
  buyerChanges: readonly Date[];
}): EngagementTrend {
  const todayN = dayNumber(input.today);
  const recent: EngagementWindow = { visits: 0, changes: 0 };
  const before: EngagementWindow = { visits: 0, changes: 0 };
  const windowOf = (day: CalendarDate) => {
    const age = todayN - dayNumber(day);
    if (age < 0 || age >= 2 * ENGAGEMENT.windowDays) return null;
    return age < ENGAGEMENT.windowDays ? recent : before;
  };
  for (const row of input.visitDays) {
    const window = windowOf(row.day);
    if (window) window.visits += row.visits;
  }
  for (const at of input.buyerChanges) {
    const window = windowOf(calendarDateIn(input.timeZone, at));
    if (window) window.changes += 1;
  }
  return { direction: engagementDirection(recent.visits + recent.changes, before.visits + before.changes), recent, before };
}

const DIRECTION_WORDS: Record<EngagementDirection, string> = { RISING: "rising", FLAT: "flat", FALLING: "falling" };

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Engagement: rising" and the figures behind it, in words. */
export function engagementWords(trend: EngagementTrend): { label: string; figures: string } {
  const { recent, before } = trend;
  const days = ENGAGEMENT.windowDays;
  const figures =
    recent.visits + recent.changes + before.visits + before.changes === 0
      ? `No buyer visits or changes in the last ${2 * days} days`
      : `${count(recent.visits, "visit", "visits")} and ${count(recent.changes, "change", "changes")} in the last ${days} days, ` +
        `against ${before.visits} and ${before.changes} before`;
  return { label: `Engagement: ${DIRECTION_WORDS[trend.direction]}`, figures };
}
