// A private calendar address, /calendar/<token>.ics, for calendar apps: no session, no cookie, the
// token is the access (app/models/calendar-read.server.ts). An unknown token and a revoked one
// get the same 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedCalendar } from "~/models/calendar-read.server";
import { appUrl } from "~/utils/env.server";

const SUFFIX = ".ics";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const name = params.feed ?? "";
  const calendar = name.endsWith(SUFFIX) ? await feedCalendar(name.slice(0, -SUFFIX.length), appUrl(request)) : null;
  if (!calendar) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      // Calendar apps ask often; a few minutes' reuse spares the database, and no shared cache keeps it.
      "Cache-Control": "private, max-age=300",
      "Content-Disposition": 'inline; filename="mutual.ics"',
      "X-Robots-Tag": "noindex",
    },
  });
}
