// GET /api/v1/openapi.json: the OpenAPI 3.1 document of the API. Public: it describes, it reveals nothing.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { openApiDocument } from "~/api/openapi";
import { refuseMethods } from "~/api/http.server";
import { configuredAppUrl } from "~/utils/env.server";

// The document never echoes the request's Host: a shared cache could hand a spoofed address to others.
export function loader(_args: LoaderFunctionArgs) {
  return Response.json(openApiDocument(configuredAppUrl()), { headers: { "Cache-Control": "private, max-age=300" } });
}

export const action = refuseMethods(["GET"]);
