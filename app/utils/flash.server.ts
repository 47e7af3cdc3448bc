// Post/Redirect/Get with a notice that shows once. A successful post answers 303 to its page, at
// the changed element's anchor, and sets a short-lived signed cookie naming what was saved. The
// page's loader reads it for that page only and clears it in the same answer, so a reload, Back or
// Forward shows the page without the notice and never re-posts. A query parameter would need
// JavaScript to leave the address bar, and would come back on every reload.
import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";
import { randomToken } from "./crypto.server";
import { isProduction, sessionSecrets } from "./env.server";

/** What was just saved: the form, the element to show it at, and the words to show. */
export interface Notice {
  id: string;
  formId: string;
  anchor: string;
  message: string;
}

const Stored = z.object({ id: z.string(), formId: z.string(), anchor: z.string(), message: z.string().max(200), path: z.string() });

// Long enough to follow a redirect on a slow phone, short enough that a lost notice never shows later.
const NOTICE_SECONDS = 60;

const flashCookie = createCookie("mutual_notice", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  maxAge: NOTICE_SECONDS,
  secure: isProduction(),
  secrets: sessionSecrets(),
});

/** Tells one showing of a notice from the next, so a page closes the saved panel each time. */
export function newNoticeId(): string {
  return randomToken().slice(0, 12);
}

/** A 303 to `path#anchor` that shows `message` there once. */
export async function redirectWithNotice(path: string, notice: Omit<Notice, "id">) {
  // The page it is for is the path alone: a query (a review's week) does not make another page.
  const value = { ...notice, id: newNoticeId(), path: path.split("?")[0] };
  return redirect(`${path}#${encodeURIComponent(notice.anchor)}`, {
    status: 303,
    // A hydrated page treats a redirect that only adds a #hash as a scroll, not a load, unless told
    // to revalidate: then the page's loaders run and bring the saved state and this notice.
    headers: { "Set-Cookie": await flashCookie.serialize(value), "X-Remix-Revalidate": "yes" },
  });
}

/**
 * The notice waiting for this page, if any, and the header that clears it. A notice for another
 * page stays for that page (another tab may be polling this one).
 */
export async function takeNotice(request: Request): Promise<{ notice: Notice | null; headers: HeadersInit }> {
  const parsed = Stored.safeParse(await flashCookie.parse(request.headers.get("Cookie")));
  if (!parsed.success || parsed.data.path !== new URL(request.url).pathname) return { notice: null, headers: {} };
  const { path: _path, ...notice } = parsed.data;
  return { notice, headers: { "Set-Cookie": await flashCookie.serialize("", { maxAge: 0 }) } };
}
