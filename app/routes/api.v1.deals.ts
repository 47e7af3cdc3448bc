// GET /api/v1/deals: the organization's deals, filtered, a page at a time. POST: a new deal.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiRequest, methodNotAllowed, readJson, readQuery } from "~/api/http.server";
import { Deal, DealCreate, DealListQuery, DealPage } from "~/api/schemas";
import { createApiDeal } from "~/models/api-writes.server";
import { listDealsPage } from "~/models/deal-api.server";

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  apiRequest({ request, context }, { write: false }, async ({ actor }) => apiJson(DealPage, await listDealsPage(actor, readQuery(request, DealListQuery))));

export const action = ({ request, context }: ActionFunctionArgs) =>
  apiRequest({ request, context }, { write: true }, async ({ actor }) => {
    if (request.method !== "POST") throw methodNotAllowed(["GET", "POST"]);
    return apiJson(Deal, await createApiDeal(actor, await readJson(request, DealCreate)), 201);
  });
