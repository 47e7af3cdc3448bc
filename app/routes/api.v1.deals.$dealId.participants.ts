// GET /api/v1/deals/{dealId}/participants: the people on the deal's plan. POST: add a buyer contact.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiRequest, readJson } from "~/api/http.server";
import { Participant, ParticipantCreate, ParticipantList } from "~/api/schemas";
import { addApiParticipant } from "~/models/api-writes.server";
import { listApiParticipants } from "~/models/deal-api.server";

const ALLOW = ["GET", "POST"];

export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  apiRequest({ request, context }, { allow: ALLOW, write: false }, async ({ actor }) =>
    apiJson(ParticipantList, await listApiParticipants(actor, params.dealId!)),
  );

export const action = ({ request, params, context }: ActionFunctionArgs) =>
  apiRequest({ request, context }, { allow: ALLOW, write: true }, async ({ actor }) => {
    return apiJson(Participant, await addApiParticipant(actor, params.dealId!, await readJson(request, ParticipantCreate)), 201);
  });
