// CSV of the dashboard table the user is looking at (same window and drill-down), or of a rep's deals.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { kpiCsvRows, toCsv } from "~/components/dashboard/columns";
import { dealCsvRows } from "~/components/dashboard/deal-columns";
import { isCalendarDate } from "~/domain/dates";
import { resolveWindow } from "~/domain/kpis";
import { actorToday } from "~/models/actor.server";
import { dashboardView } from "~/models/dashboard.server";
import { requireSeller } from "~/utils/auth.server";
import { appUrl } from "~/utils/env.server";
import { asResponse } from "~/utils/intent.server";
import { countingMisses, sellerMisses } from "~/utils/rate-limit.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const params = new URL(request.url).searchParams;
  const resolved = resolveWindow(params.get("window"), actorToday(seller), seller.fiscalYearStartMonth, params.get("from"), params.get("to"), isCalendarDate);
  const view = await countingMisses(sellerMisses(seller, context), () =>
    dashboardView(seller, resolved.window, { team: params.get("team"), rep: params.get("rep") }, "").catch((error) => {
      throw asResponse(error);
    }),
  );
  const deals = params.get("table") === "deals";
  const rows = deals ? dealCsvRows(view.deals, appUrl(request)) : kpiCsvRows([...view.rows, { name: "Total", kpis: view.summary }]);
  const name = `mutual-dashboard-${resolved.window.from}-to-${resolved.window.to}${deals ? "-deals" : ""}.csv`;
  return new Response(toCsv(rows), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" },
  });
}
