// The committed migrations of the database under test (this file runs in both projects) must end
// exactly where prisma/schema.prisma says: this test's database was made from them, a second one is
// made straight from the schema, and their tables, columns, indexes and keys are compared.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseKind, sqliteFilePath } from "../../prisma/database-url";
import { migrationSql } from "../../prisma/migration-diff";
import { MIGRATED_SCHEMA, SQLITE_SCHEMA } from "../../prisma/postgresql-schema";
import { TEST_DATABASE_PREFIX, testDatabaseUrl, withAdminClient } from "../setup/postgres";
import { postgresqlShape, sqliteShape } from "../setup/schema-shape";

const url = process.env.DATABASE_URL!;
const kind = databaseKind(url);
const cleanups: Array<() => Promise<unknown> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function shapeFromSchema(): Promise<unknown> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "mutual-drift-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = new Database(path.join(dir, "from-schema.db"));
    try {
      db.exec(migrationSql({ kind, from: "empty", to: SQLITE_SCHEMA }));
      return sqliteShape(db);
    } finally {
      db.close();
    }
  }
  const name = `${TEST_DATABASE_PREFIX}_drift_${randomBytes(4).toString("hex")}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  cleanups.push(() => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
  const client = new pg.Client({ connectionString: testDatabaseUrl(name) });
  await client.connect();
  try {
    await client.query(migrationSql({ kind, from: "empty", to: SQLITE_SCHEMA, postgresqlUrl: testDatabaseUrl(name) }));
    return await postgresqlShape(client);
  } finally {
    await client.end();
  }
}

async function shapeFromMigrations(): Promise<unknown> {
  if (kind === "sqlite") {
    const db = new Database(sqliteFilePath(url), { readonly: true });
    try {
      return sqliteShape(db);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await postgresqlShape(client);
  } finally {
    await client.end();
  }
}

/** The models without comments or layout: what a migration has to follow. */
function models(schemaFile: string): string {
  return readFileSync(schemaFile, "utf8")
    .split("\n")
    .map((line) =>
      line
        .replace(/\/\/.*$/, "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter(Boolean)
    .join("\n");
}

describe(`the ${kind} migrations`, () => {
  it("end at prisma/schema.prisma (else: npm run db:migration -- <name>)", async () => {
    expect(await shapeFromMigrations()).toEqual(await shapeFromSchema());
  }, 120_000);

  it("were written from the current schema (prisma/migrations-schema.prisma is up to date)", () => {
    expect(models(MIGRATED_SCHEMA)).toEqual(models(SQLITE_SCHEMA));
  });
});
