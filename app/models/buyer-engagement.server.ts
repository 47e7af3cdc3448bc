// Buyer engagement: visits and opened steps.
import type { JobPass } from "~/utils/job-pass";

export const engagementJobs: JobPass[] = [];
