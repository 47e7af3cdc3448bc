// The demo's buyer visits, read off its stories: each time a buyer acts or looks at the plan is a
// page view, and coming back after a quiet half hour is a new visit (app/domain/buyer-visits.ts).
import { startsNewVisit } from "~/domain/buyer-visits";
import { calendarDateIn } from "~/domain/dates";

export function visitDaysOf(moments: Date[], timeZone: string) {
  const days = new Map<string, { day: string; views: number; visits: number; lastViewAt: Date }>();
  let previous: Date | null = null;
  for (const at of [...moments].sort((a, b) => a.getTime() - b.getTime())) {
    const day = calendarDateIn(timeZone, at);
    const row = days.get(day) ?? { day, views: 0, visits: 0, lastViewAt: at };
    row.views += 1;
    if (startsNewVisit(previous, at)) row.visits += 1;
    row.lastViewAt = at;
    days.set(day, row);
    previous = at;
  }
  return [...days.values()];
}
