import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";
import { sqliteInTurns } from "./sqlite-turns.server";

function createClient() {
  const adapter = sqliteInTurns(new PrismaBetterSQLite3({ url: env().DATABASE_URL }));
  return new PrismaClient({ adapter });
}

// One client per process and database. Vite reloads modules in development, so the client is
// kept on globalThis, keyed by URL so that a test file with its own database never reuses another's.
const globalForPrisma = globalThis as unknown as { mutualPrisma?: { url: string; client: ReturnType<typeof createClient> } };
const cached = globalForPrisma.mutualPrisma;
export const prisma = cached?.url === env().DATABASE_URL ? cached.client : createClient();
globalForPrisma.mutualPrisma = { url: env().DATABASE_URL, client: prisma };

export type Db = typeof prisma;
export type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];
