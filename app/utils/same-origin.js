// Forms are only ever posted by our own pages, so a write whose browser says it came from another
// site is refused before any route sees it. Shared by the production server and the dev server.
// Clients that are not browsers (a mail program's one-click unsubscribe, curl) send neither header
// and pass: forging a request needs a victim's browser, and every current browser sends Origin on
// a POST.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a request must be refused as cross-site, or null when it may go on.
 * @param {string} method
 * @param {(name: string) => string | undefined | null} header
 * @param {string} expectedOrigin e.g. "https://mutual.example.com"
 * @returns {string | null}
 */
export function crossSiteWriteReason(method, header, expectedOrigin) {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const fetchSite = header("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") return `Sec-Fetch-Site: ${fetchSite}`;
  // A browser's own word, which no page can forge. Pages with Referrer-Policy: no-referrer (those
  // an emailed link opens) post with "Origin: null", so Origin cannot have the last word here.
  if (fetchSite === "same-origin") return null;
  const origin = header("origin");
  if (origin) return origin === expectedOrigin ? null : `Origin: ${origin}`;
  const referer = header("referer");
  if (referer && originOf(referer) !== expectedOrigin) return `Referer from ${originOf(referer) ?? "an unreadable address"}`;
  return null;
}

/** @param {string} address */
function originOf(address) {
  try {
    return new URL(address).origin;
  } catch {
    return null;
  }
}

export const CROSS_SITE_MESSAGE = "Forms can only be sent from this site.";

/**
 * A page with Referrer-Policy: no-referrer (those an emailed link opens) makes the browser post
 * its forms with "Origin: null". Once the browser's own Sec-Fetch-Site has said same-origin, that
 * opaque value says nothing more, and Remix's own check would refuse it with an error: drop it.
 * @param {Record<string, string | string[] | undefined>} headers a Node request's headers, changed in place
 */
export function dropOpaqueOrigin(headers) {
  if (headers.origin === "null" && headers["sec-fetch-site"] === "same-origin") delete headers.origin;
}
