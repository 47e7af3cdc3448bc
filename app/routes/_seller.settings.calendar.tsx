// Settings → Calendar: a seller's own private calendar addresses. Each lists the steps of the
// open deals they own and the steps they own on anyone's, internal-only ones included, since the
// address is theirs alone (app/models/calendar-read.server.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CALENDAR_ANCHOR, CalendarFeedList } from "~/components/calendar-feeds";
import { NoticeProvider } from "~/components/plan-editor/notice";
import { createPersonFeed, listPersonFeeds, revokePersonFeed } from "~/models/calendar-feed.server";
import { requireSeller } from "~/utils/auth.server";
import { CALENDAR_INTENTS, calendarFeedAction, calendarFeedsForPage } from "~/utils/calendar-feed-page.server";
import { takeNotice } from "~/utils/flash.server";
import { readForm } from "~/utils/form-data.server";
import { unknownIntent } from "~/utils/intent.server";
import { SHOWN_ONCE_CACHE_CONTROL, keepRetryAfter } from "~/utils/route-headers";
import { ErrorPage } from "~/root";

export const meta: MetaFunction = () => [{ title: "Calendar · Mutual" }];

export const headers = keepRetryAfter;

const PAGE = "/settings/calendar";

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const [feeds, { notice, headers }] = await Promise.all([listPersonFeeds(seller), takeNotice(request)]);
  const { clear, ...calendar } = calendarFeedsForPage(request, feeds);
  const answer = new Headers(headers);
  if (clear) answer.append("Set-Cookie", clear);
  if (calendar.newUrl) answer.set("Cache-Control", SHOWN_ONCE_CACHE_CONTROL);
  return data({ ...calendar, notice, timezone: seller.timezone }, { headers: answer });
}

export async function action({ request }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  const form = await readForm(request);
  if (!CALENDAR_INTENTS.has(String(form.get("intent")))) throw unknownIntent();
  return calendarFeedAction(request, form, PAGE, seller, { create: () => createPersonFeed(seller), revoke: (feedId) => revokePersonFeed(seller, feedId) });
}

export default function CalendarSettings() {
  const { feeds, newUrl, notice, timezone } = useLoaderData<typeof loader>();
  return (
    <NoticeProvider value={notice}>
      <section id={CALENDAR_ANCHOR} className="max-w-xl space-y-4">
        <h1 className="text-2xl font-semibold">Calendar</h1>
        <p className="text-sm text-slate-600">
          A private address for your calendar app: the steps of the open deals you own and the steps you own on your colleagues’ deals, each on its date,
          internal-only steps included. Keep it to yourself; a plan’s own address, made on its deal page, is the one to share with a buyer.
        </p>
        <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
          <CalendarFeedList feeds={feeds} newUrl={newUrl} timezone={timezone} showMaker={false} />
        </div>
      </section>
    </NoticeProvider>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
