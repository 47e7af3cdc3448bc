// Reminders: due in 2 days, overdue, awaiting confirmation, and the stale-plan check-in.
import type { JobPass } from "~/utils/job-pass";

export const reminderJobs: JobPass[] = [];
