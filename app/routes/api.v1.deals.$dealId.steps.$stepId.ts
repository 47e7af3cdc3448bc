// PATCH /api/v1/deals/{dealId}/steps/{stepId}: a step's status, dates or owner, with the version read.
import type { ActionFunctionArgs } from "@remix-run/node";
import { apiJson, apiRequest, methodNotAllowed, readJson } from "~/api/http.server";
import { Step, StepUpdate } from "~/api/schemas";
import { updateApiStep } from "~/models/api-writes.server";
import { getApiStep, stepView } from "~/models/deal-api.server";

export const action = ({ request, params, context }: ActionFunctionArgs) =>
  apiRequest(
    { request, context },
    { write: true, current: async ({ actor }) => stepView(await getApiStep(actor, params.dealId!, params.stepId!)) },
    async ({ actor }) => {
      if (request.method !== "PATCH") throw methodNotAllowed(["PATCH"]);
      return apiJson(Step, await updateApiStep(actor, params.dealId!, params.stepId!, await readJson(request, StepUpdate)));
    },
  );
