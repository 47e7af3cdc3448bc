// SQLite backups. `VACUUM INTO` reads the database inside one read transaction, so the copy is the
// database as of one moment while the app goes on writing (WAL lets writers continue beside a
// reader), and it is written compact: no free pages, no WAL. It runs through the app's own Prisma
// client, whose statements wait for open transactions (app/utils/sqlite-turns.server.ts).
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { CommandError, sqliteFileInUse } from "./command";
import { sqliteFilePath } from "./database-url";
import type { DatabaseContents } from "./backups";

const SIDE_FILES = ["-wal", "-shm"];

export async function backupSqlite(url: string, target: string): Promise<void> {
  const file = sqliteFilePath(url);
  // Opening a missing file through the client would create an empty database.
  if (!existsSync(file)) throw new CommandError(`There is no database at ${file}.`);
  const { prisma } = await import("~/utils/db.server");
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    await prisma.$executeRawUnsafe("VACUUM INTO ?", path.resolve(partial));
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}

export function sqliteContents(url: string): DatabaseContents {
  const file = sqliteFilePath(url);
  if (!existsSync(file)) return { tables: [], organizations: 0, people: 0 };
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map(
      (row) => row.name,
    );
    const rows = (table: string) => (tables.includes(table) ? (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n : 0);
    return { tables, organizations: rows("Organization"), people: rows("User") };
  } finally {
    db.close();
  }
}

/**
 * Puts a copy of the backup in place of an empty database file. The copy is made beside the target
 * and renamed over it, so the target is never half written; the old file's WAL and shared-memory
 * files go with it, or SQLite would replay the old WAL into the restored file.
 */
export function restoreSqlite(url: string, source: string): void {
  checkIntegrity(source);
  const file = sqliteFilePath(url);
  if (sqliteFileInUse(file)) throw new CommandError(`${file} is open in another process (probably the server). Stop it, then run the restore again.`);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const copy = `${file}.restoring`;
  removeWithSideFiles(copy);
  copyFileSync(source, copy);
  const db = new Database(copy);
  db.pragma("journal_mode = WAL");
  db.close();
  for (const suffix of SIDE_FILES) rmSync(`${file}${suffix}`, { force: true });
  renameSync(copy, file);
}

function checkIntegrity(source: string) {
  let result: unknown;
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    result = db.pragma("integrity_check", { simple: true });
  } catch (error) {
    result = error instanceof Error ? error.message : error;
  } finally {
    db.close();
  }
  if (result !== "ok") throw new CommandError(`${source} is damaged (SQLite's integrity check says: ${result}); nothing was changed.`);
}

function removeWithSideFiles(file: string) {
  for (const suffix of ["", ...SIDE_FILES]) rmSync(`${file}${suffix}`, { force: true });
}
