import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { compactMoney } from "~/components/dashboard/axis";
import { BarChart } from "~/components/dashboard/bar-chart";
import { DrillBreadcrumb } from "~/components/dashboard/breadcrumb";
import { Cards, UnreadableNote } from "~/components/dashboard/cards";
import { RepDeals } from "~/components/dashboard/rep-deals";
import { DashboardTabs } from "~/components/dashboard/dashboard-tabs";
import { WindowPicker } from "~/components/dashboard/window-picker";
import { KPI_COLUMNS } from "~/components/dashboard/columns";
import { formatMoney } from "~/components/format";
import { formatCalendarDate } from "~/domain/dates";
import { COMPLETION_WARNING, resolveWindow, type Kpis } from "~/domain/kpis";
import { FORECAST_CATEGORIES, FORECAST_LABELS } from "~/domain/types";
import { dashboardView } from "~/models/dashboard.server";
import { drillOf, requestedWindow } from "~/models/dashboard-scope.server";
import { requireSeller } from "~/utils/auth.server";
import { asResponse } from "~/utils/intent.server";
import { countingMisses, sellerMisses } from "~/utils/rate-limit.server";
import { keepRetryAfter } from "~/utils/route-headers";
import { ErrorPage } from "~/root";

export const meta: MetaFunction = () => [{ title: "Dashboard · Mutual" }];

export const headers = keepRetryAfter;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const params = new URL(request.url).searchParams;
  const windowInfo = requestedWindow(seller, params, resolveWindow);
  return countingMisses(sellerMisses(seller, context), async () => {
    const view = await dashboardView(seller, windowInfo.window, drillOf(params), windowInfo.query).catch((error) => {
      throw asResponse(error);
    });
    return {
      windowInfo,
      scope: view.scope,
      summary: view.summary,
      rows: view.rows,
      rowsAre: view.rowsAre,
      deals: view.deals,
      unreadable: view.unreadable,
      trend: view.dashboard.trend,
    };
  });
}

export default function Dashboard() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { windowInfo, scope, summary, rows, rowsAre, deals, trend, unreadable } = data;
  const csv = (table: string) => `/dashboard.csv?${new URLSearchParams({ ...Object.fromEntries(params), table })}`;
  const weekLabels = trend.map((w) => formatCalendarDate(w.week).replace(/ \d{4}$/, ""));
  const currencies = Object.keys(summary.forecast.byCurrency);
  const mainCurrency = currencies[0];

  return (
    <main className="mx-auto max-w-6xl space-y-5 px-4 py-6">
      <DrillBreadcrumb title="Dashboard" home={`/dashboard?${windowInfo.query}`} scope={scope} />
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

      <UnreadableNote deals={unreadable} />
      <Cards kpis={summary} />

      <div className="grid gap-4 lg:grid-cols-2">
        <BarChart
          title="MAP completion by week"
          description="Share of milestones due each week that were completed, buyer-confirmed where the buyer owns them, by their target date."
          labels={weekLabels}
          series={[{ name: "Completed on time", color: "#4f46e5", values: trend.map((w) => (w.due ? w.onTime / w.due : null)) }]}
          format={(v) => `${Math.round(v * 100)}%`}
          threshold={{ value: COMPLETION_WARNING, label: "70% warning" }}
          max={1}
        />
        <BarChart
          title="Slippage by week"
          description="Share of milestones due each week whose date was moved later than originally agreed."
          labels={weekLabels}
          series={[{ name: "Re-dated", color: "#d97706", values: trend.map((w) => (w.due ? w.redated / w.due : null)) }]}
          format={(v) => `${Math.round(v * 100)}%`}
          max={1}
        />
      </div>
      {mainCurrency ? (
        <BarChart
          title={`Forecast by category, ${mainCurrency}${currencies.length > 1 ? ` (also: ${currencies.slice(1).join(", ")} in the table)` : ""}`}
          description="Deals closing in the window: the amount the reps called in each category against what the plans support."
          labels={FORECAST_CATEGORIES.map((c) => FORECAST_LABELS[c])}
          series={[
            { name: "Rep-called", color: "#94a3b8", values: FORECAST_CATEGORIES.map((c) => summary.forecast.byCurrency[mainCurrency].rep[c]) },
            { name: "Plan-derived", color: "#4f46e5", values: FORECAST_CATEGORIES.map((c) => summary.forecast.byCurrency[mainCurrency].derived[c]) },
          ]}
          format={(v) => formatMoney(Math.round(v), mainCurrency)}
          formatAxis={(v) => compactMoney(v, mainCurrency)}
        />
      ) : null}

      {rows.length > 0 ? (
        <section className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-labelledby="table-heading">
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
            <h2 id="table-heading" className="font-semibold">
              By {rowsAre}
            </h2>
            <a href={csv("rows")} className="text-sm text-brand-700 underline" download>
              Export CSV
            </a>
          </div>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="kpi-table">
              <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2 font-medium">Name</th>
                  {KPI_COLUMNS.map((c) => (
                    <th key={c.header} className="px-2 py-2 font-medium">
                      {c.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => (
                  <tr key={row.key}>
                    <td className="px-4 py-2 font-medium">
                      <Link to={row.href} className="text-brand-700 underline">
                        {row.name}
                      </Link>
                    </td>
                    {KPI_COLUMNS.map((c) => (
                      <td key={c.header} className={`whitespace-nowrap px-2 py-2 ${warn(c.header, row.kpis) ? "font-medium text-red-700" : ""}`}>
                        <Link to={row.href}>{c.text(row.kpis)}</Link>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {scope.kind === "rep" ? (
        <section className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-labelledby="deals-heading">
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
            <h2 id="deals-heading" className="font-semibold">
              {scope.name}&apos;s deals
            </h2>
            <a href={csv("deals")} className="text-sm text-brand-700 underline" download>
              Export CSV
            </a>
          </div>
          <RepDeals deals={deals} />
        </section>
      ) : null}
    </main>
  );
}

function warn(header: string, k: Kpis) {
  return header === "MAP completion" && k.completion.rate !== null && k.completion.rate < COMPLETION_WARNING;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
