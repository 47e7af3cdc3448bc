// The dashboard's table columns, shared by the page and the CSV export so both say the same.
import type { Kpis } from "~/domain/kpis";

export interface KpiColumn {
  header: string;
  /** As shown on the page. */
  text: (k: Kpis) => string;
  /** As exported: plain numbers, empty when there is nothing to divide. */
  csv: (k: Kpis) => string;
}

const pct = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);
const num = (value: number | null, digits = 1) => (value === null ? "" : value.toFixed(digits));

/** Rep-called and derived Commit, summed over currencies in the order they appear. */
export function commitTotals(k: Kpis): string {
  const parts = Object.entries(k.forecast.byCurrency).map(([currency, t]) => `${currency} ${t.rep.COMMIT.toLocaleString("en-US")} / ${t.derived.COMMIT.toLocaleString("en-US")}`);
  return parts.length ? parts.join("; ") : "—";
}

export const KPI_COLUMNS: KpiColumn[] = [
  {
    header: "MAP completion",
    text: (k) => `${pct(k.completion.rate)} (${k.completion.onTime}/${k.completion.due})`,
    csv: (k) => num(k.completion.rate === null ? null : k.completion.rate * 100),
  },
  { header: "Milestones due", text: (k) => String(k.completion.due), csv: (k) => String(k.completion.due) },
  {
    header: "Coverage shared",
    text: (k) => `${pct(k.coverage.sharedRate)} (${k.coverage.shared}/${k.coverage.eligible})`,
    csv: (k) => num(k.coverage.sharedRate === null ? null : k.coverage.sharedRate * 100),
  },
  {
    header: "Coverage accepted",
    text: (k) => `${pct(k.coverage.acceptedRate)} (${k.coverage.accepted}/${k.coverage.eligible})`,
    csv: (k) => num(k.coverage.acceptedRate === null ? null : k.coverage.acceptedRate * 100),
  },
  {
    header: "Re-dated",
    text: (k) => `${pct(k.slippage.redatedRate)} (${k.slippage.redated})`,
    csv: (k) => num(k.slippage.redatedRate === null ? null : k.slippage.redatedRate * 100),
  },
  { header: "Avg days slipped", text: (k) => (k.slippage.averageDaysSlipped === null ? "—" : k.slippage.averageDaysSlipped.toFixed(1)), csv: (k) => num(k.slippage.averageDaysSlipped) },
  { header: "Projected out of quarter", text: (k) => String(k.slippage.dealsProjectedOut), csv: (k) => String(k.slippage.dealsProjectedOut) },
  { header: "Active buyers per deal", text: (k) => (k.multiThread.average === null ? "—" : k.multiThread.average.toFixed(1)), csv: (k) => num(k.multiThread.average) },
  { header: "Commit: rep / plan", text: commitTotals, csv: commitTotals },
  { header: "Over-called", text: (k) => String(k.forecast.overCalledDealIds.length), csv: (k) => String(k.forecast.overCalledDealIds.length) },
];

export function toCsv(rows: string[][]): string {
  const cell = (raw: string) => {
    // A cell starting like a formula would run in a spreadsheet: make it text.
    const value = /^[=+\-@\t\r]/.test(raw) && !/^-?\d/.test(raw) ? `'${raw}` : raw;
    return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  return rows.map((row) => row.map(cell).join(",")).join("\n") + "\n";
}
