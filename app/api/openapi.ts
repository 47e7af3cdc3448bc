// The OpenAPI 3.1 document, built from the Zod schemas the routes validate with and answer with
// (app/api/schemas.ts): request bodies as the server reads them, responses as it writes them.
import { z } from "zod";
import {
  Deal,
  DealArchive,
  DealCreate,
  DealListQuery,
  DealPage,
  DealUpdate,
  DealUpsert,
  ErrorBody,
  Participant,
  ParticipantCreate,
  ParticipantList,
  Plan,
  Signals,
  Step,
  StepUpdate,
} from "./schemas";

type JsonSchema = Record<string, unknown>;

export interface Operation {
  method: "get" | "post" | "put" | "patch";
  path: string;
  id: string;
  summary: string;
  description?: string;
  tag: "Deals" | "Plans" | "Signals";
  write: boolean;
  query?: z.ZodObject;
  body?: z.ZodType;
  success: { status: 200 | 201; schema: z.ZodType; description: string; also?: 200 };
  /** Statuses beyond those every operation can answer (401, 429, 500). */
  errors: Array<400 | 404 | 409>;
}

const DEAL = "/api/v1/deals/{dealId}";

export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/deals",
    id: "listDeals",
    summary: "List deals",
    description: "Deals of the organization in a stable order, a page at a time. Follow `nextCursor` until it is null.",
    tag: "Deals",
    write: false,
    query: DealListQuery,
    success: { status: 200, schema: DealPage, description: "One page of deals." },
    errors: [400],
  },
  {
    method: "post",
    path: "/api/v1/deals",
    id: "createDeal",
    summary: "Create a deal",
    tag: "Deals",
    write: true,
    body: DealCreate,
    success: { status: 201, schema: Deal, description: "The new deal." },
    errors: [400],
  },
  {
    method: "get",
    path: DEAL,
    id: "getDeal",
    summary: "Read a deal",
    tag: "Deals",
    write: false,
    success: { status: 200, schema: Deal, description: "The deal." },
    errors: [404],
  },
  {
    method: "patch",
    path: DEAL,
    id: "updateDeal",
    summary: "Update a deal",
    description: "Send only the fields that change, and the `version` you read. A stale version gets a 409 with the deal as stored.",
    tag: "Deals",
    write: true,
    body: DealUpdate,
    success: { status: 200, schema: Deal, description: "The deal as saved." },
    errors: [400, 404, 409],
  },
  {
    method: "post",
    path: `${DEAL}/archive`,
    id: "archiveDeal",
    summary: "Archive or restore a deal",
    description: "An archived deal leaves the pipeline, the dashboard and every figure until it is restored.",
    tag: "Deals",
    write: true,
    body: DealArchive,
    success: { status: 200, schema: Deal, description: "The deal as saved." },
    errors: [400, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/deals/external/{externalId}",
    id: "getDealByExternalId",
    summary: "Read a deal by its CRM id",
    tag: "Deals",
    write: false,
    success: { status: 200, schema: Deal, description: "The deal." },
    errors: [404],
  },
  {
    method: "put",
    path: "/api/v1/deals/external/{externalId}",
    id: "upsertDealByExternalId",
    summary: "Create or update a deal by its CRM id",
    description:
      "Creates the deal when no deal of the organization has this external id (201), else updates it (200). On update, the owner and plan fields are ignored, and a `version`, when sent, must be current.",
    tag: "Deals",
    write: true,
    body: DealUpsert,
    success: { status: 201, schema: Deal, description: "The deal was created.", also: 200 },
    errors: [400, 409],
  },
  {
    method: "get",
    path: `${DEAL}/plan`,
    id: "getPlan",
    summary: "Read a deal’s plan",
    description: "The plan with its steps in order and its participants. A deal without a plan answers 404.",
    tag: "Plans",
    write: false,
    success: { status: 200, schema: Plan, description: "The plan." },
    errors: [404],
  },
  {
    method: "patch",
    path: `${DEAL}/steps/{stepId}`,
    id: "updateStep",
    summary: "Update a step",
    description: "Status, target date or owner of one step, with the `version` you read. A stale version gets a 409 with the step as stored.",
    tag: "Plans",
    write: true,
    body: StepUpdate,
    success: { status: 200, schema: Step, description: "The step as saved." },
    errors: [400, 404, 409],
  },
  {
    method: "get",
    path: `${DEAL}/participants`,
    id: "listParticipants",
    summary: "List a plan’s participants",
    tag: "Plans",
    write: false,
    success: { status: 200, schema: ParticipantList, description: "The people on the plan." },
    errors: [404],
  },
  {
    method: "post",
    path: `${DEAL}/participants`,
    id: "addParticipant",
    summary: "Add a buyer contact",
    tag: "Plans",
    write: true,
    body: ParticipantCreate,
    success: { status: 201, schema: Participant, description: "The new participant." },
    errors: [400, 404],
  },
  {
    method: "get",
    path: `${DEAL}/signals`,
    id: "getSignals",
    summary: "Read a deal’s signals",
    description: "Health (score, label, every point taken off and why), slippage and the plan-derived forecast category, as the deal page shows them.",
    tag: "Signals",
    write: false,
    success: { status: 200, schema: Signals, description: "The deal's derived figures." },
    errors: [404],
  },
];

