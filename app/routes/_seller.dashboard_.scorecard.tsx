import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DrillBreadcrumb } from "~/components/dashboard/breadcrumb";
import { DashboardTabs } from "~/components/dashboard/dashboard-tabs";
import { WindowPicker } from "~/components/dashboard/window-picker";
import { ClosePushes, CommitWarning, MeddpiccDistribution, NextSteps, ScorecardRows } from "~/components/dashboard/scorecard-sections";
import { DaysInStage, SalesCycle, WinRateByStage } from "~/components/dashboard/scorecard-tables";
import { formatCalendarDate } from "~/domain/dates";
import { resolveWindow } from "~/domain/kpis";
import { shownScorecard } from "~/domain/scorecard";
import { drillOf, requestedWindow } from "~/models/dashboard-scope.server";
import { scorecardView } from "~/models/scorecard.server";
import { requireSeller } from "~/utils/auth.server";
import { asResponse } from "~/utils/intent.server";
import { countingMisses, sellerMisses } from "~/utils/rate-limit.server";
import { keepRetryAfter } from "~/utils/route-headers";
import { ErrorPage } from "~/root";

export const meta: MetaFunction = () => [{ title: "Scorecard · Mutual" }];

export const headers = keepRetryAfter;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const params = new URL(request.url).searchParams;
  const windowInfo = requestedWindow(seller, params, resolveWindow);
  return countingMisses(sellerMisses(seller, context), async () => {
    const view = await scorecardView(seller, windowInfo.window, drillOf(params), windowInfo.query).catch((error) => {
      throw asResponse(error);
    });
    // Only what the page shows leaves the loader: a scope of thousands of deals lists a few of them.
    return {
      windowInfo,
      scope: view.scope,
      rowsAre: view.rowsAre,
      ownerNames: view.ownerNames,
      summary: shownScorecard(view.summary),
      rows: view.rows.map((row) => ({ ...row, scorecard: shownScorecard(row.scorecard) })),
    };
  });
}

export default function ScorecardPage() {
  const { windowInfo, scope, summary, rows, rowsAre, ownerNames } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-6xl space-y-5 px-4 py-6">
      <DrillBreadcrumb title="Scorecard" home={`/dashboard/scorecard?${windowInfo.query}`} scope={scope} />
      <DashboardTabs query={windowInfo.query} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{scope.name}</h1>
          <p className="text-sm text-slate-600">
            {windowInfo.label}: {formatCalendarDate(windowInfo.window.from)} to {formatCalendarDate(windowInfo.window.to)}
          </p>
        </div>
        <WindowPicker kind={windowInfo.kind} from={windowInfo.window.from} to={windowInfo.window.to} />
      </div>
      {windowInfo.error ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {windowInfo.error} Showing this quarter instead.
        </p>
      ) : null}

      <CommitWarning s={summary} />
      <div className="grid gap-4 lg:grid-cols-2">
        <WinRateByStage s={summary} />
        <DaysInStage s={summary} ownerNames={ownerNames} />
        <MeddpiccDistribution s={summary} />
        <div className="space-y-4">
          <SalesCycle s={summary} />
          <ClosePushes s={summary} />
        </div>
        <NextSteps s={summary} ownerNames={ownerNames} />
      </div>
      <ScorecardRows rows={rows} rowsAre={rowsAre} />
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
