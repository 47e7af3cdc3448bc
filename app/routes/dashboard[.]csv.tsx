// CSV of the dashboard table the user is looking at (same window and drill-down), or of a rep's deals.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { KPI_COLUMNS, toCsv } from "~/components/dashboard/columns";
import { isCalendarDate } from "~/domain/dates";
import { resolveWindow } from "~/domain/kpis";
import { actorToday } from "~/models/actor.server";
import { dashboardView } from "~/models/dashboard.server";
import { requireSeller } from "~/utils/auth.server";
import { asResponse } from "~/utils/intent.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const params = new URL(request.url).searchParams;
  const resolved = resolveWindow(params.get("window"), actorToday(seller), seller.fiscalYearStartMonth, params.get("from"), params.get("to"), isCalendarDate);
  const view = await dashboardView(seller, resolved.window, { team: params.get("team"), rep: params.get("rep") }, "").catch((error) => {
    throw asResponse(error);
  });
  const rows =
    params.get("table") === "deals"
      ? [
          ["Account", "Amount", "Currency", "Stage", "Target close", "Outcome", "Plan", "Plan status", "Health", "Health label", "Rep call", "Plan-derived", "Over-called", "Projected out of quarter", "Active buyers"],
          ...view.deals.map((d) => [
            d.accountName,
            String(d.amount),
            d.currency,
            String(d.stage),
            d.targetCloseDate,
            d.outcome,
            d.planState ?? "",
            d.planStatus ?? "",
            String(d.healthScore),
            d.healthLabel,
            d.repCategory,
            d.derivedCategory,
            d.overCalled ? "yes" : "no",
            d.projectedOutsideQuarter ? "yes" : "no",
            String(d.activeBuyerCount),
          ]),
        ]
      : [
          ["Name", ...KPI_COLUMNS.map((c) => c.header)],
          ...[...view.rows.map((r) => [r.name, r.kpis] as const), ["Total", view.summary] as const].map(([name, k]) => [name, ...KPI_COLUMNS.map((c) => c.csv(k))]),
        ];
  const name = `mutual-dashboard-${resolved.window.from}-to-${resolved.window.to}${params.get("table") === "deals" ? "-deals" : ""}.csv`;
  return new Response(toCsv(rows), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" },
  });
}
