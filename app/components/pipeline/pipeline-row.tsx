import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { PlanStatusBadge } from "~/components/deal-badges";
import { formatMoney } from "~/components/format";
import { HEALTH_LABELS, HEALTH_TONES, PLAN_STATUS_SIGNAL_LABELS, PLAN_STATUS_TONES } from "~/components/signals/labels";
import { formatCalendarDate } from "~/domain/dates";
import { FORECAST_LABELS, OUTCOME_LABELS, stageName, type ForecastCategory, type Outcome, type PlanStatus } from "~/domain/types";
import type { PipelineRow as Row } from "~/models/pipeline.server";

/** One deal of the pipeline list; a deal with a date the engine cannot read says so instead of its figures. */
export function PipelineRow({ deal }: { deal: Row }) {
  const s = deal.signals;
  return (
    <li data-testid="pipeline-row">
      <Link to={`/deals/${deal.id}`} className="grid gap-2 px-4 py-3 hover:bg-slate-50 sm:grid-cols-[2fr_1fr_1.2fr_1.6fr] sm:items-center">
        <div>
          <p className="font-medium">{deal.accountName}</p>
          <p className="text-sm text-slate-600">
            {deal.name} · {deal.ownerName}
          </p>
        </div>
        <div className="text-sm">
          <p>{formatMoney(deal.amount, deal.currency)}</p>
          <p className="text-slate-600">
            Stage {deal.stage}: {stageName(deal.stage)}
          </p>
        </div>
        <div className="text-sm">
          <p>Close {formatCalendarDate(deal.targetCloseDate)}</p>
          <p className="text-slate-600">
            {s ? (
              <>
                Plan says <span className="font-medium text-slate-900">{FORECAST_LABELS[s.forecast.derived]}</span> ·{" "}
              </>
            ) : null}
            rep {FORECAST_LABELS[deal.repForecastCategory as ForecastCategory] ?? "no call"}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-1.5 text-sm">
          {deal.unreadableDate ? (
            <Badge tone="red">This deal has a date we cannot read: {deal.unreadableDate}</Badge>
          ) : deal.outcome !== "OPEN" ? (
            <Badge tone={deal.outcome === "WON" ? "green" : "red"}>{OUTCOME_LABELS[deal.outcome as Outcome]}</Badge>
          ) : s ? (
            <Badge tone={HEALTH_TONES[s.health.label]}>
              {HEALTH_LABELS[s.health.label]} {s.health.score}
            </Badge>
          ) : null}
          {deal.planState ? <PlanStatusBadge status={deal.planState as PlanStatus} /> : <Badge>No plan</Badge>}
          {s?.planStatus && deal.outcome === "OPEN" && s.planStatus !== s.health.label ? (
            <Badge tone={PLAN_STATUS_TONES[s.planStatus]}>Plan {PLAN_STATUS_SIGNAL_LABELS[s.planStatus].toLowerCase()}</Badge>
          ) : null}
          {s?.forecast.overCalled ? <Badge tone="red">Over-called</Badge> : null}
          {s?.stagePush.pushed ? <Badge tone="red">Stage-pushed</Badge> : null}
        </div>
      </Link>
    </li>
  );
}
