// Background work. The server runs every pass once a minute (app/entry.server.tsx); `npm run jobs`
// runs one round of them and exits, for cron. A lease in the database lets one process at a time
// run each pass, and everything a pass queues carries a unique idempotency key, so two rounds at
// once, or two instances, never send the same email twice.
import { refreshAllSignalCaches } from "~/models/signals.server";
import { reminderJobs } from "~/models/reminders.server";
import { repUpdateJobs } from "~/models/rep-updates.server";
import { engagementJobs } from "~/models/buyer-engagement.server";
import { webhookLogJobs } from "~/models/webhook-log.server";
import { deliverDueEmails } from "./outbox-delivery.server";
import { deliverDueWebhooks, webhookWorkerRunning, type WebhookReport } from "./webhook-delivery.server";
import { resealOlderSigningSecrets } from "./webhook-signing.server";
import type { JobPass } from "./job-pass";
import { withLease } from "./job-lease.server";

/** Recomputes the signal cache rows a change marked stale, and every row once a new day begins. */
const signalRefresh: JobPass = {
  name: "signal-refresh",
  // Longer than a pass at 10,000 deals takes.
  leaseMs: 10 * 60_000,
  async run(now) {
    const refreshed = await refreshAllSignalCaches(now);
    return `${refreshed} deals refreshed`;
  },
};

/** After SESSION_SECRET is rotated, seals every webhook signing secret under the new value. */
const webhookSecretReseal: JobPass = {
  name: "webhook-secret-reseal",
  leaseMs: 5 * 60_000,
  async run() {
    return `${await resealOlderSigningSecrets()} signing secrets re-sealed`;
  },
};

export const JOB_PASSES: readonly JobPass[] = [signalRefresh, ...reminderJobs, ...repUpdateJobs, ...engagementJobs, ...webhookLogJobs, webhookSecretReseal];

export interface JobRoundReport {
  /** Each pass's own words, or "skipped" when another process held it. */
  passes: Record<string, string>;
  emails: { sent: number; captured: number; failed: number };
  webhooks: WebhookReport;
}

/**
 * Runs every pass that no other process is running, then delivers what is due. A pass (or a
 * delivery) that fails is logged and the others still run: one bad row must not stop every reminder.
 */
export async function runJobRound(now = new Date()): Promise<JobRoundReport> {
  const passes: Record<string, string> = {};
  for (const pass of JOB_PASSES) {
    try {
      passes[pass.name] = (await withLease(pass.name, pass.leaseMs, () => pass.run(now))) ?? "skipped: another process runs it";
    } catch (error) {
      passes[pass.name] = "failed";
      console.error(`[jobs] ${pass.name} failed`, error);
    }
  }
  return {
    passes,
    emails: await logged("email delivery", deliverDueEmails, { sent: 0, captured: 0, failed: 0 }),
    // The server's own webhook loop sends every 5 s; a round in the same process adds nothing.
    webhooks: webhookWorkerRunning() ? { delivered: 0, failed: 0 } : await logged("webhook delivery", () => deliverDueWebhooks(), { delivered: 0, failed: 0 }),
  };
}

async function logged<T>(name: string, work: () => Promise<T>, nothing: T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    console.error(`[jobs] ${name} failed`, error);
    return nothing;
  }
}

let timer: NodeJS.Timeout | null = null;
let running = false;

/** A round shortly after start, then once a minute. Email and webhook delivery have their own faster loops. */
export function startJobWorker(everyMs = 60_000): void {
  if (timer || process.env.VITEST) return;
  const run = () => {
    if (running) return;
    running = true;
    runJobRound()
      .catch((error) => console.error("[jobs] round failed", error))
      .finally(() => {
        running = false;
      });
  };
  setTimeout(run, 2_000).unref();
  timer = setInterval(run, everyMs);
  timer.unref();
}
