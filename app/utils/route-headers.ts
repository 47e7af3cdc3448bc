import type { HeadersFunction } from "@remix-run/node";

/**
 * For routes that answer with a thrown Response (a 429 with Retry-After): its headers reach the
 * page. Without a headers export, Remix renders the error page but drops the thrown headers.
 */
export const keepThrownHeaders: HeadersFunction = ({ errorHeaders, actionHeaders, loaderHeaders }) => {
  if (errorHeaders) return errorHeaders;
  return [...actionHeaders.keys()].length > 0 ? actionHeaders : loaderHeaders;
};
