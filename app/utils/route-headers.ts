import type { HeadersFunction } from "@remix-run/node";

/**
 * For every route with an error boundary: a refused request (429) keeps its Retry-After on the
 * page. Remix hands a thrown response's headers only to the headers function of the route whose
 * boundary renders it (errorHeaders), and drops them where that route has none. A loader's
 * Cache-Control is kept too: a page that shows a new secret address once says `no-store`.
 */
export const keepRetryAfter: HeadersFunction = ({ errorHeaders, loaderHeaders }) => {
  const headers = new Headers();
  const retryAfter = errorHeaders?.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  const cacheControl = loaderHeaders?.get("Cache-Control");
  if (cacheControl) headers.set("Cache-Control", cacheControl);
  return headers;
};

/** A page showing a secret once (a new calendar address) is kept by no cache and no history snapshot. */
export const SHOWN_ONCE_CACHE_CONTROL = "private, no-store";

/**
 * Pages an emailed link with a secret opens (sign-in, a plan's way in, stopping emails): no
 * request from them names their address in a Referer, wherever it goes.
 */
export const secretLinkPageHeaders: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer" });
