// Runs before `npm run dev`: brings the SQLite file up to date and, on a new database, seeds the
// demo organization. `--reset` deletes the file first.
import { existsSync, rmSync } from "node:fs";
import { CommandError, prepareDatabase, runCommand, sqliteFileInUse } from "./command";
import { databaseUrl, sqliteFilePath } from "./database-url";

await runCommand(async () => {
  const file = sqliteFilePath();
  if (process.argv.includes("--reset")) {
    // A server keeps reading a deleted file, so it would go on showing the old data.
    if (sqliteFileInUse(file)) {
      throw new CommandError(`${file} is open in another process (probably \`npm run dev\`). Stop it, then run \`npm run db:reset\` again.`);
    }
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  }
  const isNew = !existsSync(file);
  prepareDatabase();

  const { prisma } = await import("~/utils/db.server");
  if (isNew || (await prisma.organization.count()) === 0) {
    const { seedDemo } = await import("./seed");
    const summary = await seedDemo();
    console.log(`\nSeeded the demo organization "${summary.organizationName}" into ${databaseUrl()}.`);
  }
  const demo = await prisma.user.findFirst({ where: { email: "rep@mutual.test" } });
  await prisma.$disconnect();
  printWelcome(Boolean(demo));
});

function printWelcome(hasDemo: boolean) {
  const signIn = hasDemo
    ? [
        "Sign in as the demo rep: rep@mutual.test (also rep2@, manager@ and admin@mutual.test).",
        "Codes and links arrive at http://localhost:5173/dev/outbox (no email is sent in development).",
      ]
    : ["Sign in with an email created by npm run org:create."];
  const lines = [
    "Mutual is starting on http://localhost:5173",
    ...signIn,
    "Where to read the code: app/routes (pages) -> app/models (scoped data access) -> app/domain (rules).",
  ];
  console.log(`\n${lines.map((line) => `  ${line}`).join("\n")}\n`);
}
