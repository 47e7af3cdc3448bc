import { Badge } from "~/components/ui/badge";
import { PlanStatusBadge } from "~/components/deal-badges";
import { formatMoney } from "~/components/format";
import { formatCalendarDate } from "~/domain/dates";
import { FORECAST_LABELS, OUTCOME_LABELS, stageName } from "~/domain/types";
import { SavedNotice } from "./notice";
import type { DealView, PlanView } from "./types";

export function DealHeader({ deal, plan }: { deal: DealView; plan: PlanView | null }) {
  return (
    <header id="deal" className="mt-1">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-semibold">{deal.accountName}</h1>
        <SavedNotice anchor="deal" />
        {deal.outcome !== "OPEN" ? <Badge tone={deal.outcome === "WON" ? "green" : "red"}>{OUTCOME_LABELS[deal.outcome]}</Badge> : null}
        {plan ? <PlanStatusBadge status={plan.status} /> : <Badge>No plan</Badge>}
      </div>
      <p className="text-slate-600">{deal.name}</p>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        <Fact label="Amount" value={formatMoney(deal.amount, deal.currency)} />
        <Fact label="Stage" value={`${deal.stage}. ${stageName(deal.stage)}`} />
        <Fact label="Target close" value={formatCalendarDate(deal.targetCloseDate)} />
        <Fact label="Rep's call" value={FORECAST_LABELS[deal.repForecastCategory]} />
        <Fact label="Owner" value={deal.ownerName} />
      </dl>
    </header>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
