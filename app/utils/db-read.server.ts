// Prepared SQL on a query-only SQLite connection, for the one read that must be cheaper than
// Prisma can make it: the buyer's plan page (docs/decisions/0005-buyer-page-as-html.md). Prisma's
// JS engine plans every query in wasm, about 1 ms each; a prepared statement runs in a tenth of
// that. Everything else goes through Prisma. Scoping stays in the model functions that use this.
import Database from "better-sqlite3";
import { sqliteFilePath } from "../../prisma/database-url";
import { env } from "./env.server";

type Statement = Database.Statement<unknown[], unknown>;

interface Reader {
  url: string;
  db: Database.Database;
  statements: Map<string, Statement>;
}

// One connection per process and database, kept on globalThis like the Prisma client (db.server.ts).
const globalForReader = globalThis as unknown as { mutualReader?: Reader };

function reader(): Reader {
  const url = env().DATABASE_URL;
  const cached = globalForReader.mutualReader;
  if (cached?.url === url) return cached;
  cached?.db.close();
  const db = new Database(sqliteFilePath(url));
  // A second connection beside Prisma's that can never write, whatever SQL reaches it.
  db.pragma("query_only = ON");
  db.pragma("busy_timeout = 5000");
  const fresh = { url, db, statements: new Map<string, Statement>() };
  globalForReader.mutualReader = fresh;
  return fresh;
}

function prepared(sql: string): Statement {
  const { db, statements } = reader();
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/** Every row of a query. */
export function readAll<Row>(sql: string, ...params: unknown[]): Row[] {
  return prepared(sql).all(...params) as Row[];
}

/** The first row of a query, or undefined. */
export function readOne<Row>(sql: string, ...params: unknown[]): Row | undefined {
  return prepared(sql).get(...params) as Row | undefined;
}

/** Runs several reads against one consistent snapshot of the database. */
export function readSnapshot<T>(read: () => T): T {
  return reader().db.transaction(read)();
}

/**
 * A stored DateTime column as a Date. Prisma writes ISO text with an offset; bulk-loaded rows may
 * hold "YYYY-MM-DD HH:MM:SS", which SQLite means as UTC and JavaScript would read as local time.
 */
export function storedDate(value: string): Date;
export function storedDate(value: string | null): Date | null;
export function storedDate(value: string | null): Date | null {
  if (value === null) return null;
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/.test(value);
  return new Date(hasZone ? value : `${value.replace(" ", "T")}Z`);
}
