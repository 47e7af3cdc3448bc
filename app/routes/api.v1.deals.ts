// GET /api/v1/deals: the organization's deals, filtered, a page at a time. POST: a new deal.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiRequest, readJson, readQuery } from "~/api/http.server";
import { Deal, DealCreate, DealListQuery, DealPage } from "~/api/schemas";
import { createApiDeal } from "~/models/api-writes.server";
import { listDealsPage } from "~/models/deal-api.server";

const ALLOW = ["GET", "POST"];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  apiRequest({ request, context }, { allow: ALLOW, write: false }, async ({ actor }) =>
    apiJson(DealPage, await listDealsPage(actor, readQuery(request, DealListQuery))),
  );

export const action = ({ request, context }: ActionFunctionArgs) =>
  apiRequest({ request, context }, { allow: ALLOW, write: true }, async ({ actor }) => {
    return apiJson(Deal, await createApiDeal(actor, await readJson(request, DealCreate)), 201);
  });
