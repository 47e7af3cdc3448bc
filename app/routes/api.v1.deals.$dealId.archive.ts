// POST /api/v1/deals/{dealId}/archive: archive the deal, or restore it with `archived: false`.
import type { ActionFunctionArgs } from "@remix-run/node";
import { apiJson, apiRequest, refuseMethods, readJson } from "~/api/http.server";
import { Deal, DealArchive } from "~/api/schemas";
import { archiveApiDeal } from "~/models/api-writes.server";
import { getApiDeal } from "~/models/deal-api.server";

const ALLOW = ["POST"];

export const action = ({ request, params, context }: ActionFunctionArgs) =>
  apiRequest({ request, context }, { allow: ALLOW, write: true, current: ({ actor }) => getApiDeal(actor, params.dealId!) }, async ({ actor }) => {
    return apiJson(Deal, await archiveApiDeal(actor, params.dealId!, await readJson(request, DealArchive)));
  });

export const loader = refuseMethods(ALLOW);
