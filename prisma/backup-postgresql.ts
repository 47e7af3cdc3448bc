// PostgreSQL backups: pg_dump's custom format (compressed, one file, read by pg_restore), taken
// inside one repeatable-read transaction, so it is the database as of one moment while the app
// goes on writing. A restore runs pg_restore's SQL through psql in one transaction, committed only
// when pg_restore has read the whole archive: a failed restore leaves the database as it was.
import { spawn } from "node:child_process";
import { renameSync, rmSync } from "node:fs";
import pg from "pg";
import { CommandError } from "./command";
import { describeDatabase } from "./database-url";
import type { DatabaseContents } from "./backups";
import { findTool, finished, lastLines, runTool, toolConnection } from "./postgresql-tools";

export async function backupPostgresql(url: string, target: string): Promise<void> {
  const { dbname, env } = toolConnection(url);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    await runTool("pg_dump", ["--format=custom", "--no-password", `--file=${partial}`, `--dbname=${dbname}`], env);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}

export async function postgresqlContents(url: string): Promise<DatabaseContents> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "3D000")
      throw new CommandError(
        `The database ${describeDatabase(url)} does not exist. Create it (see the README's PostgreSQL section), then run the restore again.`,
      );
    throw error;
  }
  try {
    const { rows } = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
    const tables = rows.map((row) => row.tablename);
    const count = async (table: string) =>
      tables.includes(table) ? Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n) : 0;
    return { tables, organizations: await count("Organization"), people: await count("User") };
  } finally {
    await client.end();
  }
}

/**
 * Replaces an empty Mutual database (`emptyTables`: its tables, which hold no one's data) with the
 * backup's tables and rows, all in one transaction.
 */
export async function restorePostgresql(url: string, source: string, emptyTables: string[]): Promise<void> {
  const { dbname, env } = toolConnection(url);
  const [psqlPath, pgRestorePath] = [findTool("psql"), findTool("pg_restore")];
  const psql = spawn(psqlPath, ["--no-psqlrc", "--quiet", "--no-password", "--set=ON_ERROR_STOP=1", `--dbname=${dbname}`], {
    env,
    stdio: ["pipe", "ignore", "pipe"],
  });
  const archive = spawn(pgRestorePath, ["--no-owner", "--no-privileges", "--file=-", source], { stdio: ["ignore", "pipe", "pipe"] });
  // psql stops at the first error and closes its input; the rest of pg_restore's output is drained
  // so that it can finish, and goes nowhere.
  psql.stdin.on("error", () => undefined);
  psql.on("close", () => archive.stdout.resume());
  const drops = emptyTables.map((table) => `DROP TABLE IF EXISTS "${table.replace(/"/g, '""')}" CASCADE;\n`).join("");
  psql.stdin.write(`BEGIN;\nSET LOCAL client_min_messages = warning;\n${drops}`);
  archive.stdout.pipe(psql.stdin, { end: false });
  const [read, applied] = await Promise.all([
    finished(archive).then((result) => {
      psql.stdin.end(result.code === 0 ? "COMMIT;\n" : "ROLLBACK;\n");
      return result;
    }),
    finished(psql),
  ]);
  // A broken archive is the cause of whatever psql then says about the half statement it received.
  if (read.code !== 0) throw new CommandError(`pg_restore could not read the backup; nothing was changed: ${lastLines(read.stderr)}`);
  if (applied.code !== 0) throw new CommandError(`The restore failed and was rolled back; nothing was changed: ${lastLines(applied.stderr)}`);
}
