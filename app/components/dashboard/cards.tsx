// The dashboard's headline figures. Each one is a KPI of the scope shown, and the table or list
// under the cards adds up to it (the deals list, row by row; the CSV, column by column).
import { Link } from "@remix-run/react";
import { COMPLETION_WARNING, type Kpis } from "~/domain/kpis";
import { compactMoney } from "./axis";

export const pct = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

export function Cards({ kpis }: { kpis: Kpis }) {
  // Amounts are never added across currencies: the card shows the largest, the table shows all.
  // The seed rule ("Commit never exceeds what passes the Commit gate") is checked in every one.
  const currencies = Object.entries(kpis.forecast.byCurrency).sort(([, a], [, b]) => b.rep.COMMIT - a.rep.COMMIT);
  const [currency, totals] = currencies[0] ?? [null, null];
  const overCommitted = currencies.filter(([, t]) => t.rep.COMMIT > t.derived.COMMIT).map(([c]) => c);
  const lowCompletion = kpis.completion.rate !== null && kpis.completion.rate < COMPLETION_WARNING;
  const overCalled = kpis.forecast.overCalledDealIds.length;
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6" data-testid="kpi-cards">
      <Card
        label="MAP completion"
        value={pct(kpis.completion.rate)}
        detail={`${kpis.completion.onTime} of ${kpis.completion.due} due, on time`}
        alert={lowCompletion ? "Below 70%" : null}
      />
      <Card
        label="Coverage"
        value={`${pct(kpis.coverage.sharedRate)} shared`}
        detail={`${pct(kpis.coverage.acceptedRate)} accepted, of ${kpis.coverage.eligible} open deals at stage 3+`}
      />
      <Card
        label="Re-dated"
        value={pct(kpis.slippage.redatedRate)}
        detail={
          kpis.slippage.averageDaysSlipped === null
            ? "no milestone slipped"
            : `${kpis.slippage.redated} of ${kpis.slippage.milestones}, avg ${kpis.slippage.averageDaysSlipped.toFixed(1)} days slipped`
        }
      />
      <Card label="Projected out of quarter" value={String(kpis.slippage.dealsProjectedOut)} detail="open deals" />
      <Card
        label="Multi-threading"
        value={kpis.multiThread.average === null ? "—" : kpis.multiThread.average.toFixed(1)}
        detail={`${kpis.multiThread.activeBuyers} active buyers on ${kpis.multiThread.openDeals} open deals (3+ each is safe)`}
        alert={kpis.multiThread.average !== null && kpis.multiThread.average < 3 ? "Below 3" : null}
      />
      <Card
        label={`Commit: rep / plan${currency ? ` (${currency})` : ""}`}
        value={currency && totals ? `${compactMoney(totals.rep.COMMIT, currency)} / ${compactMoney(totals.derived.COMMIT, currency)}` : "—"}
        detail={`${overCalled} over-called ${overCalled === 1 ? "deal" : "deals"} closing in the window`}
        alert={overCommitted.length ? `Rep Commit exceeds what plans support (${overCommitted.join(", ")})` : null}
      />
    </dl>
  );
}

function Card({ label, value, detail, alert }: { label: string; value: string; detail: string; alert?: string | null }) {
  return (
    <div className={`rounded-lg bg-white p-3 shadow-sm ring-1 ${alert ? "ring-red-300" : "ring-slate-200"}`}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold">{value}</dd>
      <dd className="text-xs text-slate-600">{detail}</dd>
      {alert ? <dd className="mt-1 text-xs font-medium text-red-700">{alert}</dd> : null}
    </div>
  );
}

/** Deals whose figures are withheld are named, so nothing leaves the dashboard silently. */
export function UnreadableNote({ deals }: { deals: Array<{ dealId: string; accountName: string; name: string }> }) {
  if (deals.length === 0) return null;
  const shown = deals.slice(0, 5);
  return (
    <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="unreadable-note">
      {deals.length === 1 ? "1 deal has a date we cannot read" : `${deals.length} deals have a date we cannot read`}, so{" "}
      {deals.length === 1 ? "its figures are" : "their figures are"} left out until fixed:{" "}
      {shown.map((d, i) => (
        <span key={d.dealId}>
          {i > 0 ? ", " : null}
          <Link to={`/deals/${d.dealId}`} className="font-medium underline">
            {d.accountName} · {d.name}
          </Link>
        </span>
      ))}
      {deals.length > shown.length ? ` and ${deals.length - shown.length} more` : null}.
    </p>
  );
}
