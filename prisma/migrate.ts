// Brings a SQLite file up to date with prisma/migrations. Used by `npm run dev`, `npm start`
// and the test harness, so every database is made the same way: from the migrations.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseUrl, sqliteFilePath } from "./database-url";

export function migrateDatabase(url = databaseUrl()): void {
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  execFileSync(process.execPath, [prismaCliPath(), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // WAL lets the app read while a write is in progress; the setting is stored in the file.
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.close();
}

function prismaCliPath(): string {
  return path.resolve("node_modules", "prisma", "build", "index.js");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migrateDatabase();
  console.log(`Database is up to date: ${databaseUrl()}`);
}
