// SQL between two states of the one schema, for either database, from Prisma's offline differ
// (`prisma migrate diff`). The PostgreSQL side reads the twin schema (postgresql-schema.ts), and its
// differ needs a server to connect to, though it changes nothing there.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseKind } from "./database-url";
import { postgresqlSchemaFrom } from "./postgresql-schema";

export interface DiffOptions {
  kind: DatabaseKind;
  /** A schema.prisma file (SQLite flavour, as committed), or "empty". */
  from: string | "empty";
  to: string;
  /** PostgreSQL only: a server the differ may connect to. */
  postgresqlUrl?: string;
}

export function migrationSql({ kind, from, to, postgresqlUrl }: DiffOptions): string {
  const work = mkdtempSync(path.join(tmpdir(), "mutual-diff-"));
  try {
    const flavoured = (file: string, name: string) => {
      if (kind === "sqlite") return file;
      const twin = path.join(work, name);
      writeFileSync(twin, postgresqlSchemaFrom(readFileSync(file, "utf8")));
      return twin;
    };
    const fromArgs = from === "empty" ? ["--from-empty"] : ["--from-schema-datamodel", flavoured(from, "from.prisma")];
    const url = kind === "sqlite" ? `file:${path.join(work, "scratch.db")}` : postgresqlUrl;
    if (!url) throw new Error("A PostgreSQL server is needed to write PostgreSQL migrations");
    const cli = path.resolve("node_modules", "prisma", "build", "index.js");
    return execFileSync(process.execPath, [cli, "migrate", "diff", ...fromArgs, "--to-schema-datamodel", flavoured(to, "to.prisma"), "--script"], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** True when the diff has no statement: Prisma writes only a comment for an empty migration. */
export function isEmptyMigration(sql: string): boolean {
  return sql.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("--"));
}
