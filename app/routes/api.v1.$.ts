// Any other address under /api/v1 answers in the API's error shape, not with an HTML page.
import { apiJson } from "~/api/http.server";
import { ErrorBody } from "~/api/schemas";

const notFound = () => apiJson(ErrorBody, { error: { code: "not_found", message: "There is no such address in this API. See /api/v1/openapi.json." } }, 404);

export const loader = notFound;
export const action = notFound;
