// HTTP for the buyer's pages (the plan, and the check-in answers): whole HTML documents rendered by
// React on the server, Post/Redirect/Get with a "Saved" note shown once, and the validator that
// lets an unchanged poll answer 304.
import { createHash } from "node:crypto";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { redirect } from "@remix-run/node";
import { BuyerErrorPage } from "~/components/buyer-plan/page";
import { organizationToday } from "~/domain/dates";
import { requireBuyerVisit, type BuyerVisit } from "./buyer-auth.server";
import { isProduction } from "./env.server";
import { LIMITS, clientIp, countingMisses } from "./rate-limit.server";

/**
 * Private: never stored by a shared cache. `no-cache`, not `no-store`: the browser keeps the page
 * for Back and Forward (which then show it, instead of a "confirm form resubmission" or cache-miss
 * page) but asks the server before reusing it for a new visit.
 */
export const PAGE_CACHE_CONTROL = "private, no-cache";

const SAVED_COOKIE = "mutual_saved";
const FORM_ID = /^[a-z-]+(:[A-Za-z0-9_-]*)?$/;

/**
 * What the page shows depends on the plan and deal (their version and latest history row), on who
 * reads it, on the day (overdue badges) and on the build (the asset addresses in it).
 */
export function pageValidator(visit: BuyerVisit, assets: string): string {
  return `W/"${visit.changeTag}.${visit.buyer.participantId}.${organizationToday(visit.buyer)}.${buildTag(assets)}"`;
}

/**
 * The page's own script asking whether anything changed: it sends the validator it holds, and is
 * no navigation. A browser that revalidates a page the person opens again sends one too, but as a
 * navigation (Sec-Fetch-Mode), and that is a page view. A poll is never counted as a visit.
 */
export function isPoll(request: Request): boolean {
  return request.headers.has("If-None-Match") && request.headers.get("Sec-Fetch-Mode") !== "navigate";
}

const buildTags = new Map<string, string>();
function buildTag(assets: string): string {
  let tag = buildTags.get(assets);
  if (!tag) buildTags.set(assets, (tag = createHash("sha1").update(assets).digest("base64url").slice(0, 10)));
  return tag;
}

/** Where a saved form sends the reader back to: the step it changed, or the part of the page it belongs to. */
function anchorFor(formId: string): string {
  const [intent, milestoneId] = formId.split(":");
  if (milestoneId) return `step-${milestoneId}`;
  if (intent === "accept-plan") return "plan";
  if (intent === "add-milestone") return "add-step";
  if (intent === "invite-colleague") return "people";
  return "activity-heading";
}

/** 303 to the page the form was posted to (its query kept, no step's forms open), at what it changed. */
export function savedRedirect(request: Request, planId: string, formId: string) {
  const posted = new URL(request.url);
  posted.searchParams.delete("change");
  const search = posted.searchParams.toString();
  const cookie = [
    `${SAVED_COOKIE}=${formId.replace(":", "%3A")}`,
    `Path=/p/${planId}`,
    "Max-Age=60",
    "HttpOnly",
    "SameSite=Lax",
    ...(isProduction() ? ["Secure"] : []),
  ];
  return redirect(`/p/${planId}${search ? `?${search}` : ""}#${anchorFor(formId)}`, {
    status: 303,
    headers: { "Set-Cookie": cookie.join("; "), "Cache-Control": "no-store" },
  });
}

/** The form whose save led here, if this is the page right after it. */
export function savedFormOf(request: Request): string | null {
  const match = new RegExp(`(?:^|;\\s*)${SAVED_COOKIE}=([^;]*)`).exec(request.headers.get("Cookie") ?? "");
  // Form ids are plain ASCII: the cookie holds them as they are, and anything else is ignored.
  const formId = match ? match[1].replace("%3A", ":") : "";
  return FORM_ID.test(formId) ? formId : null;
}

/** Shown once: the page that shows the note clears it. */
export function clearSavedNotice(planId: string): string {
  return `${SAVED_COOKIE}=; Path=/p/${planId}; Max-Age=0; HttpOnly; SameSite=Lax`;
}

/** A whole page as the answer, with its status; a 304 has no body. */
export function htmlPage(page: ReactElement | null, status: number, validator?: string) {
  const headers = new Headers({
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": status < 300 || status === 304 ? PAGE_CACHE_CONTROL : "private, no-store",
  });
  if (validator) headers.set("ETag", validator);
  // Bytes, not a string: a string body is re-scanned as a USV string before it is encoded.
  const body = page ? Buffer.from(`<!DOCTYPE html>${renderToStaticMarkup(page)}`) : null;
  return new Response(body, { status, headers });
}

/**
 * Runs `work` for the signed-in buyer of this plan. Redirects pass through (to the plan's entry
 * page when there is no buyer session); refusals become an HTML error page with their status;
 * anything unexpected is logged and shown as a plain 500 page, never a stack trace.
 */
export async function answerWithPage(request: Request, planId: string, context: unknown, work: (visit: BuyerVisit) => Promise<Response>) {
  try {
    // A plan id that leads nowhere counts against the client's miss limit.
    return await work(await countingMisses([[LIMITS.missesPerIp, clientIp(context)]], () => requireBuyerVisit(request, planId)));
  } catch (error) {
    if (error instanceof Response && error.status >= 300 && error.status < 400) return error;
    if (error instanceof Response) {
      const page = htmlPage(createElement(BuyerErrorPage, { planId, status: error.status, message: await error.text() }), error.status);
      const retryAfter = error.headers.get("Retry-After");
      if (retryAfter) page.headers.set("Retry-After", retryAfter);
      return page;
    }
    console.error(error);
    return htmlPage(createElement(BuyerErrorPage, { planId, status: 500 }), 500);
  }
}
