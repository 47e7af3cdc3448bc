// Brings a database up to date with its migrations: prisma/migrations for SQLite, through
// `prisma migrate deploy`; prisma/migrations-postgresql for PostgreSQL, through `pg`
// (migrate-postgresql.ts). Used by `npm run db:setup`, `npm run dev`, `npm start` and the test
// harness, so every database is made the same way: from the migrations.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseKind, databaseUrl, describeDatabase, sqliteFilePath } from "./database-url";
import { migratePostgresql } from "./migrate-postgresql";

export async function migrateDatabase(url = databaseUrl()): Promise<void> {
  if (databaseKind(url) === "postgresql") {
    await migratePostgresql(url);
    return;
  }
  migrateSqlite(url);
}

function migrateSqlite(url: string) {
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  execFileSync(process.execPath, [prismaCliPath(), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // WAL lets the app read while a write is in progress; the setting is stored in the file.
  // secure_delete is not: every connection the app opens sets it (app/utils/db.server.ts), this one too.
  const db = new Database(file);
  db.pragma("secure_delete = ON");
  db.pragma("journal_mode = WAL");
  db.close();
}

function prismaCliPath(): string {
  return path.resolve("node_modules", "prisma", "build", "index.js");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await migrateDatabase();
  console.log(`The database is up to date: ${describeDatabase()}`);
}
