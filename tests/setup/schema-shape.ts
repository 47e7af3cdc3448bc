// A database's tables, columns, indexes and keys as plain data, so that two databases made in
// different ways can be compared. Prisma's own bookkeeping table is left out.
import type Database from "better-sqlite3";
import type pg from "pg";

const BOOKKEEPING = "_prisma_migrations";

export function sqliteShape(db: Database.Database) {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ? ORDER BY name`)
    .pluck()
    .all(BOOKKEEPING) as string[];
  return Object.fromEntries(
    tables.map((table) => {
      const indexes = (db.pragma(`index_list("${table}")`) as Array<{ name: string; unique: number; origin: string; partial: number }>)
        .map((index) => ({ ...index, columns: (db.pragma(`index_info("${index.name}")`) as Array<{ name: string }>).map((c) => c.name) }))
        .sort((a, b) => a.name.localeCompare(b.name));
      // A column's position is left out: SQLite migrations that rebuild a table may reorder columns.
      const columns = (db.pragma(`table_xinfo("${table}")`) as Array<{ name: string; cid: number }>).map(({ cid: _cid, ...column }) => column);
      const foreignKeys = (db.pragma(`foreign_key_list("${table}")`) as Array<Record<string, unknown>>).map(({ id: _id, seq: _seq, ...key }) => key);
      return [table, { columns: columns.sort((a, b) => a.name.localeCompare(b.name)), indexes, foreignKeys }];
    }),
  );
}

export async function postgresqlShape(client: pg.Client) {
  const query = async (sql: string) => (await client.query(sql, [BOOKKEEPING])).rows;
  return {
    columns: await query(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, datetime_precision
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> $1 ORDER BY table_name, column_name`,
    ),
    indexes: await query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> $1 ORDER BY indexname`),
    constraints: await query(
      `SELECT c.conrelid::regclass::text AS "table", c.conname, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
       WHERE c.connamespace = 'public'::regnamespace AND t.relname <> $1 ORDER BY 1, 2`,
    ),
  };
}
