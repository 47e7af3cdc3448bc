import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AccuracyFindings, AccuracyRows } from "~/components/dashboard/accuracy-tables";
import { DrillBreadcrumb } from "~/components/dashboard/breadcrumb";
import { DashboardTabs } from "~/components/dashboard/dashboard-tabs";
import { WindowPicker } from "~/components/dashboard/window-picker";
import { formatCalendarDate } from "~/domain/dates";
import { ACCURACY_WINDOW_CHOICES, resolveAccuracyWindow } from "~/domain/forecast-accuracy";
import { drillOf, requestedWindow } from "~/models/dashboard-scope.server";
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
  const windowInfo = requestedWindow(seller, params, resolveAccuracyWindow);
  return countingMisses(sellerMisses(seller, context), async () => {
    const view = await forecastAccuracyView(seller, windowInfo.window, drillOf(params), windowInfo.query).catch((error) => {
      throw asResponse(error);
    });
    return { windowInfo, ...view };
  });
}

export default function ForecastAccuracy() {
  const { windowInfo, scope, summary, rows, rowsAre, today } = useLoaderData<typeof loader>();
  const { from, to } = windowInfo.window;
  return (
    <main className="mx-auto max-w-6xl space-y-5 px-4 py-6">
      <DrillBreadcrumb title="Forecast accuracy" home={`/dashboard/accuracy?${windowInfo.query}`} scope={scope} />
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
      <AccuracyFindings windowInfo={windowInfo} summary={summary} today={today} />
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
