// What reps and managers are told: buyer changes in batches, and the weekly digest.
import type { JobPass } from "~/utils/job-pass";

export const repUpdateJobs: JobPass[] = [];
