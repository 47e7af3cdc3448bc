// What reps and managers are told: buyer changes in batches, and the weekly digest.
import type { JobPass } from "~/utils/job-pass";
import { appUrl } from "~/utils/env.server";
import { sendBuyerChanges } from "./buyer-changes.server";

const buyerChanges: JobPass = {
  name: "buyer-changes",
  leaseMs: 5 * 60_000,
  async run(now) {
    const queued = await sendBuyerChanges(now, appUrl());
    return `${queued} buyer-change emails queued`;
  },
};

export const repUpdateJobs: JobPass[] = [buyerChanges];
