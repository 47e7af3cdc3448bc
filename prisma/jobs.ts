// npm run jobs
// Runs one round of every background job that is due (reminders, digests, check-ins, the signal
// refresh, email and webhook delivery) and exits: for cron, or for instances that run none themselves. Two
// rounds at once, or beside a running server, send nothing twice (app/utils/jobs.server.ts).
import { prepareDatabase, runCommand } from "./command";

await runCommand(async () => {
  await prepareDatabase();
  const { runJobRound } = await import("~/utils/jobs.server");
  const { prisma } = await import("~/utils/db.server");
  const report = await runJobRound().finally(() => prisma.$disconnect());
  for (const [name, outcome] of Object.entries(report.passes)) console.log(`${name}: ${outcome}`);
  const { sent, captured, failed } = report.emails;
  console.log(`emails: ${sent} sent, ${captured} captured for the dev outbox, ${failed} failed and queued for a retry`);
  console.log(`webhooks: ${report.webhooks.delivered} delivered, ${report.webhooks.failed} failed tries`);
  // Cron tells someone about a failing command; a pass that failed is worth telling.
  if (Object.values(report.passes).includes("failed")) process.exitCode = 1;
});
