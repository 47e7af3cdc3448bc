// The scorecard's stage tables: win rate by stage, days in stage with the aging deals, and the
// sales cycle. Every figure is the scope's (docs/scorecard.md).
import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { LIST_LIMIT, STAGES, type DealRef, type Scorecard, type ShownScorecard } from "~/domain/scorecard";
import { stageName } from "~/domain/types";
import { pct } from "./cards";

export const days = (value: number | null) => (value === null ? "—" : `${Number.isInteger(value) ? value : value.toFixed(1)} ${value === 1 ? "day" : "days"}`);

export function Section({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <section className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-labelledby={id} data-testid={id}>
      <div className="border-b border-slate-200 px-4 py-3">
        <h2 id={id} className="font-semibold">
          {title}
        </h2>
        <p className="text-sm text-slate-600">{description}</p>
      </div>
      <div className="space-y-3 p-4">{children}</div>
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-600">{children}</p>;
}

const th = "px-3 py-2 font-medium";
const td = "px-3 py-2 align-top";

export function Table({ caption, headers, children }: { caption: string; headers: string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="pb-2 text-left text-xs text-slate-500">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className={th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export function Cell({ children, strong, warn }: { children: ReactNode; strong?: boolean; warn?: boolean }) {
  return <td className={`${td} ${strong ? "font-medium" : ""} ${warn ? "font-medium text-red-700" : ""}`}>{children}</td>;
}

export function DealLink({ deal, owner }: { deal: DealRef; owner?: string }) {
  return (
    <>
      <Link to={`/deals/${deal.dealId}`} className="text-brand-700 underline">
        {deal.accountName} · {deal.name}
      </Link>
      {owner ? <span className="text-slate-500"> ({owner})</span> : null}
    </>
  );
}

const stageLabel = (stage: number) => `${stage}. ${stageName(stage)}`;

export function WinRateByStage({ s }: { s: Scorecard }) {
  const stages = STAGES.filter((stage) => s.winRate[stage]?.entered);
  return (
    <Section
      id="win-rate"
      title="Win rate by stage"
      description="Of the deals that entered each stage in the window, how many are now won, lost or still open."
    >
      {stages.length === 0 ? (
        <Empty>No deal entered a stage in this window.</Empty>
      ) : (
        <Table
          caption="Deals that entered each stage in the window, by what became of them"
          headers={["Stage", "Entered", "Won", "Lost", "Still open", "Win rate"]}
        >
          {stages.map((stage) => {
            const row = s.winRate[stage];
            return (
              <tr key={stage}>
                <Cell strong>{stageLabel(stage)}</Cell>
                <Cell>{row.entered}</Cell>
                <Cell>{row.won}</Cell>
                <Cell>{row.lost}</Cell>
                <Cell>{row.open}</Cell>
                <Cell strong>{pct(row.winRate)}</Cell>
              </tr>
            );
          })}
        </Table>
      )}
    </Section>
  );
}

export function DaysInStage({ s, ownerNames }: { s: ShownScorecard; ownerNames: Record<string, string> }) {
  const stages = STAGES.filter((stage) => s.daysInStage[stage]?.stints);
  return (
    <Section
      id="days-in-stage"
      title="Average days in stage"
      description="Over the stints in a stage that ended in the window. An open deal is aging when it has been in its stage longer than its team's average (or the organization's)."
    >
      {stages.length === 0 ? (
        <Empty>No deal left a stage in this window.</Empty>
      ) : (
        <Table caption="Stints that ended in the window, per stage" headers={["Stage", "Stints ended", "Average"]}>
          {stages.map((stage) => (
            <tr key={stage}>
              <Cell strong>{stageLabel(stage)}</Cell>
              <Cell>{s.daysInStage[stage].stints}</Cell>
              <Cell strong>{days(s.daysInStage[stage].average)}</Cell>
            </tr>
          ))}
        </Table>
      )}
      {s.agingCount === 0 ? (
        <Empty>No open deal is over its team&apos;s usual time in its stage.</Empty>
      ) : (
        <Table caption={`Aging deals (${s.agingCount}): open, and longer in their stage than usual`} headers={["Deal", "Stage", "In stage", "Usual"]}>
          {s.aging.map((deal) => (
            <tr key={deal.dealId}>
              <Cell>
                <DealLink deal={deal} owner={ownerNames[deal.ownerId]} />
              </Cell>
              <Cell>{stageLabel(deal.stage)}</Cell>
              <Cell warn>{days(deal.daysInStage)}</Cell>
              <Cell>{days(Math.round(deal.usualDays * 10) / 10)}</Cell>
            </tr>
          ))}
        </Table>
      )}
      <MoreNote shown={s.aging.length} total={s.agingCount} />
    </Section>
  );
}

export function MoreNote({ shown, total }: { shown: number; total: number }) {
  return total > shown ? (
    <p className="text-xs text-slate-600">
      Showing the first {shown} of {total}
      {shown === LIST_LIMIT ? "; open a team or a rep to narrow the list" : ""}.
    </p>
  ) : null;
}

export function SalesCycle({ s }: { s: Scorecard }) {
  const cycle = s.salesCycle;
  return (
    <Section
      id="sales-cycle"
      title="Sales cycle of won deals"
      description="Won deals closed in the window: days from the day each deal opened to the day it closed."
    >
      {cycle.count === 0 ? (
        <Empty>No deal was won in this window.</Empty>
      ) : (
        <dl className="grid grid-cols-3 gap-3 text-sm">
          <Figure label="Won deals" value={String(cycle.count)} />
          <Figure label="Average" value={days(cycle.average === null ? null : Math.round(cycle.average * 10) / 10)} />
          <Figure label="Median" value={days(cycle.median)} />
        </dl>
      )}
    </Section>
  );
}

export function Figure({ label, value, alert }: { label: string; value: string; alert?: boolean }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={`text-xl font-semibold ${alert ? "text-red-700" : ""}`}>{value}</dd>
    </div>
  );
}
