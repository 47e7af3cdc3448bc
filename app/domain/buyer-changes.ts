// When the buyer side's changes to a plan are mailed to the rep: changes that come close together
// make one email, sent once the buyer has paused, or at the latest half an hour after the first.

const MINUTE = 60_000;

/** The buyer paused: nothing new for this long. */
export const PAUSE_MS = 5 * MINUTE;
/** However busy the buyer is, the first change waits no longer than this. */
export const LONGEST_WAIT_MS = 30 * MINUTE;
/** Nothing older is ever mailed: a batch that missed its moment (the jobs were down) is history by now. */
export const BACKLOG_MS = 24 * 60 * MINUTE;
/** A change recorded this recently may belong to a transaction still committing beside it: the next batch takes it. */
export const SETTLE_MS = 30_000;

/**
 * Where a plan's next batch starts: after the last change already mailed; for a plan never mailed
 * about, at its first sharing. Never more than a day back.
 */
export function batchStart(mailedThrough: Date | null, sharedAt: Date | null, now: Date): Date {
  const from = mailedThrough ?? sharedAt ?? now;
  const oldestAllowed = new Date(now.getTime() - BACKLOG_MS);
  return from > oldestAllowed ? from : oldestAllowed;
}

/** Whether changes from `oldest` to `newest` make an email now. */
export function batchReady(oldest: Date, newest: Date, now: Date): boolean {
  const at = now.getTime();
  return at - newest.getTime() >= PAUSE_MS || at - oldest.getTime() >= LONGEST_WAIT_MS;
}

/** The last change a batch sent now may hold: later ones wait for the next. */
export function batchEnd(now: Date): Date {
  return new Date(now.getTime() - SETTLE_MS);
}
