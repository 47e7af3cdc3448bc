// A rep's deals under the rep's cards: each row shows what the deal adds to them, so the cards
// can be checked by adding up the rows. Forecast figures count only for deals closing in the window.
import { Link } from "@remix-run/react";
import { formatMoney } from "~/components/format";
import { HEALTH_LABELS, HEALTH_TONES } from "~/components/signals/labels";
import { Badge } from "~/components/ui/badge";
import { formatCalendarDate } from "~/domain/dates";
import { FORECAST_LABELS, OUTCOME_LABELS, type ForecastCategory, type Outcome } from "~/domain/types";
import type { RepDealRow } from "~/models/dashboard.server";

export function RepDeals({ deals }: { deals: RepDealRow[] }) {
  if (deals.length === 0) return <p className="px-4 py-3 text-sm text-slate-600">No deals.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="rep-deals">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">Deal</th>
            <th className="px-2 py-2 font-medium">Amount</th>
            <th className="px-2 py-2 font-medium">Health</th>
            <th className="px-2 py-2 font-medium">Forecast in this window</th>
            <th className="px-2 py-2 font-medium">Milestones due (on time)</th>
            <th className="px-2 py-2 font-medium">Re-dated</th>
            <th className="px-2 py-2 font-medium">Active buyers</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {deals.map((d) => (
            <tr key={d.dealId} data-deal={d.dealId}>
              <td className="px-4 py-2">
                <Link to={`/deals/${d.dealId}`} className="font-medium text-brand-700 underline">
                  {d.accountName}
                </Link>
                <div className="text-xs text-slate-600">
                  {d.name} · close {formatCalendarDate(d.targetCloseDate)}
                </div>
              </td>
              <td className="whitespace-nowrap px-2 py-2">{formatMoney(d.amount, d.currency)}</td>
              <td className="px-2 py-2">
                {d.outcome === "OPEN" ? (
                  <Badge tone={HEALTH_TONES[d.healthLabel as keyof typeof HEALTH_TONES]}>
                    {HEALTH_LABELS[d.healthLabel as keyof typeof HEALTH_LABELS]} {d.healthScore}
                  </Badge>
                ) : (
                  <Badge tone={d.outcome === "WON" ? "green" : "red"}>{OUTCOME_LABELS[d.outcome as Outcome]}</Badge>
                )}
                {d.kpis.slippage.dealsProjectedOut ? (
                  <div className="mt-1">
                    <Badge tone="amber">Projected out of quarter</Badge>
                  </div>
                ) : null}
              </td>
              <td className="px-2 py-2">
                {d.inForecast ? (
                  <>
                    plan says {FORECAST_LABELS[d.derivedCategory as ForecastCategory]}, rep {FORECAST_LABELS[d.repCategory as ForecastCategory]}
                    {d.kpis.forecast.overCalledDealIds.length ? (
                      <div className="mt-1">
                        <Badge tone="red">Over-called</Badge>
                      </div>
                    ) : null}
                  </>
                ) : (
                  <span className="text-slate-500">closes outside the window</span>
                )}
              </td>
              <td className="px-2 py-2">{d.milestones.due ? `${d.milestones.due} (${d.milestones.onTime})` : "—"}</td>
              <td className="px-2 py-2">{d.milestones.redated ? `${d.milestones.redated} (${d.milestones.daysSlipped} days)` : "—"}</td>
              <td className="px-2 py-2">{d.outcome === "OPEN" ? d.activeBuyerCount : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
