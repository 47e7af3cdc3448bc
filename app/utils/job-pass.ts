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
