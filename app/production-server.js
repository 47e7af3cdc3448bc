// The production server (`npm start`). The same setup as remix-serve (compression, static assets
// with long caching, a request log), plus the one thing remix-serve cannot do: hand the app the
// client's address. Rate limits are kept per address, and an address read from X-Forwarded-For
// without a proxy in front is whatever the client wants it to be.
//
// TRUSTED_PROXIES: how many proxies sit in front of this server (default 0). With 0 the address is
// the connection's own and X-Forwarded-For is ignored; with N, it is the entry N hops from the
// right of X-Forwarded-For, the last one a proxy of ours added.
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { CROSS_SITE_MESSAGE, crossSiteWriteReason, dropOpaqueOrigin } from "./utils/same-origin.js";
import { defaultSecurityHeaders, fillSecurityHeaders } from "./utils/security-headers.js";

// `npm start` is the production server: unless told otherwise, production settings are required
// (app/utils/env.server.ts) and the development outbox is off.
process.env.NODE_ENV ??= "production";

const buildPath = path.resolve(process.argv[2] ?? "build/server/index.js");
const build = await import(url.pathToFileURL(buildPath).href);
installGlobals({ nativeFetch: build.future.v3_singleFetch });

const trustedProxies = Number(process.env.TRUSTED_PROXIES ?? 0);
if (!Number.isInteger(trustedProxies) || trustedProxies < 0) {
  console.error(`TRUSTED_PROXIES must be a whole number of proxies, not "${process.env.TRUSTED_PROXIES}"`);
  process.exit(1);
}

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", trustedProxies);
// First, so that every response gets them, static files and this server's own refusals included.
app.use(fillSecurityHeaders(defaultSecurityHeaders({ nodeEnv: process.env.NODE_ENV, appUrl: process.env.APP_URL })));
app.use(compression());
// Vite names what it builds into assets/ by their content, so those may be kept for a year; the
// files copied from public/ keep their names, and a browser must see a new version within the hour.
const assets = express.static(path.join(build.assetsBuildDirectory, "assets"), { immutable: true, maxAge: "1y" });
const publicFiles = express.static(build.assetsBuildDirectory, { maxAge: "1h" });
// Only an address that names a file can be one: a page's address, or Remix's `.data` request for its
// loaders, skips the disk lookup each static handler would otherwise make on every request.
const namesFile = (address) => !["", ".data"].includes(path.posix.extname(address));
const onlyFiles = (serve) => (req, res, next) => (namesFile(req.path) ? serve(req, res, next) : next());
app.use(path.posix.join(build.publicPath, "assets"), onlyFiles(assets));
app.use(build.publicPath, onlyFiles(publicFiles));
// The log leaves out query strings, and a seller invitation's token from its path
// (/join/<token>): emailed links carry one-time tokens there.
morgan.token("path", (req) => req.path.replace(/^\/join\/[^/]+/, "/join/…"));
app.use(morgan(":method :path :status :res[content-length] - :response-time ms"));
// No form of ours is posted from another site: refusing those stops another site from signing a
// visitor in to an account of its choosing, or out of their own (app/utils/same-origin.js).
const configuredOrigin = process.env.APP_URL ? new URL(process.env.APP_URL).origin : null;
app.use((req, res, next) => {
  const expectedOrigin = configuredOrigin ?? `${req.protocol}://${req.get("host")}`;
  if (crossSiteWriteReason(req.method, (name) => req.get(name), expectedOrigin)) {
    res.status(403).type("text/plain").send(CROSS_SITE_MESSAGE);
    return;
  }
  dropOpaqueOrigin(req.headers);
  next();
});
app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req) => ({ clientIp: req.ip ?? "unknown" }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const onListen = () => console.log(`Mutual is listening on http://localhost:${port}`);
const server = process.env.HOST ? app.listen(port, process.env.HOST, onListen) : app.listen(port, onListen);
// A browser keeps its connection open between one click and the next. Node's default of 5 s closes
// it while people read the page, and every new connection waits to be accepted behind the work a
// busy server is already doing: under 200 editors, new connections waited up to 20 s. A proxy in
// front should close idle connections sooner than this, so it never sends on one this server closed.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
// On a stop signal, finish the requests in flight and what the app holds in memory (the page views
// it counted), then exit. Closing the listener alone is not enough: the background passes keep the
// database pool busy, and the pool kept the process alive for as long as anyone let it (each pass
// is safe to cut short: leases and idempotency keys).
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(async (error) => {
      if (error) console.error(error);
      // A database that no longer answers must not keep a stopping server from exiting.
      const gaveUp = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
      await Promise.race([build.entry.module.beforeShutdown?.().catch((failure) => console.error(failure)), gaveUp]);
      process.exit(error ? 1 : 0);
    });
    // Closing closes the connections idle at that moment; one still answering a request at the
    // signal would otherwise stay open, idle, until its keep-alive ran out (65 s).
    setInterval(() => server.closeIdleConnections(), 200).unref();
  });
}
