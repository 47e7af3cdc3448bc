// What the command-line entry points (dev, db:seed, db:reset, org:create, seed:large) share: they
// run beside a dev server that holds the same SQLite file open, and they answer a person at a
// terminal with one line, not a stack trace.
//
// Prisma's schema engine opens SQLite with `PRAGMA locking_mode=EXCLUSIVE`, so `migrate deploy`
// fails with SQLITE_BUSY whenever any other process has the file open, even when there is
// nothing to apply. So the migrations table is read first, and the engine runs only when a
// migration is pending.
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseKind, databaseUrl, sqliteFilePath } from "./database-url";
import { migrateDatabase } from "./migrate";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations", import.meta.url));

/** A failure whose message already tells the person what to do. */
export class CommandError extends Error {}

/**
 * Applies pending migrations, or explains why it cannot while another process uses the file.
 * PostgreSQL migrations take a lock of their own (prisma/migrate-postgresql.ts), so they run beside
 * a live server as they are.
 */
export async function prepareDatabase(url = databaseUrl()): Promise<void> {
  if (databaseKind(url) === "postgresql") return migrateDatabase(url);
  const file = sqliteFilePath(url);
  if (pendingMigrations(file).length === 0) return;
  if (sqliteFileInUse(file)) {
    throw new CommandError(
      `${file} has migrations to apply, but another process has it open (probably \`npm run dev\`). Stop it, then run this command again.`,
    );
  }
  try {
    await migrateDatabase(url);
  } catch {
    throw new CommandError(`Could not apply the migrations to ${file}; the reason is printed above.`);
  }
}

export function pendingMigrations(file: string): string[] {
  const all = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(MIGRATIONS_DIR, entry.name, "migration.sql")))
    .map((entry) => entry.name);
  if (!existsSync(file)) return all;
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return all;
    const rows = db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all();
    const applied = new Set((rows as Array<{ migration_name: string }>).map((row) => row.migration_name));
    return all.filter((name) => !applied.has(name));
  } finally {
    db.close();
  }
}

/**
 * True when another connection has the file open. In WAL mode an exclusive-mode connection can
 * read only when it is alone, so the same lock Prisma's engine needs serves as the probe.
 */
export function sqliteFileInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    return false;
  } catch (error) {
    if (isBusy(error)) return true;
    throw error;
  } finally {
    db.close();
  }
}

/** Runs a command's body; any failure ends the process with one readable line and exit code 1. */
export async function runCommand(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    console.error(describeFailure(error));
    process.exit(1);
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof CommandError) return error.message;
  if (isBusy(error)) {
    return `The database ${databaseUrl()} stayed busy: another process is writing to it. Run this command again in a moment.`;
  }
  if (!(error instanceof Error)) return String(error);
  const lines = error.message.split("\n").filter((line) => line.trim() !== "");
  // Prisma's messages open with where the call was made and end with what went wrong.
  const fromPrisma = error.name.startsWith("Prisma") || /^P\d{4}$/.test(errorCode(error));
  return (fromPrisma ? lines.at(-1) : lines[0])?.trim() ?? error.name;
}

function isBusy(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // better-sqlite3 says SQLITE_BUSY; Prisma's client turns it into P1008 "Operation has timed out".
  const code = errorCode(error);
  return code === "SQLITE_BUSY" || code === "P1008" || /SQLITE_BUSY|database is locked|SocketTimeout/.test(error.message);
}

function errorCode(error: Error): string {
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === "string" ? code : "";
}