const ERROR_WORDS: Record<number, string> = {
  400: "The request is not valid; `fields` says what is wrong with each field.",
  401: "No token, or an unknown or revoked one.",
  403: "The token may only read.",
  404: "No such resource in the organization.",
  409: "A stale version: `current` holds the row as stored.",
  405: "This address does not answer this method; Allow lists the ones it does.",
  429: "Too many requests with this token, or too many unknown or missing tokens from this address; wait the seconds in Retry-After.",
  500: "The server failed; nothing was changed unless the response said so.",
};

const HEADERS: Record<number, Record<string, unknown>> = {
  405: { Allow: { description: "The methods this address answers.", schema: { type: "string" } } },
  429: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nameOf = (schema: z.ZodType) => z.globalRegistry.get(schema)?.id as string;

function components(): Record<string, JsonSchema> {
  // Request bodies as they are read (defaults may be left out), responses as they are written.
  const read = z.toJSONSchema(z.globalRegistry, {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  }).schemas;
  const written = z.toJSONSchema(z.globalRegistry, {
    io: "output",
    target: "draft-2020-12",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  }).schemas;
  const requests = [DealCreate, DealUpdate, DealUpsert, DealArchive, StepUpdate, ParticipantCreate].map(nameOf);
  const responses = [Deal, DealPage, Step, Participant, ParticipantList, Plan, Signals, ErrorBody].map(nameOf);
  const all: Record<string, JsonSchema> = {};
  for (const name of requests) all[name] = withoutDialect(read[name]);
  for (const name of responses) all[name] = withoutDialect(written[name]);
  return all;
}

function withoutDialect(schema: JsonSchema): JsonSchema {
  // The registry names each schema by its place in the document; the document is the only base.
  const { $schema: _dialect, $id: _uri, id: _id, ...rest } = schema;
  return rest;
}

function queryParameters(query: z.ZodObject) {
  const schema = z.toJSONSchema(query, { io: "input", target: "draft-2020-12" }) as { properties: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: "query", required: schema.required?.includes(name) ?? false, description, schema: rest };
  });
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
}

const json = (schema: JsonSchema) => ({ content: { "application/json": { schema } } });

function responsesOf(operation: Operation) {
  const success = ref(nameOf(operation.success.schema));
  const responses: Record<string, unknown> = { [operation.success.status]: { description: operation.success.description, ...json(success) } };
  if (operation.success.also) responses[operation.success.also] = { description: "The deal was updated.", ...json(success) };
  const errors = [...operation.errors, 401, 405, 429, 500, ...(operation.write ? [403] : [])].sort();
  for (const status of errors) {
    const headers = HEADERS[status];
    responses[status] = { description: ERROR_WORDS[status], ...(headers ? { headers } : {}), ...json(ref("Error")) };
  }
  return responses;
}

/** The document; without a configured address its server is relative to where it is read, never a Host header echoed. */
export function openApiDocument(serverUrl: string | null) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    paths[operation.path] ??= {};
    paths[operation.path][operation.method] = {
      operationId: operation.id,
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      tags: [operation.tag],
      parameters: [...pathParameters(operation.path), ...(operation.query ? queryParameters(operation.query) : [])],
      ...(operation.body ? { requestBody: { required: true, ...json(ref(nameOf(operation.body))) } } : {}),
      responses: responsesOf(operation),
      "x-scope": operation.write ? "READ_WRITE" : "READ",
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Mutual API",
      version: "1.0.0",
      description: "Deals, their mutual action plans and the figures derived from them, for one organization. See docs/api.md.",
    },
    servers: [{ url: serverUrl ?? "/" }],
    security: [{ bearerToken: [] }],
    tags: [
      { name: "Deals", description: "Deals, found by our id or your CRM's." },
      { name: "Plans", description: "A deal's plan: its steps and the people on it." },
      { name: "Signals", description: "Health, slippage and the derived forecast category." },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "An organization API token, created by an admin in Settings → API tokens." },
      },
      schemas: components(),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
