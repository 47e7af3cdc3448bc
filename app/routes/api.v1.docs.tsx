// /api/v1/docs: the API reference, rendered on the server from the served OpenAPI document, so it
// reads without JavaScript and on a phone, and says exactly what /api/v1/openapi.json says.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { openApiDocument } from "~/api/openapi";
import { ApiReference } from "~/components/api-reference";
import { refuseMethods } from "~/api/http.server";
import { appUrl } from "~/utils/env.server";
import { ErrorPage } from "~/root";

export const meta: MetaFunction = () => [{ title: "API reference · Mutual" }];

export function loader({ request }: LoaderFunctionArgs) {
  return openApiDocument(appUrl(request));
}

export const action = refuseMethods(["GET"]);

export default function ApiDocs() {
  return <ApiReference document={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
