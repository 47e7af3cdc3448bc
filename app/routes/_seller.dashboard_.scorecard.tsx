import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DashboardTabs } from "~/components/dashboard/dashboard-tabs";
import { WindowPicker } from "~/components/dashboard/window-picker";
import { ClosePushes, CommitWarning, MeddpiccDistribution, NextSteps, ScorecardRows } from "~/components/dashboard/scorecard-sections";
import { DaysInStage, SalesCycle, WinRateByStage } from "~/components/dashboard/scorecard-tables";
import { formatCalendarDate, isCalendarDate } from "~/domain/dates";
import { resolveWindow } from "~/domain/kpis";
import { shownScorecard } from "~/domain/scorecard";
import { actorToday } from "~/models/actor.server";
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
  const resolved = resolveWindow(params.get("window"), actorToday(seller), seller.fiscalYearStartMonth, params.get("from"), params.get("to"), isCalendarDate);
  const windowQuery = new URLSearchParams({ window: resolved.kind, ...(resolved.kind === "custom" ? resolved.window : {}) }).toString();
  return countingMisses(sellerMisses(seller, context), async () => {
    const view = await scorecardView(seller, resolved.window, { team: params.get("team"), rep: params.get("rep") }, windowQuery).catch((error) => {
      throw asResponse(error);
    });
    // Only what the page shows leaves the loader: a scope of thousands of deals lists a few of them.
    return {
      windowInfo: { ...resolved, query: windowQuery },
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
  const home = `/dashboard/scorecard?${windowInfo.query}`;
  return (
    <main className="mx-auto max-w-6xl space-y-5 px-4 py-6">
      <nav className="text-sm text-slate-600" aria-label="Breadcrumb">
        <Link to={home} className="text-brand-700 underline">
          Scorecard
        </Link>
        {scope.team && scope.kind === "rep" ? (
          <>
            {" / "}
            <Link to={`${home}&team=${scope.team}`} className="text-brand-700 underline">
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
