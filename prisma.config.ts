import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseKind, databaseUrl } from "./prisma/database-url";
import { MIGRATIONS_DIRS } from "./prisma/migrations-dirs";
import { POSTGRESQL_SCHEMA, SQLITE_SCHEMA } from "./prisma/postgresql-schema";

// Prisma 7's native schema engine cannot be downloaded on our machines; Prisma 6.19 with the
// JS engine and a driver adapter runs the CLI commands we need without binaries. DATABASE_URL's
// scheme picks SQLite or the PostgreSQL twin of the schema (prisma/postgresql-schema.ts).
const kind = databaseKind();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.relative(process.cwd(), kind === "postgresql" ? POSTGRESQL_SCHEMA : SQLITE_SCHEMA),
  migrations: { path: path.relative(process.cwd(), MIGRATIONS_DIRS[kind]) },
  async adapter() {
    return kind === "postgresql" ? new PrismaPg({ connectionString: databaseUrl() }) : new PrismaBetterSQLite3({ url: databaseUrl() });
  },
});
