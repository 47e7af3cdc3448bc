/**
 * One kind of background work: a pass does everything due at `now` and returns what it did, in a
 * few words for the log. A pass must be safe to repeat, and to run beside itself: the lease keeps
 * two instances from running it together, and what it queues carries a unique idempotency key.
 */
export interface JobPass {
  name: string;
  /** Longer than a pass takes; a crashed holder's lease lapses after it. */
  leaseMs: number;
  run(now: Date): Promise<string>;
}

/**
 * One organization's or one plan's share of a pass. A failure there (a row no reader expected) is
 * logged and the pass goes on with the next, so one bad row never stops everyone's email.
 */
export async function isolated<T>(pass: string, what: string, work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    console.error(`[jobs] ${pass} failed for ${what}`, error);
    return null;
  }
}
