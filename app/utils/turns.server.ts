// A first-come, first-served lock for one connection's statements: the SQLite adapter's one
// connection (app/utils/sqlite-turns.server.ts) and a PostgreSQL transaction's
// (app/utils/pg-transaction-turns.server.ts).

/** One holder at a time, in the order they asked. */
export class Turns {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves with a release function once every earlier holder has released. */
  take(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const turn = this.tail.then(() => release);
    this.tail = this.tail.then(() => released);
    return turn;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.take();
    try {
      return await work();
    } finally {
      release();
    }
  }
}
