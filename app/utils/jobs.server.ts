// Background work inside the server process. Each job is safe to run at any moment and on
// several processes at once: it only brings derived data up to date.
import { refreshAllSignalCaches } from "~/models/signals.server";

let signalTimer: NodeJS.Timeout | null = null;
let running = false;

/** Every 10 minutes (and shortly after start), recompute stale deal signals for the dashboard. */
export function startSignalWorker(everyMs = 10 * 60_000): void {
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
  setTimeout(run, 5_000).unref();
  signalTimer = setInterval(run, everyMs);
  signalTimer.unref();
}
