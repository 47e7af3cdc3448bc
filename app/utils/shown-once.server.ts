// A secret address shown once, right after the POST that made it (a calendar feed's), while the
// POST still answers 303 (Post/Redirect/Get): the secret rides to the next page in a short-lived
// cookie, sealed (AES-GCM, app/utils/sealed.server.ts) so that it never sits readable in the
// browser's cookie store, and the page that shows it clears it. The server stores only its hash.
import { z } from "zod";
import { isProduction } from "./env.server";
import { open, seal } from "./sealed.server";

const COOKIE = "mutual_shown_once";
const SEAL_CONTEXT = "shown-once v1";
// Long enough to follow a redirect on a slow phone, short enough that it never shows later.
const SECONDS = 60;

const Stored = z.object({ path: z.string(), secret: z.string().max(500) });

function cookie(value: string, maxAge: number) {
  return [`${COOKIE}=${value}`, "Path=/", `Max-Age=${maxAge}`, "HttpOnly", "SameSite=Lax", ...(isProduction() ? ["Secure"] : [])].join("; ");
}

/** Adds to a redirect the cookie that shows `secret` once on the page at `path`. */
export function showOnce(response: Response, path: string, secret: string): Response {
  response.headers.append("Set-Cookie", cookie(seal(JSON.stringify({ path, secret }), SEAL_CONTEXT), SECONDS));
  return response;
}

/**
 * The secret waiting for this page, and the Set-Cookie that clears it. A secret for another page
 * stays for that page; a cookie that does not open (changed, or an old key) is dropped.
 */
export function takeShownOnce(request: Request): { secret: string | null; clear: string | null } {
  const match = new RegExp(`(?:^|;\\s*)${COOKIE}=([^;]*)`).exec(request.headers.get("Cookie") ?? "");
  if (!match) return { secret: null, clear: null };
  let stored: z.infer<typeof Stored> | null = null;
  try {
    stored = Stored.parse(JSON.parse(open(match[1], SEAL_CONTEXT)));
  } catch {
    return { secret: null, clear: cookie("", 0) };
  }
  if (stored.path !== new URL(request.url).pathname) return { secret: null, clear: null };
  return { secret: stored.secret, clear: cookie("", 0) };
}
