// One place decides which database the app, the CLI, the seed and the tests use: DATABASE_URL's
// scheme picks it. `file:` is the embedded SQLite default, `postgresql://` (or `postgres://`) a server.
export const DEFAULT_DATABASE_URL = "file:./prisma/data/dev.db";

export type DatabaseKind = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export const DATABASE_URL_RULE = "must start with file: (SQLite) or postgresql:// (PostgreSQL)";

export function kindOfDatabaseUrl(url: string): DatabaseKind | undefined {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  return undefined;
}

export function databaseKind(url = databaseUrl()): DatabaseKind {
  const kind = kindOfDatabaseUrl(url);
  if (!kind) throw new Error(`DATABASE_URL ${DATABASE_URL_RULE}`);
  return kind;
}

export function sqliteFilePath(url = databaseUrl()): string {
  if (databaseKind(url) !== "sqlite") throw new Error("Expected a file: URL for SQLite");
  return url.slice("file:".length);
}

/** The URL without its password, for messages. */
export function describeDatabase(url = databaseUrl()): string {
  if (databaseKind(url) === "sqlite") return url;
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
