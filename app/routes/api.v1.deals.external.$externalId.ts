// GET /api/v1/deals/external/{externalId}: the deal with this CRM id. PUT: create or update it.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiRequest, notFound, readJson } from "~/api/http.server";
import { Deal, DealUpsert } from "~/api/schemas";
import { upsertApiDeal } from "~/models/api-writes.server";
import { findDealIdByExternalId, getApiDeal } from "~/models/deal-api.server";

const ALLOW = ["GET", "PUT"];

export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  apiRequest({ request, context }, { allow: ALLOW, write: false }, async ({ actor }) => {
    const dealId = await findDealIdByExternalId(actor, params.externalId!);
    if (!dealId) throw notFound();
    return apiJson(Deal, await getApiDeal(actor, dealId));
  });

const currentByExternalId = async ({ actor }: { actor: Parameters<typeof findDealIdByExternalId>[0] }, externalId: string) => {
  const dealId = await findDealIdByExternalId(actor, externalId);
  return dealId ? getApiDeal(actor, dealId) : undefined;
};

export const action = ({ request, params, context }: ActionFunctionArgs) =>
  apiRequest({ request, context }, { allow: ALLOW, write: true, current: (caller) => currentByExternalId(caller, params.externalId!) }, async ({ actor }) => {
    const { created, deal } = await upsertApiDeal(actor, params.externalId!, await readJson(request, DealUpsert));
    return apiJson(Deal, deal, created ? 201 : 200);
  });
