// GET /api/v1/deals/{dealId}: one deal. PATCH: change some of its fields, with the version read.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiRequest, readJson } from "~/api/http.server";
import { Deal, DealUpdate } from "~/api/schemas";
import { updateApiDeal } from "~/models/api-writes.server";
import { getApiDeal } from "~/models/deal-api.server";

const ALLOW = ["GET", "PATCH"];

export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  apiRequest({ request, context }, { allow: ALLOW, write: false }, async ({ actor }) => apiJson(Deal, await getApiDeal(actor, params.dealId!)));

export const action = ({ request, params, context }: ActionFunctionArgs) =>
  apiRequest({ request, context }, { allow: ALLOW, write: true, current: ({ actor }) => getApiDeal(actor, params.dealId!) }, async ({ actor }) => {
    return apiJson(Deal, await updateApiDeal(actor, params.dealId!, await readJson(request, DealUpdate)));
  });
