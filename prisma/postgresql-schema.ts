// The PostgreSQL twin of prisma/schema.prisma: the same models, another datasource and client.
// A Prisma client serves the one provider it was generated for (it refuses an adapter of another
// database), so PostgreSQL gets its own generated client from this derived, git-ignored file.
// `npm run db:generate` (also run by `npm install`) writes it, then generates both clients.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PRISMA_DIR = path.dirname(fileURLToPath(import.meta.url));
export const SQLITE_SCHEMA = path.join(PRISMA_DIR, "schema.prisma");
export const POSTGRESQL_SCHEMA = path.join(PRISMA_DIR, "postgresql", "schema.prisma");
/** The schema both sets of migrations end at; `npm run db:migration` diffs from it, then moves it forward. */
export const MIGRATED_SCHEMA = path.join(PRISMA_DIR, "migrations-schema.prisma");

const HEADER = "// Generated from prisma/schema.prisma by prisma/postgresql-schema.ts. Edit that file, not this one.\n\n";

/** Swaps the generator output and the datasource; a schema without those lines is a mistake, not a twin. */
export function postgresqlSchemaFrom(sqliteSchema: string): string {
  const swaps: Array<[RegExp, string]> = [
    [/^(\s*output\s*=\s*)"\.\.\/app\/generated\/prisma"/m, '$1"../../app/generated/prisma-postgresql"'],
    [/^(\s*provider\s*=\s*)"sqlite"/m, '$1"postgresql"'],
    [/^(\s*url\s*=\s*)"file:[^"]*"/m, '$1"postgresql://localhost/mutual"'],
  ];
  let schema = sqliteSchema;
  for (const [pattern, replacement] of swaps) {
    if (!pattern.test(schema)) throw new Error(`prisma/schema.prisma no longer has the line ${pattern}; update prisma/postgresql-schema.ts`);
    schema = schema.replace(pattern, replacement);
  }
  return HEADER + schema;
}

export function writePostgresqlSchema(): string {
  mkdirSync(path.dirname(POSTGRESQL_SCHEMA), { recursive: true });
  writeFileSync(POSTGRESQL_SCHEMA, postgresqlSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8")));
  return POSTGRESQL_SCHEMA;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writePostgresqlSchema();
}
