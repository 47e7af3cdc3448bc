// PATCH /api/v1/deals/{dealId}/steps/{stepId}: a step's status, dates or owner, with the version read.
import type { ActionFunctionArgs } from "@remix-run/node";
import { apiJson, apiRequest, refuseMethods, readJson } from "~/api/http.server";
import { Step, StepUpdate } from "~/api/schemas";
import { updateApiStep } from "~/models/api-writes.server";
import { getApiStep, stepView } from "~/models/deal-api.server";

const ALLOW = ["PATCH"];

export const action = ({ request, params, context }: ActionFunctionArgs) =>
  apiRequest(
    { request, context },
    { allow: ALLOW, write: true, current: async ({ actor }) => stepView(await getApiStep(actor, params.dealId!, params.stepId!)) },
    async ({ actor }) => {
      return apiJson(Step, await updateApiStep(actor, params.dealId!, params.stepId!, await readJson(request, StepUpdate)));
    },
  );

export const loader = refuseMethods(ALLOW);
