// One place decides which SQLite file the app, the CLI, the seed and the tests use.
export const DEFAULT_DATABASE_URL = "file:./prisma/data/dev.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function sqliteFilePath(url = databaseUrl()): string {
  if (!url.startsWith("file:")) throw new Error(`Expected a file: URL for SQLite, got ${url}`);
  return url.slice("file:".length);
}
