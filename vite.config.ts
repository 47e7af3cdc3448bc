import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vitest/config";
import { CROSS_SITE_MESSAGE, crossSiteWriteReason } from "./app/utils/same-origin.js";

// The dev server refuses cross-site writes as the production server does (app/production-server.js).
const refuseCrossSiteWrites: Plugin = {
  name: "mutual-refuse-cross-site-writes",
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      const header = (name: string) => [req.headers[name]].flat()[0];
      if (crossSiteWriteReason(req.method ?? "GET", header, `http://${req.headers.host}`)) {
        res.statusCode = 403;
        res.setHeader("Content-Type", "text/plain");
        res.end(CROSS_SITE_MESSAGE);
        return;
      }
      next();
    });
  },
};

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  server: { port: 5173 },
  plugins: [
    refuseCrossSiteWrites,
    tailwindcss(),
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
