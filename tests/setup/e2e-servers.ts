// Started by Playwright (playwright.config.ts, webServer): makes a fresh SQLite file (or, with
// E2E_DATABASE=postgresql, a fresh PostgreSQL database) from the
// migrations, seeds the demo, and serves the production build twice on one database, once
// with the server in UTC+13 and once in UTC−8, so tests can compare what each shows. Both send
// email through the real `resend` SDK to one fake Resend server, which the tests read emails from.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../prisma/migrate";
import { E2E_DB } from "./e2e-db";
import { ROOT, TMP } from "./paths";
import { startFakeResend } from "./fake-resend";
import { createEmptyDatabase, ensurePostgres, TEST_DATABASE_PREFIX } from "./postgres";
import { E2E_RESEND_URL, E2E_SERVERS } from "./ports";

export const SERVERS = E2E_SERVERS;

// E2E_DATABASE=postgresql serves a fresh PostgreSQL database instead: a smoke run on the other database.
const url = process.env.E2E_DATABASE === "postgresql" ? await freshPostgresql() : freshSqlite();
await migrateDatabase(url);
execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "prisma", "seed.ts")], {
  cwd: ROOT,
  env: { ...process.env, DATABASE_URL: url },
  stdio: "inherit",
});

function freshSqlite() {
  mkdirSync(TMP, { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${E2E_DB}${suffix}`, { force: true });
  return `file:${E2E_DB}`;
}

async function freshPostgresql() {
  await ensurePostgres();
  return createEmptyDatabase(`${TEST_DATABASE_PREFIX}_e2e`);
}

const resend = await startFakeResend(Number(new URL(E2E_RESEND_URL).port));

const children: ChildProcess[] = [];
function stopAll() {
  for (const child of children) child.kill("SIGTERM");
}
process.on("SIGTERM", () => (stopAll(), process.exit(0)));
process.on("SIGINT", () => (stopAll(), process.exit(0)));
process.on("exit", stopAll);

async function waitForHealth(port: number) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server on port ${port} did not start`);
}

for (const server of SERVERS) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    PORT: String(server.port),
    TZ: server.tz,
    DATABASE_URL: url,
    APP_URL: `http://localhost:${server.port}`,
    // Email goes out as in production, so what a sent email leaves in the database is what
    // production leaves (tests/setup/e2e-teardown.ts looks for the links in the database files).
    RESEND_API_KEY: "re_test_key",
    RESEND_BASE_URL: resend.url,
  };
  const child = spawn(process.execPath, [path.join(ROOT, "app", "production-server.js"), path.join(ROOT, "build", "server", "index.js")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  await waitForHealth(server.port);
}
console.log(`e2e servers ready: ${SERVERS.map((s) => `${s.port} (${s.tz})`).join(", ")}`);
