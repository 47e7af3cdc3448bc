// What reps and managers are told: buyer changes in batches, and the weekly digest.
import type { JobPass } from "~/utils/job-pass";
import { appUrl } from "~/utils/env.server";
import { sendBuyerChanges } from "./buyer-changes.server";
import { sendWeeklyDigests } from "./weekly-digest.server";

const buyerChanges: JobPass = {
  name: "buyer-changes",
  // Longer than a first pass takes that mails a day's backlog of 2,000 plans (under 4 minutes on PostgreSQL).
  leaseMs: 10 * 60_000,
  async run(now) {
    const queued = await sendBuyerChanges(now, appUrl());
    return `${queued} buyer-change emails queued`;
  },
};

const weeklyDigest: JobPass = {
  name: "weekly-digest",
  // Longer than an organization of 10,000 deals takes.
  leaseMs: 15 * 60_000,
  async run(now) {
    const queued = await sendWeeklyDigests(now, appUrl());
    return `${queued} weekly digests queued`;
  },
};

export const repUpdateJobs: JobPass[] = [buyerChanges, weeklyDigest];
