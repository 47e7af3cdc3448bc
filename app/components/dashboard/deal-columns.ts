// A rep's deals as the CSV exports them: who and what the deal is, its figures as plain numbers
// (the currency in its own column), and what it adds to each of the rep's cards, so the cards can
// be added up from the file. Stored values are written as the pages show them. The Deal ID column
// is the key a spreadsheet or a CRM matches rows by; the last column is the deal's page.
import { HEALTH_LABELS, PLAN_STATUS_SIGNAL_LABELS } from "~/components/signals/labels";
import { FORECAST_LABELS, OUTCOME_LABELS, PLAN_STATUS_LABELS, stageName, type ForecastCategory, type Outcome, type PlanStatus } from "~/domain/types";
import type { RepDealRow } from "~/models/dashboard.server";
import type { CsvCell } from "./columns";

const yesNo = (value: boolean) => (value ? "yes" : "no");

const DEAL_CSV_COLUMNS: Array<{ header: string; value: (d: RepDealRow, appUrl: string) => CsvCell }> = [
  { header: "Deal ID", value: (d) => d.dealId },
  { header: "Account", value: (d) => d.accountName },
  { header: "Deal", value: (d) => d.name },
  { header: "Owner", value: (d) => d.ownerName },
  { header: "Amount", value: (d) => d.amount },
  { header: "Currency", value: (d) => d.currency },
  { header: "Stage", value: (d) => d.stage },
  { header: "Stage name", value: (d) => stageName(d.stage) },
  { header: "Target close", value: (d) => d.targetCloseDate },
  { header: "Outcome", value: (d) => OUTCOME_LABELS[d.outcome as Outcome] },
  { header: "Plan", value: (d) => (d.planState ? PLAN_STATUS_LABELS[d.planState as PlanStatus] : "No plan") },
  { header: "Plan progress", value: (d) => (d.planStatus ? (PLAN_STATUS_SIGNAL_LABELS[d.planStatus as keyof typeof PLAN_STATUS_SIGNAL_LABELS] ?? "") : "") },
  { header: "Health score", value: (d) => d.healthScore },
  { header: "Health", value: (d) => HEALTH_LABELS[d.healthLabel as keyof typeof HEALTH_LABELS] ?? "" },
  { header: "Rep call", value: (d) => FORECAST_LABELS[d.repCategory as ForecastCategory] },
  { header: "Plan-derived category", value: (d) => FORECAST_LABELS[d.derivedCategory as ForecastCategory] },
  { header: "Closes in window", value: (d) => yesNo(d.inForecast) },
  { header: "Over-called in window", value: (d) => d.kpis.forecast.overCalledDealIds.length },
  { header: "Open and projected out of quarter", value: (d) => d.kpis.slippage.dealsProjectedOut },
  { header: "Active buyers", value: (d) => d.activeBuyerCount },
  { header: "Milestones due", value: (d) => d.milestones.due },
  { header: "Completed on time", value: (d) => d.milestones.onTime },
  { header: "Milestones re-dated", value: (d) => d.milestones.redated },
  { header: "Days slipped", value: (d) => d.milestones.daysSlipped },
  { header: "Deal page", value: (d, appUrl) => `${appUrl}/deals/${d.dealId}` },
];

/** `appUrl` is the address the deal pages are served from, without a trailing slash. */
export const DEAL_ID_HEADER = "Deal ID";

export function dealCsvRows(deals: RepDealRow[], appUrl: string): CsvCell[][] {
  return [DEAL_CSV_COLUMNS.map((c) => c.header), ...deals.map((d) => DEAL_CSV_COLUMNS.map((c) => c.value(d, appUrl)))];
}
