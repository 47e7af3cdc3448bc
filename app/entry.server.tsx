import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import type { EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { env } from "~/utils/env.server";
import { startOutboxWorker } from "~/utils/email.server";
import { startJobWorker } from "~/utils/jobs.server";
import { startWebhookWorker } from "~/utils/webhook-delivery.server";
import { NonceProvider } from "~/utils/nonce";
import { writeCountedPageViews } from "~/models/page-view-counts.server";
import { contentSecurityPolicy } from "~/utils/security-headers.js";

const ABORT_DELAY = 5_000;

// Fail at startup, not on the first request, when production settings are missing.
env();
startOutboxWorker();
startJobWorker();
startWebhookWorker();

/** What a stopping server finishes before it exits (app/production-server.js): the page views counted and not yet written. */
export async function beforeShutdown(): Promise<void> {
  await writeCountedPageViews();
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  // An unknown URL is a 404 page, not a server error worth a stack trace in the log.
  if (isRouteErrorResponse(error) && error.status === 404) return;
  console.error(`[error] ${request.method} ${new URL(request.url).pathname}`, error);
};

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  // The other security headers are the server's (app/utils/security-headers.js); only the policy of
  // a document needs what the app alone knows: the nonce its inline scripts carry.
  const nonce = randomBytes(16).toString("base64");
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development" }));
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const app = (
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>
    );
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      [waitForAll ? "onAllReady" : "onShellReady"]() {
        shellRendered = true;
        const body = new PassThrough();
        const stream = createReadableStreamFromReadable(body);
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}
