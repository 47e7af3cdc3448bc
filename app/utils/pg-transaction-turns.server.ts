// A PostgreSQL transaction runs on one connection, and Prisma's client sends some reads' parts at
// once (a record with two relations reads both together). The pg driver queues a statement sent
// while another runs, warns that it will refuse it from pg 9, and says why: ordering is the
// caller's to do. Statements outside a transaction go to the pool, where each gets a connection.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { Turns } from "./turns.server";

function oneStatementAtATime(transaction: Transaction): Transaction {
  const turns = new Turns();
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query: SqlQuery) => turns.run(() => transaction.queryRaw(query)),
    executeRaw: (query: SqlQuery) => turns.run(() => transaction.executeRaw(query)),
    commit: () => turns.run(() => transaction.commit()),
    rollback: () => turns.run(() => transaction.rollback()),
  };
}

function withTransactionsInTurns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query: SqlQuery) => adapter.queryRaw(query),
    executeRaw: (query: SqlQuery) => adapter.executeRaw(query),
    executeScript: (script: string) => adapter.executeScript(script),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    startTransaction: async (isolationLevel) => oneStatementAtATime(await adapter.startTransaction(isolationLevel)),
  };
}

/** The same adapter factory, whose transactions send their statements one after another. */
export function pgTransactionsInTurns(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => withTransactionsInTurns(await factory.connect()),
  };
}
