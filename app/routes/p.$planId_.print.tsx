// The buyer's printed plan (docs/exports.md): built from exactly what the buyer's page may show,
// rendered like it (docs/decisions/0008-buyer-page-one-stack.md) but with no script and no forms.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createElement } from "react";
import { PrintPlanPage } from "~/components/plan-export/print-page";
import { buyerPlanExport } from "~/models/plan-export.server";
import { answerWithPage, htmlPage } from "~/utils/buyer-page-http.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const planId = params.planId ?? "";
  return answerWithPage(request, planId, context, async (visit) => {
    const plan = await buyerPlanExport(visit.buyer);
    const at = `/p/${encodeURIComponent(planId)}`;
    return htmlPage(createElement(PrintPlanPage, { plan, back: at, csv: `${at}/plan.csv` }), 200);
  });
}
