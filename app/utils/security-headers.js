// The security headers, decided in one place. The server in front of the app (app/production-server.js,
// and the dev server in vite.config.ts) gives every response the ones it did not set itself: pages,
// redirects, error pages, CSV and other resource routes, static files, and the server's own refusals.
// Only the app knows a document's nonce, so React documents bring their own Content-Security-Policy
// (app/entry.server.tsx); every other response gets the same policy without a nonce, which is all
// the buyer's plan page needs: its one script is a file of ours.
// Plain JavaScript, so the production server can import it without a build step.

export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The Content-Security-Policy of a page. Scripts come only from this site, or inline with this
 * response's nonce (Remix's hydration data and module loader). Styles come only from our stylesheet:
 * no style elements and no style attributes (a progress bar's width or a legend's colour are SVG
 * attributes instead, which a policy does not touch). In development Vite and Remix add style elements of their own
 * (the critical CSS of the first render, the error overlay, hot-reloaded CSS), so inline styles are
 * allowed there; scripts stay nonce-only, because Vite's client and Remix's hot-reload runtime are
 * modules loaded from this site by the nonced script, and their socket is on this site too.
 * @param {{ nonce?: string, development?: boolean }} [options]
 * @returns {string}
 */
export function contentSecurityPolicy({ nonce, development = false } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self'${nonce ? ` 'nonce-${nonce}'` : ""}`,
    `style-src 'self'${development ? " 'unsafe-inline'" : ""}`,
    "img-src 'self' data:",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * What every response carries unless it says otherwise. HSTS only in production behind https: a
 * development or test server on http must not teach a browser to refuse plain http on localhost.
 * @param {{ nodeEnv?: string, appUrl?: string }} settings
 * @returns {Record<string, string>}
 */
export function defaultSecurityHeaders({ nodeEnv, appUrl }) {
  /** @type {Record<string, string>} */
  const headers = {
    "Content-Security-Policy": contentSecurityPolicy({ development: nodeEnv === "development" }),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    // A route may ask for less (a page whose address holds a token sends no-referrer); it is kept.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
  if (nodeEnv === "production" && appUrl?.startsWith("https:")) headers["Strict-Transport-Security"] = HSTS;
  return headers;
}

/**
 * A middleware (Express or Vite's connect) that adds the headers a response lacks just before it is
 * sent, whoever answers it: static files, the app, or the server's own refusals and errors.
 * @param {Record<string, string>} headers
 * @returns {(req: unknown, res: import("node:http").ServerResponse, next: () => void) => void}
 */
export function fillSecurityHeaders(headers) {
  return (_req, res, next) => {
    const writeHead = res.writeHead;
    // Node sends headers through writeHead, also when a response ends without calling it.
    res.writeHead = /** @type {typeof res.writeHead} */ (
      function (/** @type {any[]} */ ...args) {
        for (const [name, value] of Object.entries(headers)) if (!res.hasHeader(name)) res.setHeader(name, value);
        return writeHead.apply(res, /** @type {any} */ (args));
      }
    );
    next();
  };
}
