// An organization's logo, for buyers' pages and emails (no session needed: see readLogo). The
// address with the current version (?v=, the logo's save time) never changes content, so browsers
// and proxies may keep it for a year; any other address is checked again on every use.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { LOGO_TYPES } from "~/domain/logo";
import { readLogo } from "~/models/organization-settings.server";

const KNOWN_TYPES: ReadonlySet<string> = new Set(LOGO_TYPES);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const logo = await readLogo(params.organizationId ?? "");
  if (!logo || !KNOWN_TYPES.has(logo.contentType)) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const version = String(logo.updatedAt.getTime());
  const current = new URL(request.url).searchParams.get("v") === version;
  const etag = `"${version}"`;
  const headers = {
    "Content-Type": logo.contentType,
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": "inline",
    "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache",
    ETag: etag,
  };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(logo.bytes, { headers: { ...headers, "Content-Length": String(logo.bytes.byteLength) } });
}
