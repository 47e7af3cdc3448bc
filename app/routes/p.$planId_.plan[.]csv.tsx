// The buyer's plan as CSV (docs/exports.md): the steps the buyer's page shows, nothing internal.
// Refusals answer as the plan page does (sign-in, 403, 404 as an HTML page).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { planCsvRows, planFileName } from "~/components/plan-export/plan-csv";
import { csvDownload } from "~/utils/csv-download";
import { buyerPlanExport } from "~/models/plan-export.server";
import { answerWithPage } from "~/utils/buyer-page-http.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return answerWithPage(request, params.planId ?? "", context, async (visit) => {
    const plan = await buyerPlanExport(visit.buyer);
    return csvDownload(planCsvRows(plan), planFileName(plan, "csv"));
  });
}
