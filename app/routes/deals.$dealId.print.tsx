// The seller's printed plan (docs/exports.md): a whole HTML page with no script, as the buyer's.
// The deal's id comes from the URL: ids that lead nowhere count against the miss limits.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createElement } from "react";
import { PrintPlanPage } from "~/components/plan-export/print-page";
import { sellerPlanExport } from "~/models/plan-export.server";
import { requireSeller } from "~/utils/auth.server";
import { htmlPage } from "~/utils/buyer-page-http.server";
import { asResponse } from "~/utils/intent.server";
import { countingMisses, sellerMisses } from "~/utils/rate-limit.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const dealId = params.dealId ?? "";
  const plan = await countingMisses(sellerMisses(seller, context), () =>
    sellerPlanExport(seller, dealId).catch((error) => {
      throw asResponse(error);
    }),
  );
  const page = createElement(PrintPlanPage, { plan, back: `/deals/${encodeURIComponent(dealId)}`, csv: `/deals/${encodeURIComponent(dealId)}/plan.csv` });
  return htmlPage(page, 200);
}
