import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams, useSubmit } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { PlanStatusBadge } from "~/components/deal-badges";
import { formatMoney } from "~/components/format";
import { HEALTH_LABELS, HEALTH_TONES, PLAN_STATUS_SIGNAL_LABELS, PLAN_STATUS_TONES } from "~/components/signals/labels";
import { formatCalendarDate } from "~/domain/dates";
import { compareByClose, compareByRisk, matchesFilter } from "~/domain/pipeline";
import { FORECAST_CATEGORIES, FORECAST_LABELS, OUTCOME_LABELS, stageName, type ForecastCategory, type Outcome, type PlanStatus } from "~/domain/types";
import { listDeals } from "~/models/deal.server";
import { loadDealSignals } from "~/models/signals.server";
import { requireSeller } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Deals · Mutual" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const params = new URL(request.url).searchParams;
  const [deals, signals] = await Promise.all([listDeals(seller), loadDealSignals(seller)]);
  const category = params.get("category");
  const filter = {
    category: (FORECAST_CATEGORIES as readonly string[]).includes(category ?? "") ? (category as ForecastCategory) : null,
    overCalled: params.get("overcalled") === "1",
    stalled: params.get("stalled") === "1",
    stagePushed: params.get("pushed") === "1",
  };
  const rows = deals
    .map((deal) => ({ ...deal, signals: signals.get(deal.id)! }))
    .filter((row) => matchesFilter(row, filter))
    .sort(params.get("sort") === "close" ? compareByClose : compareByRisk);
  return { deals: rows, total: deals.length, role: seller.role };
}

export default function Deals() {
  const { deals, total, role } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const submit = useSubmit();
  const scope = role === "ADMIN" ? "All deals in your organization" : role === "MANAGER" ? "Your team's deals" : "Your deals";
  const filtered = deals.length !== total;
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

      <Form method="get" className="mt-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200" onChange={(e) => submit(e.currentTarget, { replace: true, preventScrollReset: true })}>
        <label className="flex flex-col gap-1">
          <span className="font-medium text-slate-700">Sort</span>
          <select name="sort" defaultValue={params.get("sort") ?? "risk"} className="rounded-md border border-slate-300 px-2 py-1.5">
            <option value="risk">Riskiest first</option>
            <option value="close">Close date</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium text-slate-700">Derived category</span>
          <select name="category" defaultValue={params.get("category") ?? ""} className="rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">Any</option>
            {FORECAST_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {FORECAST_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        {[
          ["overcalled", "Over-called"],
          ["stalled", "Stalled"],
          ["pushed", "Stage-pushed"],
        ].map(([name, label]) => (
          <label key={name} className="flex items-center gap-1.5 py-1.5">
            <input type="checkbox" name={name} value="1" defaultChecked={params.get(name) === "1"} />
            {label}
          </label>
        ))}
        <noscript>
          <button className="rounded-md border border-slate-300 px-3 py-1.5">Apply</button>
        </noscript>
        {filtered ? (
          <Link to="/deals" className="py-1.5 text-brand-700 underline">
            Clear filters
          </Link>
        ) : null}
      </Form>

      {total === 0 ? (
        <div className="mt-8 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium">No deals yet</p>
          <p className="mt-1 text-sm text-slate-600">Create a deal and start its plan from the standard template.</p>
        </div>
      ) : deals.length === 0 ? (
        <p className="mt-8 text-center text-slate-600">No deal matches these filters.</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200" data-testid="pipeline">
          {deals.map((deal) => {
            const s = deal.signals;
            return (
              <li key={deal.id} data-testid="pipeline-row">
                <Link to={`/deals/${deal.id}`} className="grid gap-2 px-4 py-3 hover:bg-slate-50 sm:grid-cols-[2fr_1fr_1.2fr_1.6fr] sm:items-center">
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
                    <p className="text-slate-600">
                      Plan says <span className="font-medium text-slate-900">{FORECAST_LABELS[s.forecast.derived]}</span> · rep {FORECAST_LABELS[deal.repForecastCategory as ForecastCategory]}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-1.5 text-sm">
                    {deal.outcome !== "OPEN" ? (
                      <Badge tone={deal.outcome === "WON" ? "green" : "red"}>{OUTCOME_LABELS[deal.outcome as Outcome]}</Badge>
                    ) : (
                      <Badge tone={HEALTH_TONES[s.health.label]}>
                        {HEALTH_LABELS[s.health.label]} {s.health.score}
                      </Badge>
                    )}
                    {deal.plan ? <PlanStatusBadge status={deal.plan.status as PlanStatus} /> : <Badge>No plan</Badge>}
                    {s.planStatus && deal.outcome === "OPEN" && s.planStatus !== s.health.label ? (
                      <Badge tone={PLAN_STATUS_TONES[s.planStatus]}>Plan {PLAN_STATUS_SIGNAL_LABELS[s.planStatus].toLowerCase()}</Badge>
                    ) : null}
                    {s.forecast.overCalled ? <Badge tone="red">Over-called</Badge> : null}
                    {s.stagePush.pushed ? <Badge tone="red">Stage-pushed</Badge> : null}
                  </div>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
