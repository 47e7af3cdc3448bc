// The deal page's calendar addresses for its plan (app/routes/_seller.deals.$dealId/calendar.server.ts).
import { CALENDAR_ANCHOR, CalendarFeedList, type FeedView } from "~/components/calendar-feeds";

export function PlanCalendar({ feeds, newUrl, timezone }: { feeds: FeedView[]; newUrl: string | null; timezone: string }) {
  return (
    <section id={CALENDAR_ANCHOR} className="scroll-mt-4 space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading" className="font-semibold">
        Calendar
      </h2>
      <p className="text-sm text-slate-600">
        A private address that calendar apps subscribe to: each step of the plan on its date, kept up to date as dates move. You may share it with the buyer, so
        internal-only steps are left out.
      </p>
      <CalendarFeedList feeds={feeds} newUrl={newUrl} timezone={timezone} showMaker />
    </section>
  );
}
