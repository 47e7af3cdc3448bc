import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { PlanStatusBadge } from "~/components/deal-badges";
import { formatMoney } from "~/components/format";
import { formatCalendarDate } from "~/domain/dates";
import { FORECAST_LABELS, OUTCOME_LABELS, stageName, type ForecastCategory, type Outcome, type PlanStatus } from "~/domain/types";
import { listDeals } from "~/models/deal.server";
import { requireSeller } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Deals · Mutual" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  return { deals: await listDeals(seller), role: seller.role };
}

export default function Deals() {
  const { deals, role } = useLoaderData<typeof loader>();
  const scope = role === "ADMIN" ? "All deals in your organization" : role === "MANAGER" ? "Your team's deals" : "Your deals";
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Deals</h1>
          <p className="text-sm text-slate-600">{scope}</p>
        </div>
        <Link to="/deals/new" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">
          New deal
        </Link>
      </div>

      {deals.length === 0 ? (
        <div className="mt-8 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium">No deals yet</p>
          <p className="mt-1 text-sm text-slate-600">Create a deal and start its plan from the standard template.</p>
        </div>
      ) : (
        <ul className="mt-6 divide-y divide-slate-200 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          {deals.map((deal) => (
            <li key={deal.id}>
              <Link to={`/deals/${deal.id}`} className="grid gap-2 px-4 py-3 hover:bg-slate-50 sm:grid-cols-[2fr_1fr_1fr_1fr] sm:items-center">
                <div>
                  <p className="font-medium">{deal.accountName}</p>
                  <p className="text-sm text-slate-600">
                    {deal.name} · {deal.owner.name}
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
                  <p className="text-slate-600">Rep call: {FORECAST_LABELS[deal.repForecastCategory as ForecastCategory]}</p>
                </div>
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  {deal.outcome !== "OPEN" ? (
                    <Badge tone={deal.outcome === "WON" ? "green" : "red"}>{OUTCOME_LABELS[deal.outcome as Outcome]}</Badge>
                  ) : null}
                  {deal.plan ? (
                    <>
                      <PlanStatusBadge status={deal.plan.status as PlanStatus} />
                      <span className="text-slate-600">
                        {deal.plan.doneCount}/{deal.plan.milestoneCount} marked done
                      </span>
                    </>
                  ) : (
                    <Badge>No plan</Badge>
                  )}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
