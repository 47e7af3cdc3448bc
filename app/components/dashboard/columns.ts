// The dashboard's columns, shared by the page and the CSV export so both say the same. The CSV
// holds the counts behind every rate, as plain numbers, so any total can be added up from its rows.
import type { Kpis } from "~/domain/kpis";
import { FORECAST_CATEGORIES, FORECAST_LABELS } from "~/domain/types";

export type CsvCell = string | number | null;

export interface KpiColumn {
  header: string;
  /** As shown on the page. */
  text: (k: Kpis) => string;
}

const pct = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

/** Rep-called and derived Commit, summed over currencies in the order they appear. */
export function commitTotals(k: Kpis): string {
  const parts = Object.entries(k.forecast.byCurrency).map(
    ([currency, t]) => `${currency} ${t.rep.COMMIT.toLocaleString("en-US")} / ${t.derived.COMMIT.toLocaleString("en-US")}`,
  );
  return parts.length ? parts.join("; ") : "—";
}

/** The page's table: rates with the counts behind them. */
export const KPI_COLUMNS: KpiColumn[] = [
  { header: "MAP completion", text: (k) => `${pct(k.completion.rate)} (${k.completion.onTime}/${k.completion.due})` },
  { header: "Milestones due", text: (k) => String(k.completion.due) },
  { header: "Coverage shared", text: (k) => `${pct(k.coverage.sharedRate)} (${k.coverage.shared}/${k.coverage.eligible})` },
  { header: "Coverage accepted", text: (k) => `${pct(k.coverage.acceptedRate)} (${k.coverage.accepted}/${k.coverage.eligible})` },
  { header: "Re-dated", text: (k) => `${pct(k.slippage.redatedRate)} (${k.slippage.redated})` },
  { header: "Avg days slipped", text: (k) => (k.slippage.averageDaysSlipped === null ? "—" : k.slippage.averageDaysSlipped.toFixed(1)) },
  { header: "Projected out of quarter", text: (k) => String(k.slippage.dealsProjectedOut) },
  { header: "Active buyers per deal", text: (k) => (k.multiThread.average === null ? "—" : k.multiThread.average.toFixed(1)) },
  { header: "Commit: rep / plan", text: commitTotals },
  { header: "Over-called", text: (k) => String(k.forecast.overCalledDealIds.length) },
];

/** The counts behind a row of KPIs, as the CSV exports them. */
export const KPI_COUNT_COLUMNS: Array<{ header: string; value: (k: Kpis) => number }> = [
  { header: "Milestones due", value: (k) => k.completion.due },
  { header: "Completed on time", value: (k) => k.completion.onTime },
  { header: "Open deals at stage 3 or later", value: (k) => k.coverage.eligible },
  { header: "With a shared plan", value: (k) => k.coverage.shared },
  { header: "With an accepted plan", value: (k) => k.coverage.accepted },
  { header: "Milestones re-dated", value: (k) => k.slippage.redated },
  { header: "Days slipped", value: (k) => k.slippage.daysSlipped },
  { header: "Projected out of quarter", value: (k) => k.slippage.dealsProjectedOut },
  { header: "Open deals", value: (k) => k.multiThread.openDeals },
  { header: "Active buyers on open deals", value: (k) => k.multiThread.activeBuyers },
  { header: "Over-called deals", value: (k) => k.forecast.overCalledDealIds.length },
];

const FORECAST_SIDES = [
  ["rep", "Rep-called"],
  ["derived", "Plan-derived"],
] as const;

/** The rows' KPI table as CSV cells: counts, then forecast amounts per currency and category. */
export function kpiCsvRows(rows: Array<{ name: string; kpis: Kpis }>): CsvCell[][] {
  const currencies = [...new Set(rows.flatMap((r) => Object.keys(r.kpis.forecast.byCurrency)))].sort();
  const header = [
    "Name",
    ...KPI_COUNT_COLUMNS.map((c) => c.header),
    ...currencies.flatMap((cur) => FORECAST_SIDES.flatMap(([, side]) => FORECAST_CATEGORIES.map((c) => `${side} ${FORECAST_LABELS[c]} (${cur})`))),
  ];
  const body = rows.map(({ name, kpis }) => [
    name,
    ...KPI_COUNT_COLUMNS.map((c) => c.value(kpis)),
    ...currencies.flatMap((cur) => FORECAST_SIDES.flatMap(([key]) => FORECAST_CATEGORIES.map((c) => kpis.forecast.byCurrency[cur]?.[key][c] ?? 0))),
  ]);
  return [header, ...body];
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Numbers are written as numbers. A text cell that a spreadsheet would run as a formula (it starts
 * with = + - @, a tab or a carriage return) is made text, unless it is nothing but a plain number.
 */
export function toCsv(rows: CsvCell[][]): string {
  const cell = (raw: CsvCell) => {
    if (raw === null) return "";
    if (typeof raw === "number") return Number.isFinite(raw) ? String(raw) : "";
    const value = FORMULA_START.test(raw) && !PLAIN_NUMBER.test(raw) ? `'${raw}` : raw;
    return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  return rows.map((row) => row.map(cell).join(",")).join("\n") + "\n";
}
