// Backups and restores on either database (docs/decisions/0013-backups.md). A backup is one file:
// a SQLite database written by `VACUUM INTO`, or a pg_dump archive in its custom format. A restore
// goes only into an empty database and never over one people use.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CommandError, prepareDatabase } from "./command";
import { databaseKind, databaseUrl, describeDatabase, type DatabaseKind } from "./database-url";
import { backupPostgresql, postgresqlContents, restorePostgresql } from "./backup-postgresql";
import { backupSqlite, restoreSqlite, sqliteContents } from "./backup-sqlite";

export const BACKUPS_DIR = "backups";

/** What a restore needs to know about its target before it touches anything. */
export interface DatabaseContents {
  /** Tables of any kind, Mutual's or not. */
  tables: string[];
  organizations: number;
  people: number;
}

/** The migrations' bookkeeping table: a database that has it was made by Mutual. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

/**
 * Why a restore must not go into this database, or undefined when it may. A database is live when
 * it holds an organization or a user account: every plan, deal and comment belongs to one, so
 * without them nothing in it is anyone's data. A database with tables but without Mutual's
 * migrations table belongs to something else and is left alone.
 */
export function refusalToRestore(url: string, contents: DatabaseContents): string | undefined {
  const where = describeDatabase(url);
  if (contents.organizations > 0 || contents.people > 0) {
    return (
      `${where} is live: it holds ${describeContents(contents)}. ` +
      "A backup is restored only into an empty database; nothing was changed. Point DATABASE_URL at a new database and run the restore again."
    );
  }
  if (contents.tables.length > 0 && !contents.tables.includes(MIGRATIONS_TABLE)) {
    return `${where} holds tables that are not Mutual's; nothing was changed. Point DATABASE_URL at a new, empty database and run the restore again.`;
  }
  return undefined;
}

export function describeContents(contents: DatabaseContents): string {
  return `${count(contents.organizations, "organization")} and ${count(contents.people, "user account")}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

export type BackupKind = DatabaseKind;

/** Which database wrote a backup file, read from its first bytes. */
export function backupKindOf(file: string): BackupKind | undefined {
  const fd = openSync(file, "r");
  const head = Buffer.alloc(16);
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString("latin1") === "SQLite format 3\0") return "sqlite";
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgresql";
  return undefined;
}

export function defaultBackupPath(kind: DatabaseKind, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
  return path.join(BACKUPS_DIR, `mutual-${stamp}.${kind === "sqlite" ? "db" : "dump"}`);
}

export interface Backup {
  file: string;
  bytes: number;
}

/** Writes a consistent copy of the database DATABASE_URL names. */
export async function backupDatabase(target = defaultBackupPath(databaseKind())): Promise<Backup> {
  if (existsSync(target)) throw new CommandError(`${target} already exists; a backup never replaces a file. Choose another path.`);
  // A backup holds all the database does, people's names and addresses, their plans and history: for its owner's eyes only.
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true, mode: 0o700 });
  const url = databaseUrl();
  if (databaseKind(url) === "postgresql") await backupPostgresql(url, target);
  else await backupSqlite(url, target);
  chmodSync(target, 0o600);
  return { file: target, bytes: statSync(target).size };
}

/** Brings a backup back into the database `url` names, which must be empty; then applies newer migrations. */
export async function restoreDatabase(source: string, url = databaseUrl()): Promise<DatabaseContents> {
  if (!existsSync(source)) throw new CommandError(`There is no backup at ${source}.`);
  const kind = databaseKind(url);
  const backupKind = backupKindOf(source);
  if (!backupKind) throw new CommandError(`${source} is not a Mutual backup (neither a SQLite file nor a pg_dump archive).`);
  if (backupKind !== kind) {
    throw new CommandError(
      `${source} is a ${label(backupKind)} backup, and DATABASE_URL names a ${label(kind)} database; restore it into a ${label(backupKind)} database.`,
    );
  }
  const contents = kind === "sqlite" ? sqliteContents(url) : await postgresqlContents(url);
  const refusal = refusalToRestore(url, contents);
  if (refusal) throw new CommandError(refusal);
  if (kind === "sqlite") restoreSqlite(url, source);
  else await restorePostgresql(url, source, contents.tables);
  await prepareDatabase(url);
  return kind === "sqlite" ? sqliteContents(url) : postgresqlContents(url);
}

function label(kind: DatabaseKind): string {
  return kind === "sqlite" ? "SQLite" : "PostgreSQL";
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The one optional path a backup or restore command takes. */
export function pathArgument(usage: string): string | undefined {
  let positionals: string[];
  try {
    positionals = parseArgs({ allowPositionals: true, options: {} }).positionals;
  } catch (error) {
    throw new CommandError(`${error instanceof Error ? error.message.split("\n")[0] : error}\n${usage}`);
  }
  if (positionals.length > 1) throw new CommandError(usage);
  return positionals[0];
}
