// GET /api/v1/openapi.json: the OpenAPI 3.1 document of the API. Public: it describes, it reveals nothing.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { openApiDocument } from "~/api/openapi";
import { appUrl } from "~/utils/env.server";

export function loader({ request }: LoaderFunctionArgs) {
  return Response.json(openApiDocument(appUrl(request)), { headers: { "Cache-Control": "public, max-age=300" } });
}
