// The SQLite adapter runs every statement on one connection. Its transactions wait for each other,
// but a statement outside a transaction does not wait for an open one: it runs inside it, sees its
// uncommitted rows, and is rolled back with it. This wrapper makes every statement outside a
// transaction wait until no transaction is open, so each request sees only committed data and no
// write can be swallowed by someone else's rollback.
//
// Across processes (a server and `npm run jobs` on one file), a transaction must also hold the
// write lock from its first statement, as BEGIN IMMEDIATE does: one that read first and wrote later
// fails with SQLITE_BUSY_SNAPSHOT whenever the other process wrote in between, where waiting for the
// lock would have succeeded.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { Turns } from "./turns.server";

const TAKE_WRITE_LOCK: SqlQuery = { sql: 'DELETE FROM "JobLease" WHERE 0', args: [], argTypes: [] };

function inTurns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const turns = new Turns();
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query: SqlQuery) => turns.run(() => adapter.queryRaw(query)),
    executeRaw: (query: SqlQuery) => turns.run(() => adapter.executeRaw(query)),
    executeScript: (script: string) => turns.run(() => adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel): Promise<Transaction> {
      const release = await turns.take();
      let transaction: Transaction | null = null;
      try {
        transaction = await adapter.startTransaction(isolationLevel);
        // The adapter begins with a plain BEGIN; a write statement that changes nothing takes the
        // write lock now (waiting for it like any write), before the transaction reads anything.
        await transaction.executeRaw(TAKE_WRITE_LOCK);
        return releasingOnEnd(transaction, release);
      } catch (error) {
        // The lock never came (another process held it past the busy timeout): end the BEGIN, or
        // the connection stays inside it and the adapter's own lock is never given back.
        if (transaction) await abandon(transaction);
        release();
        throw error;
      }
    },
  };
}

async function abandon(transaction: Transaction) {
  await transaction.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => undefined);
  await transaction.rollback();
}

function releasingOnEnd(transaction: Transaction, release: () => void): Transaction {
  const end = (finish: () => Promise<void>) => async () => {
    try {
      await finish();
    } finally {
      release();
    }
  };
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query: SqlQuery) => transaction.queryRaw(query),
    executeRaw: (query: SqlQuery) => transaction.executeRaw(query),
    commit: end(() => transaction.commit()),
    rollback: end(() => transaction.rollback()),
  };
}

/** The same adapter factory, whose connections make statements outside a transaction wait their turn. */
export function sqliteInTurns(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => inTurns(await factory.connect()),
  };
}
