// The seller's plan as CSV (docs/exports.md): every step, internal-only ones marked.
// The deal's id comes from the URL: ids that lead nowhere count against the miss limits.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { planCsvRows, planFileName } from "~/components/plan-export/plan-csv";
import { csvDownload } from "~/utils/csv-download";
import { sellerPlanExport } from "~/models/plan-export.server";
import { requireSeller } from "~/utils/auth.server";
import { asResponse } from "~/utils/intent.server";
import { countingMisses, sellerMisses } from "~/utils/rate-limit.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const plan = await countingMisses(sellerMisses(seller, context), () =>
    sellerPlanExport(seller, params.dealId ?? "").catch((error) => {
      throw asResponse(error);
    }),
  );
  return csvDownload(planCsvRows(plan), planFileName(plan, "csv"));
}
