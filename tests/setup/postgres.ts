// The local PostgreSQL server the tests use. TEST_POSTGRES_URL points at any database the test role
// can connect to (it creates and drops the tests' databases); by default the local server's.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import pg from "pg";
import { ROOT } from "./paths";

const TEST_ROLE = "mutual";
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL || `postgresql://${TEST_ROLE}:${TEST_ROLE}@localhost:5432/postgres`;
const PG_CTLCLUSTER = "/usr/bin/pg_ctlcluster";

/** Test database names start with this, unique per checkout, so two checkouts never drop each other's. */
export const TEST_DATABASE_PREFIX = `mutual_test_${createHash("sha256").update(ROOT).digest("hex").slice(0, 8)}`;
export const TEMPLATE_DATABASE = `${TEST_DATABASE_PREFIX}_template`;

export function testDatabaseUrl(name: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Makes sure the test server answers: starts the local cluster and creates the test role where this
 * process may (root on a Debian machine with pg_ctlcluster), otherwise stops with the one command to run.
 */
export async function ensurePostgres(): Promise<void> {
  let problem = await connectionProblem();
  if (!problem) return;
  if (process.env.TEST_POSTGRES_URL || !canManageLocalServer()) throw new Error(howToFix(problem));
  if (problem === "unreachable") startLocalCluster();
  if ((await connectionProblem()) === "no role") createTestRole();
  problem = await connectionProblem();
  if (problem) throw new Error(howToFix(problem));
}

type Problem = "unreachable" | "no role";

async function connectionProblem(): Promise<Problem | undefined> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      return undefined;
    } catch (error) {
      const code = (error as { code?: string }).code;
      // 28P01: wrong password, 28000: no such role. 57P03: the server is still starting.
      if (code === "28P01" || code === "28000") return "no role";
      if (code !== "57P03") return "unreachable";
      await new Promise((resolve) => setTimeout(resolve, 250));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return "unreachable";
}

function canManageLocalServer(): boolean {
  return process.getuid?.() === 0 && existsSync(PG_CTLCLUSTER);
}

function localCluster(): { version: string; name: string } {
  const [first] = execFileSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" }).trim().split("\n");
  const [version, name] = (first ?? "").split(/\s+/);
  if (!version || !name) throw new Error("No PostgreSQL cluster on this machine: apt-get install -y postgresql");
  return { version, name };
}

function startLocalCluster() {
  const { version, name } = localCluster();
  execFileSync(PG_CTLCLUSTER, ["--skip-systemctl-redirect", version, name, "start"], { stdio: "inherit" });
}

function createTestRole() {
  const sql = `DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${TEST_ROLE}') THEN CREATE ROLE ${TEST_ROLE} LOGIN CREATEDB; END IF;
    ALTER ROLE ${TEST_ROLE} LOGIN CREATEDB PASSWORD '${TEST_ROLE}';
  END $$;`;
  execFileSync("su", ["postgres", "-c", "psql -q -v ON_ERROR_STOP=1"], { input: sql, stdio: ["pipe", "inherit", "inherit"] });
}

function howToFix(problem: Problem): string {
  if (process.env.TEST_POSTGRES_URL) return `The tests cannot use TEST_POSTGRES_URL (${problem === "no role" ? "sign-in refused" : "server unreachable"}).`;
  if (problem === "unreachable")
    return "PostgreSQL is not running on localhost:5432. Start it with:\n  sudo pg_ctlcluster --skip-systemctl-redirect 15 main start";
  return `PostgreSQL refuses the test role. Create it with:\n  sudo -u postgres psql -c "CREATE ROLE ${TEST_ROLE} LOGIN CREATEDB PASSWORD '${TEST_ROLE}'"`;
}

/** Runs statements on the server's maintenance connection (CREATE/DROP DATABASE cannot run in a transaction). */
export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropTestDatabases(client: pg.Client, which: "all" | "copies" = "copies") {
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${TEST_DATABASE_PREFIX}_%`]);
  for (const { datname } of rows) {
    if (which === "copies" && datname === TEMPLATE_DATABASE) continue;
    await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

/** An empty database of this checkout's, made anew. C collation sorts text byte by byte, as SQLite does. */
export async function createEmptyDatabase(name: string): Promise<string> {
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C'`);
  });
  return testDatabaseUrl(name);
}
