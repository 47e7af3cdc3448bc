// The seller's printed plan (docs/exports.md): a whole HTML page with no script, as the buyer's.
// `?as=buyer` leaves out what the buyer's page would not show. The deal's id comes from the URL: ids that lead nowhere count against the miss limits.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createElement } from "react";
import { PrintPlanPage } from "~/components/plan-export/print-page";
import { asBuyerSees, sellerPlanExport } from "~/models/plan-export.server";
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
  const base = `/deals/${encodeURIComponent(dealId)}`;
  const forBuyer = new URL(request.url).searchParams.get("as") === "buyer";
  const page = createElement(PrintPlanPage, {
    plan: forBuyer ? asBuyerSees(plan) : plan,
    back: base,
    csv: `${base}/plan.csv`,
    otherView: forBuyer ? { href: `${base}/print`, label: "Print the seller's view" } : { href: `${base}/print?as=buyer`, label: "Print as the buyer sees it" },
  });
  return htmlPage(page, 200);
}
