// Background work inside the server process. Each job is safe to run at any moment and on
// several processes at once: it only brings derived data up to date.
import { refreshAllSignalCaches } from "~/models/signals.server";

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
    refreshAllSignalCaches()
      .catch((error) => console.error("[jobs] signal refresh failed", error))
      .finally(() => {
        running = false;
      });
  };
  setTimeout(run, 2_000).unref();
  signalTimer = setInterval(run, everyMs);
  signalTimer.unref();
}
