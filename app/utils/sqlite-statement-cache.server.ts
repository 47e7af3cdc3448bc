// The SQLite adapter compiles every statement anew (`prepare`) each time it runs, even the same
// SQL a moment later; for the small reads a page makes, compiling costs as much as running. This
// keeps compiled statements by their SQL and hands the adapter a fresh binding of the kept one:
// SQLite runs a statement to completion before the next starts on this one connection, so one
// compiled statement serves every caller.
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/** What is used here of the adapter's SQLite connection and its compiled statements. */
interface Statement {
  reader: boolean;
  columns(): unknown[];
  raw(on: boolean): { all(...args: unknown[]): unknown[] };
  run(...args: unknown[]): unknown;
}
interface Database {
  prepare(sql: string): Statement;
}

// A compiled statement's columns never change: read them once.
const columnLists = new WeakMap<Statement, unknown[]>();
function columnsOf(statement: Statement) {
  let columns = columnLists.get(statement);
  if (!columns) columnLists.set(statement, (columns = statement.columns()));
  return columns;
}

/** Enough for every distinct statement the app makes; lists of ids of many lengths make the rest. */
const MAX_STATEMENTS = 500;

/**
 * What the adapter uses of a prepared statement (`prepare(sql).bind(args)`, then `reader`,
 * `columns()`, `raw().all()` or `run()`), answered by a kept statement with these arguments.
 */
function boundTo(statement: Statement, args: unknown[] = []) {
  return {
    reader: statement.reader,
    bind: (bound: unknown[]) => boundTo(statement, bound),
    columns: () => columnsOf(statement),
    raw: () => ({ all: () => statement.raw(true).all(...args) }),
    run: () => statement.run(...args),
  };
}

function keepStatements(db: Database) {
  const prepare = db.prepare.bind(db);
  const kept = new Map<string, Statement>();
  const cachedPrepare = (sql: string) => {
    let statement = kept.get(sql);
    if (statement) {
      // Most recently used last, so the first entry is the one to drop.
      kept.delete(sql);
    } else {
      statement = prepare(sql);
      if (kept.size >= MAX_STATEMENTS) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, statement);
    return boundTo(statement);
  };
  // The adapter only binds, reads and runs what `prepare` returns (see boundTo).
  db.prepare = cachedPrepare as unknown as Database["prepare"];
}

/** The same adapter factory, whose connections keep their compiled statements. */
export function withStatementCache(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = (await factory.connect()) as SqlDriverAdapter & { client?: Database };
      // The adapter keeps its SQLite connection as `client`; without one there is nothing to keep.
      if (adapter.client && typeof adapter.client.prepare === "function") keepStatements(adapter.client);
      return adapter;
    },
  };
}
