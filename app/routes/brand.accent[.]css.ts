import type { LoaderFunctionArgs } from "@remix-run/node";
import { accentStylesheet } from "~/components/brand-accent";

export function loader({ request }: LoaderFunctionArgs) {
  const css = accentStylesheet(new URL(request.url).searchParams.get("c"));
  if (!css) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(css, { headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" } });
}
