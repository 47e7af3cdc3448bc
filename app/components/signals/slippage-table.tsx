import { formatCalendarDate } from "~/domain/dates";
import type { DealSignals } from "~/domain/signals";

/** Per milestone: original against current date, re-dates, days slipped and overdue. */
export function SlippageTable({ signals, titles }: { signals: DealSignals; titles: Map<string, string> }) {
  const rows = signals.milestones;
  if (rows.length === 0) return null;
  return (
    <section className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-labelledby="slippage-heading">
      <h2 id="slippage-heading" className="border-b border-slate-200 px-4 py-3 font-semibold">
        Slippage{" "}
        <span className="font-normal text-slate-500">
          ({signals.slippedCount} slipped, {signals.totalDaysSlipped} days in all)
        </span>
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="slippage-table">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">Milestone</th>
              <th className="px-2 py-2 font-medium">Original</th>
              <th className="px-2 py-2 font-medium">Current</th>
              <th className="px-2 py-2 text-right font-medium">Re-dates</th>
              <th className="px-2 py-2 text-right font-medium">Slipped</th>
              <th className="px-2 py-2 text-right font-medium">Overdue</th>
              <th className="px-4 py-2 font-medium">Done</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((m) => (
              <tr key={m.id}>
                <td className="px-4 py-2">{titles.get(m.id) ?? m.id}</td>
                <td className="whitespace-nowrap px-2 py-2">{formatCalendarDate(m.originalTargetDate)}</td>
                <td className="whitespace-nowrap px-2 py-2">{formatCalendarDate(m.targetDate)}</td>
                <td className="px-2 py-2 text-right">{m.redateCount}</td>
                <td className={`px-2 py-2 text-right ${m.daysSlipped > 0 ? "text-amber-700" : ""}`}>{m.daysSlipped > 0 ? `+${m.daysSlipped}d` : "0"}</td>
                <td className={`px-2 py-2 text-right ${m.daysOverdue > 0 ? "font-medium text-red-700" : ""}`}>
                  {m.daysOverdue > 0 ? `${m.daysOverdue}d` : "0"}
                </td>
                <td className="px-4 py-2">
                  {m.countsAsDone ? (m.buyerConfirmed ? "Confirmed by buyer" : "Yes") : m.awaitingBuyerConfirmation ? "Awaiting buyer" : "No"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
