// GET /api/v1/deals/{dealId}/plan: the deal's plan with its steps and participants.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiRequest, refuseMethods } from "~/api/http.server";
import { Plan } from "~/api/schemas";
import { getApiPlan } from "~/models/deal-api.server";

const ALLOW = ["GET"];

export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  apiRequest({ request, context }, { allow: ALLOW, write: false }, async ({ actor }) => apiJson(Plan, await getApiPlan(actor, params.dealId!)));

export const action = refuseMethods(ALLOW);
