import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DatabaseKind } from "./database-url";

const PRISMA_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Each database has its own migrations, generated from the one schema by `npm run db:migration`. */
export const MIGRATIONS_DIRS: Record<DatabaseKind, string> = {
  sqlite: path.join(PRISMA_DIR, "migrations"),
  postgresql: path.join(PRISMA_DIR, "migrations-postgresql"),
};
