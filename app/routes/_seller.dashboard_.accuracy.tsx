import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AccuracyRows, AccuracyTable, headline } from "~/components/dashboard/accuracy-tables";
import { DashboardTabs } from "~/components/dashboard/dashboard-tabs";
import { WindowPicker } from "~/components/dashboard/window-picker";
import { formatCalendarDate, isCalendarDate } from "~/domain/dates";
import { ACCURACY_WINDOW_CHOICES, resolveAccuracyWindow } from "~/domain/forecast-accuracy";
import { actorToday } from "~/models/actor.server";
import { forecastAccuracyView } from "~/models/forecast-accuracy.server";
import { requireSeller } from "~/utils/auth.server";
import { asResponse } from "~/utils/intent.server";
import { countingMisses, sellerMisses } from "~/utils/rate-limit.server";
import { keepRetryAfter } from "~/utils/route-headers";
import { ErrorPage } from "~/root";

export const meta: MetaFunction = () => [{ title: "Forecast accuracy · Mutual" }];

export const headers = keepRetryAfter;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const params = new URL(request.url).searchParams;
  const resolved = resolveAccuracyWindow(
    params.get("window"),
    actorToday(seller),
    seller.fiscalYearStartMonth,
    params.get("from"),
    params.get("to"),
    isCalendarDate,
  );
  const windowQuery = new URLSearchParams({ window: resolved.kind, ...(resolved.kind === "custom" ? resolved.window : {}) }).toString();
  return countingMisses(sellerMisses(seller, context), async () => {
    const view = await forecastAccuracyView(seller, resolved.window, { team: params.get("team"), rep: params.get("rep") }, windowQuery).catch((error) => {
      throw asResponse(error);
    });
    return { windowInfo: { ...resolved, query: windowQuery }, ...view };
  });
}

/** How the headline opens, by window. */
function over(kind: string, from: string, to: string) {
  if (kind === "last2") return "Over the last 2 quarters";
  if (kind === "last4") return "Over the last 4 quarters";
  if (kind === "current") return "This quarter so far";
  return `For the quarters ending ${formatCalendarDate(from)} to ${formatCalendarDate(to)}`;
}

export default function ForecastAccuracy() {
  const { windowInfo, scope, summary, rows, rowsAre, today } = useLoaderData<typeof loader>();
  const { from, to } = windowInfo.window;
  const base = `/dashboard/accuracy?${windowInfo.query}`;
  return (
    <main className="mx-auto max-w-6xl space-y-5 px-4 py-6">
      <nav className="text-sm text-slate-600" aria-label="Breadcrumb">
        <Link to={base} className="text-brand-700 underline">
          Forecast accuracy
        </Link>
        {scope.kind === "rep" ? (
          <>
            {" / "}
            <Link to={`${base}&team=${scope.team}`} className="text-brand-700 underline">
              {scope.teamName}
            </Link>
          </>
        ) : null}
        {scope.kind !== "all" ? ` / ${scope.name}` : null}
      </nav>
      <DashboardTabs query={windowInfo.query} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{scope.name}</h1>
          <p className="text-sm text-slate-600">
            {windowInfo.label}: calls made for the quarters that end between {formatCalendarDate(from)} and {formatCalendarDate(to)}
          </p>
        </div>
        <WindowPicker kind={windowInfo.kind} from={from} to={to} choices={ACCURACY_WINDOW_CHOICES} />
      </div>
      {windowInfo.error ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {windowInfo.error} Showing the last 2 quarters instead.
        </p>
      ) : null}
      <p className="text-sm text-slate-600">
        Every week, each open deal&apos;s forecast category is recorded twice: as the rep called it and as its plan supports it. A call is judged once the deal
        is won or lost, or once the quarter it was made for has ended: Commit and Best Case are right when the deal was won by the quarter&apos;s last day,
        Pipeline and Omitted when it was not.
      </p>
      {to >= today ? (
        <p role="note" className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm text-slate-700" data-testid="unsettled-note">
          This window includes a quarter that has not ended: most of its calls are still open and are not counted until their deals close or the quarter ends.
        </p>
      ) : null}

      {summary.settled === 0 ? (
        <p className="rounded-lg bg-white p-4 text-sm text-slate-700 shadow-sm ring-1 ring-slate-200" data-testid="accuracy-empty">
          No call is settled yet for these quarters: none of their deals has closed and none of the quarters has ended.
          {summary.unsettled ? ` ${summary.unsettled} ${summary.unsettled === 1 ? "call is" : "calls are"} still open.` : ""}
        </p>
      ) : (
        <>
          <p className="rounded-lg bg-white p-4 text-lg shadow-sm ring-1 ring-slate-200" data-testid="accuracy-headline">
            {headline(over(windowInfo.kind, from, to), summary.total)}
            <span className="block text-sm text-slate-600">
              {summary.settled} settled {summary.settled === 1 ? "call" : "calls"}; {summary.unsettled} still open.
            </span>
          </p>
          <section className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <AccuracyTable caption={`${windowInfo.label}, all quarters`} tallies={summary.total} testId="accuracy-total" />
          </section>
          <div className="grid gap-4 lg:grid-cols-2">
            {summary.quarters.map((q) => (
              <section key={q.quarterEnd} className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
                <AccuracyTable
                  caption={`${q.label} (ends ${formatCalendarDate(q.quarterEnd)}): ${q.settled} settled`}
                  tallies={q.tallies}
                  testId="accuracy-quarter"
                />
              </section>
            ))}
          </div>
        </>
      )}
      {rows.length > 0 ? (
        <section className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <AccuracyRows rows={rows} rowsAre={rowsAre} />
        </section>
      ) : null}
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
