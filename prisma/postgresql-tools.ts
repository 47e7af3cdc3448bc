// PostgreSQL's own client programs (pg_dump, pg_restore, psql), found on this machine and run with
// the password in the environment: a password in argv is visible to every user through `ps`.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { CommandError } from "./command";

export type PostgresqlTool = "pg_dump" | "pg_restore" | "psql";

const DEBIAN_VERSIONS_DIR = "/usr/lib/postgresql";
const INSTALL_HINT = "sudo apt-get install -y postgresql-client";

/**
 * The newest installed version's program (Debian keeps one folder per major version, and a newer
 * pg_dump reads an older server while an older one refuses a newer server), else the one on PATH.
 */
export function findTool(tool: PostgresqlTool): string {
  const candidates = [...debianBinDirs(), ...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean)].map((dir) => path.join(dir, tool));
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new CommandError(`${tool} is not installed; it comes with PostgreSQL's client programs. Install them with:\n  ${INSTALL_HINT}`);
  return found;
}

function debianBinDirs(): string[] {
  if (!existsSync(DEBIAN_VERSIONS_DIR)) return [];
  return readdirSync(DEBIAN_VERSIONS_DIR)
    .filter((version) => /^\d+$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => path.join(DEBIAN_VERSIONS_DIR, version, "bin"));
}

// Settings Prisma reads from the URL that libpq does not know; libpq refuses a URL carrying them.
const PRISMA_ONLY_PARAMETERS = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "statement_cache_size",
  "socket_timeout",
  "sslaccept",
  "sslidentity",
];

/** The URL for `--dbname` without its password, and an environment carrying the password instead. */
export function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  for (const name of PRISMA_ONLY_PARAMETERS) parsed.searchParams.delete(name);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: parsed.toString(), env };
}

export interface Finished {
  code: number | null;
  stderr: string;
}

/** Resolves when the program has exited, with its exit code and what it wrote to stderr. */
export function finished(child: ChildProcess): Promise<Finished> {
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

export async function runTool(tool: PostgresqlTool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const result = await finished(spawn(findTool(tool), args, { env, stdio: ["ignore", "ignore", "pipe"] }));
  if (result.code !== 0) throw new CommandError(`${tool} failed: ${lastLines(result.stderr)}`);
}

/** The end of a program's error output, which says what went wrong. */
export function lastLines(stderr: string, count = 3): string {
  const lines = stderr
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.slice(-count).join("\n") || "no message";
}
