import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "~/generated/prisma-postgresql/client";
import { databaseKind } from "../../prisma/database-url";
import { env } from "./env.server";
import { withStatementCache } from "./sqlite-statement-cache.server";
import { sqliteInTurns } from "./sqlite-turns.server";
import { pgTransactionsInTurns } from "./pg-transaction-turns.server";

// DATABASE_URL's scheme picks the database. Both clients come from the same models
// (prisma/postgresql-schema.ts), so the app is typed once, against the SQLite client: that keeps
// it to what both databases can do.
//
// Under load a transaction waits for a free connection (PostgreSQL's pool) or its turn (SQLite):
// Prisma's default of 2 s turned that wait into a 500 for a save that would have succeeded.
const transactionOptions = { maxWait: 10_000 };

function createClient(url: string): PrismaClient {
  if (databaseKind(url) === "postgresql") {
    const client = new PostgresqlPrismaClient({ adapter: pgTransactionsInTurns(new PrismaPg({ connectionString: url })), transactionOptions });
    return client as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: sqliteInTurns(withStatementCache(securelyDeleting(new PrismaBetterSQLite3({ url })))), transactionOptions });
}

/**
 * Every SQLite connection overwrites with zeros what a change or a delete frees, so an old value
 * does not linger in the file's free pages. (Old pages in the WAL are another matter: secrets are
 * never written in a usable form in the first place, app/utils/sealed.server.ts.)
 */
export function securelyDeleting(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = await factory.connect();
      await connection.executeScript("PRAGMA secure_delete = ON");
      return connection;
    },
  };
}

// One client per process and database. Vite reloads modules in development, so the client is
// kept on globalThis, keyed by URL so that a test file with its own database never reuses another's.
const globalForPrisma = globalThis as unknown as { mutualPrisma?: { url: string; client: PrismaClient } };
const cached = globalForPrisma.mutualPrisma;
export const prisma = cached?.url === env().DATABASE_URL ? cached.client : createClient(env().DATABASE_URL);
globalForPrisma.mutualPrisma = { url: env().DATABASE_URL, client: prisma };

/** For the few statements that must be written twice, once for each database (each twin says why). */
export const onPostgresql = databaseKind(env().DATABASE_URL) === "postgresql";

export type Db = typeof prisma;
export type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];
