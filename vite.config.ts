import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";
import { CROSS_SITE_MESSAGE, crossSiteWriteReason, dropOpaqueOrigin } from "./app/utils/same-origin.js";
import { defaultSecurityHeaders, fillSecurityHeaders } from "./app/utils/security-headers.js";

// The dev server sends the security headers and refuses cross-site writes as the production server
// does (app/production-server.js).
const serveAsProductionDoes: Plugin = {
  name: "mutual-security-headers-and-same-origin",
  configureServer(server) {
    server.middlewares.use(fillSecurityHeaders(defaultSecurityHeaders({ nodeEnv: "development" })));
    server.middlewares.use((req, res, next) => {
      const header = (name: string) => [req.headers[name]].flat()[0];
      if (crossSiteWriteReason(req.method ?? "GET", header, `http://${req.headers.host}`)) {
        res.statusCode = 403;
        res.setHeader("Content-Type", "text/plain");
        res.end(CROSS_SITE_MESSAGE);
        return;
      }
      dropOpaqueOrigin(req.headers);
      next();
    });
  },
};

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The buyer page's script (app/scripts/buyer-page.ts) is not part of any route: the page is a
 * resource route and is never hydrated. `import url from "virtual:buyer-page-script"` gives its
 * address: in development the source, which Vite serves compiled; in a build, the client build
 * bundles it as an entry of its own with a fingerprinted name, and the server build reads that
 * name from the client build's manifest (Remix builds the client first).
 */
function buyerPageScript(): Plugin {
  const virtualId = "virtual:buyer-page-script";
  const source = "app/scripts/buyer-page.ts";
  let root = process.cwd();
  let base = "/";
  let building = false;
  let serverBuild = false;
  let clientOutDir = "build/client";
  return {
    name: "mutual:buyer-page-script",
    configResolved(config) {
      root = config.root;
      base = config.base;
      building = config.command === "build";
      serverBuild = Boolean(config.build.ssr);
      clientOutDir = serverBuild ? path.join(config.build.outDir, "..", "client") : config.build.outDir;
    },
    buildStart() {
      if (building && !serverBuild) this.emitFile({ type: "chunk", id: path.join(root, source), name: "buyer-page" });
    },
    resolveId(id) {
      return id === virtualId ? `\0${virtualId}` : undefined;
    },
    load(id) {
      if (id !== `\0${virtualId}`) return undefined;
      if (!building) return `export default ${JSON.stringify(`${base}${source}`)};`;
      if (!serverBuild) return `export default "";`;
      const manifest = JSON.parse(readFileSync(path.resolve(root, clientOutDir, ".vite/manifest.json"), "utf8")) as Record<string, { file: string }>;
      return `export default ${JSON.stringify(`${base}${manifest[source].file}`)};`;
    },
  };
}

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  // PORT moves the dev server as it moves `npm start`.
  server: { port: Number(process.env.PORT) || 5173 },
  plugins: [
    serveAsProductionDoes,
    tailwindcss(),
    buyerPageScript(),
    // Vitest runs the code directly; the Remix plugin would try to build routes.
    !process.env.VITEST &&
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
  ],
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Everything runs on SQLite; the integration suite runs again on PostgreSQL
    // (`--project sqlite` or `--project postgresql` picks one).
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["app/**/*.test.ts", "app/**/*.test.tsx", "tests/integration/**/*.test.ts", "tests/unit/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/worker-database.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "postgresql",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup-postgresql.ts"],
          setupFiles: ["tests/setup/worker-database-postgresql.ts"],
        },
      },
    ],
  },
});
