// A plan as CSV, one row per step, in the printed plan's order and sections. Dates are written
// YYYY-MM-DD so a spreadsheet reads them as dates. The seller's file says which steps are
// internal-only; the buyer's never holds such a step, so it has no such column.
import type { CsvCell } from "~/components/dashboard/columns";
import { groupSteps } from "~/components/buyer-plan/step-groups";
import { MILESTONE_STATUS_LABELS, OWNER_SIDE_LABELS } from "~/domain/types";
import type { ExportedPlan, ExportedStep } from "~/models/plan-export.server";

/** The step's state in words: a step marked done by the seller that a buyer has not confirmed does not count as done. */
export function stepStatusWords(step: ExportedStep): string {
  if (step.completion === "DONE") return "Done";
  if (step.completion === "AWAITING_BUYER_CONFIRMATION") return "Marked done, awaiting the buyer's confirmation";
  return MILESTONE_STATUS_LABELS[step.status];
}

type Column = { header: string; value: (step: ExportedStep, section: string) => CsvCell };

const COLUMNS: Column[] = [
  { header: "Section", value: (_, section) => section },
  { header: "Step", value: (s) => s.title },
  { header: "Owner", value: (s) => s.ownerName ?? "" },
  { header: "Owner side", value: (s) => OWNER_SIDE_LABELS[s.ownerSide] },
  { header: "Original date", value: (s) => s.originalTargetDate },
  { header: "Due date", value: (s) => s.targetDate },
  { header: "Status", value: stepStatusWords },
  { header: "Confirmed by the buyer", value: (s) => (s.status !== "DONE" ? "" : s.buyerConfirmed ? "yes" : "no") },
  { header: "Completed on", value: (s) => s.completedOn ?? "" },
  { header: "Output", value: (s) => s.output },
];

const SELLER_COLUMNS: Column[] = [...COLUMNS, { header: "Internal only", value: (s) => (s.internalOnly ? "yes" : "no") }];

export function planCsvRows(plan: ExportedPlan): CsvCell[][] {
  const columns = plan.audience === "SELLER" ? SELLER_COLUMNS : COLUMNS;
  const rows = groupSteps(plan.steps, true).flatMap((group) => group.items.map((step) => columns.map((c) => c.value(step, group.heading ?? ""))));
  return [columns.map((c) => c.header), ...rows];
}

/** Letters, digits and dashes only (accents dropped): the name travels in a header. */
function fileWord(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .toLowerCase()
      .slice(0, 60) || "plan"
  );
}

/** e.g. "acme-corp-plan-2026-11-30.csv". */
export function planFileName(plan: ExportedPlan, extension: string): string {
  return `${fileWord(plan.buyerCompany)}-plan-${plan.today}.${extension}`;
}
