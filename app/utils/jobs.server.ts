// Background work inside the server process. Every instance starts it; a lease in the database
// lets one instance at a time run a pass, so nothing is computed twice.
import { refreshAllSignalCaches } from "~/models/signals.server";
import { withLease } from "./job-lease.server";

/** Longer than a pass at 10,000 deals takes; a crashed holder's lease lapses after it. */
const SIGNAL_LEASE_MS = 10 * 60_000;

let signalTimer: NodeJS.Timeout | null = null;
let running = false;

/**
 * Once a minute (and shortly after start), recompute the signal cache rows that need it: those a
 * change marked stale, and, within a minute of an organization's midnight, every row computed for
 * the day before, so the day's refresh is done before people arrive. A minute with nothing to do
 * costs one indexed query per organization.
 */
export function startSignalWorker(everyMs = 60_000): void {
  if (signalTimer || process.env.VITEST) return;
  const run = () => {
    if (running) return;
    running = true;
    withLease("signal-refresh", SIGNAL_LEASE_MS, () => refreshAllSignalCaches())
      .catch((error) => console.error("[jobs] signal refresh failed", error))
      .finally(() => {
        running = false;
      });
  };
  setTimeout(run, 2_000).unref();
  signalTimer = setInterval(run, everyMs);
  signalTimer.unref();
}
