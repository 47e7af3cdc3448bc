// GET /api/v1/deals/{dealId}/signals: health with its reasons and points, slippage and the derived
// forecast category, from the same engine as the pages.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiRequest, refuseMethods } from "~/api/http.server";
import { Signals } from "~/api/schemas";
import { getApiSignals } from "~/models/deal-api.server";

const ALLOW = ["GET"];

export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  apiRequest({ request, context }, { allow: ALLOW, write: false }, async ({ actor }) => apiJson(Signals, await getApiSignals(actor, params.dealId!)));

export const action = refuseMethods(ALLOW);
