// The forecast-accuracy page's tables: each category's calls, the rep's and the plan's side by side,
// as right of settled and a percentage. Every figure adds up from the rows the page drills into.
import { Link } from "@remix-run/react";
import { formatCalendarDate } from "~/domain/dates";
import { CALLED_CATEGORIES, rate, type CalledCategory, type CategoryTallies, type Tally } from "~/domain/forecast-accuracy";
import { FORECAST_LABELS } from "~/domain/types";
import type { KpiWindow } from "~/domain/kpis";
import type { AccuracyRow, AccuracySummary } from "~/models/forecast-accuracy.server";
import { pct } from "./cards";

/** What a call of the category says will happen, and so what makes it right. */
const MEANS: Record<CalledCategory, string> = {
  COMMIT: "right when won in the quarter",
  BEST_CASE: "right when won in the quarter",
  PIPELINE: "right when not won in the quarter",
  OMITTED: "right when not won in the quarter",
};

const ofCalls = (t: Tally) => `${t.right} of ${t.settled} ${t.settled === 1 ? "call" : "calls"}`;

/** How the headline opens, by window. */
function over(kind: string, from: string, to: string) {
  if (kind === "last2") return "Over the last 2 quarters";
  if (kind === "last4") return "Over the last 4 quarters";
  if (kind === "current") return "This quarter so far";
  return `For the quarters ending ${formatCalendarDate(from)} to ${formatCalendarDate(to)}`;
}

/** "Over the last 2 quarters, plan-derived Commit closed 81% of the time (17 of 21 calls); rep-called Commit 58% (7 of 12 calls)." */
function headline(over: string, total: CategoryTallies): string {
  const { rep, derived } = total.COMMIT;
  if (derived.settled === 0 && rep.settled === 0) return `${over}, no Commit call is settled yet.`;
  const plan = derived.settled
    ? `plan-derived Commit closed ${pct(rate(derived))} of the time (${ofCalls(derived)})`
    : "no plan-derived Commit call is settled";
  const repSays = rep.settled ? `rep-called Commit ${pct(rate(rep))} (${ofCalls(rep)})` : "no rep-called Commit call is settled";
  return `${over}, ${plan}; ${repSays}.`;
}

function Cell({ tally, better }: { tally: Tally; better: boolean }) {
  if (tally.settled === 0) return <td className="px-3 py-2 text-slate-500">no settled calls</td>;
  return (
    <td className="px-3 py-2">
      <span className={`text-base font-semibold ${better ? "text-emerald-700" : ""}`}>{pct(rate(tally))}</span>
      <span className="block text-xs text-slate-600">{ofCalls(tally)}</span>
    </td>
  );
}

/** One table: the four categories, rep-called against plan-derived. */
export function AccuracyTable({ caption, tallies, testId }: { caption: string; tallies: CategoryTallies; testId: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="px-3 py-2 text-left font-semibold">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Called
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Rep-called
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Plan-derived
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {CALLED_CATEGORIES.map((c) => {
            const { rep, derived } = tallies[c];
            const [repRate, planRate] = [rate(rep), rate(derived)];
            return (
              <tr key={c} data-category={c}>
                <th scope="row" className="px-3 py-2 font-medium">
                  {FORECAST_LABELS[c]}
                  <span className="block text-xs font-normal text-slate-600">{MEANS[c]}</span>
                </th>
                <Cell tally={rep} better={repRate !== null && planRate !== null && repRate > planRate} />
                <Cell tally={derived} better={repRate !== null && planRate !== null && planRate > repRate} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What the page found for the scope shown: how calls are judged, the headline, and the tables for the window and each quarter. */
export function AccuracyFindings({
  windowInfo,
  summary,
  today,
}: {
  windowInfo: { kind: string; label: string; window: KpiWindow };
  summary: AccuracySummary;
  today: string;
}) {
  const { from, to } = windowInfo.window;
  return (
    <>
      <p className="text-sm text-slate-600">
        Every week, each open deal&apos;s forecast category is recorded twice: as the rep called it and as its plan supports it. A call is judged once the deal
        is won or lost, or once the quarter it was made for has ended: Commit and Best Case are right when the deal was won by the quarter&apos;s last day,
        Pipeline and Omitted when it was not.
      </p>
      {to >= today ? (
        <p role="note" className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm text-slate-700" data-testid="unsettled-note">
          This window includes a quarter that has not ended: most of its calls are still open and are not counted until their deals close or the quarter ends.
        </p>
      ) : null}

      {summary.settled === 0 ? (
        <p className="rounded-lg bg-white p-4 text-sm text-slate-700 shadow-sm ring-1 ring-slate-200" data-testid="accuracy-empty">
          No call is settled yet for these quarters: none of their deals has closed and none of the quarters has ended.
          {summary.unsettled ? ` ${summary.unsettled} ${summary.unsettled === 1 ? "call is" : "calls are"} still open.` : ""}
        </p>
      ) : (
        <>
          <p className="rounded-lg bg-white p-4 text-lg shadow-sm ring-1 ring-slate-200" data-testid="accuracy-headline">
            {headline(over(windowInfo.kind, from, to), summary.total)}
            <span className="block text-sm text-slate-600">
              {summary.settled} settled {summary.settled === 1 ? "call" : "calls"}; {summary.unsettled} still open.
            </span>
          </p>
          <section className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <AccuracyTable caption={`${windowInfo.label}, all quarters`} tallies={summary.total} testId="accuracy-total" />
          </section>
          <div className="grid gap-4 lg:grid-cols-2">
            {summary.quarters.map((q) => (
              <section key={q.quarterEnd} className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
                <AccuracyTable
                  caption={`${q.label} (ends ${formatCalendarDate(q.quarterEnd)}): ${q.settled} settled`}
                  tallies={q.tallies}
                  testId="accuracy-quarter"
                />
              </section>
            ))}
          </div>
        </>
      )}
    </>
  );
}

/** The teams or reps under the scope shown, each with its Commit and Pipeline accuracy, both ways. */
export function AccuracyRows({ rows, rowsAre }: { rows: AccuracyRow[]; rowsAre: "team" | "rep" }) {
  const shown: CalledCategory[] = ["COMMIT", "BEST_CASE", "PIPELINE"];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="accuracy-rows">
        <caption className="px-3 py-2 text-left font-semibold">By {rowsAre} (rep-called / plan-derived)</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Name
            </th>
            {shown.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 font-medium">
                {FORECAST_LABELS[c]}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 font-medium">
              Settled calls
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Still open
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="px-3 py-2 font-medium">
                <Link to={row.href} className="text-brand-700 underline">
                  {row.name}
                </Link>
              </th>
              {shown.map((c) => (
                <td key={c} className="whitespace-nowrap px-3 py-2">
                  {pct(rate(row.byCategory[c].rep))} / {pct(rate(row.byCategory[c].derived))}
                </td>
              ))}
              <td className="px-3 py-2">{row.settled}</td>
              <td className="px-3 py-2">{row.unsettled}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
