// The pipeline list as CSV: one row per deal the page's filters match, with the figures the list
// shows as plain numbers and the headers the dashboard's deal export uses for the same facts
// (app/components/dashboard/deal-columns.ts). A deal with a date the engine cannot read has its
// derived figures left empty and says which date.
import type { CsvCell } from "~/components/dashboard/columns";
import { DEAL_ID_HEADER } from "~/components/dashboard/deal-columns";
import { HEALTH_LABELS, PLAN_STATUS_SIGNAL_LABELS } from "~/components/signals/labels";
import { FORECAST_LABELS, OUTCOME_LABELS, PLAN_STATUS_LABELS, stageName, type ForecastCategory, type Outcome, type PlanStatus } from "~/domain/types";
import { PIPELINE_EXPORT_LIMIT } from "~/domain/pipeline";
import type { PipelineExport, PipelineExportRow } from "~/models/pipeline.server";

type Column = { header: string; value: (d: PipelineExportRow, appUrl: string) => CsvCell };

const COLUMNS: Column[] = [
  { header: DEAL_ID_HEADER, value: (d) => d.id },
  { header: "External ID", value: (d) => d.externalId },
  { header: "Account", value: (d) => d.accountName },
  { header: "Deal", value: (d) => d.name },
  { header: "Owner", value: (d) => d.ownerName },
  { header: "Stage", value: (d) => d.stage },
  { header: "Stage name", value: (d) => stageName(d.stage) },
  { header: "Amount", value: (d) => d.amount },
  { header: "Currency", value: (d) => d.currency },
  { header: "Target close", value: (d) => d.targetCloseDate },
  { header: "Outcome", value: (d) => OUTCOME_LABELS[d.outcome as Outcome] },
  { header: "Rep call", value: (d) => FORECAST_LABELS[d.repForecastCategory as ForecastCategory] ?? "" },
  { header: "Plan-derived category", value: (d) => (d.signals ? FORECAST_LABELS[d.signals.forecast.derived] : null) },
  { header: "Health", value: (d) => (d.unreadableDate ? `Date to fix: ${d.unreadableDate}` : d.signals ? HEALTH_LABELS[d.signals.health.label] : null) },
  { header: "Health score", value: (d) => d.signals?.health.score ?? null },
  { header: "Over-called", value: (d) => (d.signals ? (d.signals.forecast.overCalled ? "yes" : "no") : null) },
  { header: "Stage-pushed", value: (d) => (d.signals ? (d.signals.stagePush.pushed ? "yes" : "no") : null) },
  { header: "Steps slipped", value: (d) => d.signals?.slippedCount ?? null },
  { header: "Plan", value: (d) => (d.planState ? PLAN_STATUS_LABELS[d.planState as PlanStatus] : "No plan") },
  { header: "Plan progress", value: (d) => (d.signals?.planStatus ? PLAN_STATUS_SIGNAL_LABELS[d.signals.planStatus] : null) },
  { header: "Steps done", value: (d) => d.steps?.done ?? null },
  { header: "Steps in plan", value: (d) => d.steps?.total ?? null },
  { header: "Plan completion %", value: (d) => (d.steps && d.steps.total > 0 ? Math.round((100 * d.steps.done) / d.steps.total) : null) },
  { header: "Deal page", value: (d, appUrl) => `${appUrl}/deals/${d.id}` },
];

/**
 * `appUrl` is the address the deal pages are served from, without a trailing slash. A cut-off
 * export ends with a row saying so, where whoever opens the file will see it.
 */
export function pipelineCsvRows({ deals, truncated }: PipelineExport, appUrl: string): CsvCell[][] {
  const rows = [COLUMNS.map((c) => c.header), ...deals.map((d) => COLUMNS.map((c) => c.value(d, appUrl)))];
  if (truncated) rows.push([`Only the first ${PIPELINE_EXPORT_LIMIT.toLocaleString("en-US")} deals are in this file: narrow the filters for the rest.`]);
  return rows;
}
