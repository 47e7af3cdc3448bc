// npm run db:migration -- <name>
// Writes the next migration for both databases from one change to prisma/schema.prisma:
// prisma/migrations/<stamp>_<name> (SQLite) and prisma/migrations-postgresql/<stamp>_<name>.
// The change is measured against prisma/migrations-schema.prisma, the schema the committed
// migrations end at, which this then moves forward. tests/integration/migrations.test.ts fails
// when either set does not end at the schema.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensurePostgres, TEST_POSTGRES_URL } from "../tests/setup/postgres";
import { databaseKind } from "./database-url";
import { isEmptyMigration, migrationSql } from "./migration-diff";
import { MIGRATIONS_DIRS } from "./migrations-dirs";
import { MIGRATED_SCHEMA, SQLITE_SCHEMA, writePostgresqlSchema } from "./postgresql-schema";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name in snake_case>");
  process.exit(2);
}

// The PostgreSQL differ needs a server: DATABASE_URL when it is one, otherwise the test server.
const postgresqlUrl = process.env.DATABASE_URL && databaseKind(process.env.DATABASE_URL) === "postgresql" ? process.env.DATABASE_URL : TEST_POSTGRES_URL;
if (postgresqlUrl === TEST_POSTGRES_URL) await ensurePostgres();

const scripts = {
  sqlite: migrationSql({ kind: "sqlite", from: MIGRATED_SCHEMA, to: SQLITE_SCHEMA }),
  postgresql: migrationSql({ kind: "postgresql", from: MIGRATED_SCHEMA, to: SQLITE_SCHEMA, postgresqlUrl }),
};
if (isEmptyMigration(scripts.sqlite) && isEmptyMigration(scripts.postgresql)) {
  copyFileSync(SQLITE_SCHEMA, MIGRATED_SCHEMA);
  console.log("prisma/schema.prisma changes no table or index: no migration written.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const kind of ["sqlite", "postgresql"] as const) {
  const dir = path.join(MIGRATIONS_DIRS[kind], `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), scripts[kind]);
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}
copyFileSync(SQLITE_SCHEMA, MIGRATED_SCHEMA);
writePostgresqlSchema();
console.log("Run npm run db:generate for both clients, and npm run db:setup to apply the migration.");
