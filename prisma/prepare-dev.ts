// Runs before `npm run dev`: brings the database up to date and, when it has no organization yet,
// seeds the demo organization. `--reset` deletes the SQLite file first.
import { rmSync } from "node:fs";
import { CommandError, prepareDatabase, runCommand, sqliteFileInUse } from "./command";
import { databaseKind, describeDatabase, sqliteFilePath } from "./database-url";

await runCommand(async () => {
  if (process.argv.includes("--reset")) {
    if (databaseKind() !== "sqlite") {
      throw new CommandError("db:reset deletes the SQLite file. For PostgreSQL, drop and create the database, then run npm run db:setup.");
    }
    const file = sqliteFilePath();
    // A server keeps reading a deleted file, so it would go on showing the old data.
    if (sqliteFileInUse(file)) {
      throw new CommandError(`${file} is open in another process (probably \`npm run dev\`). Stop it, then run \`npm run db:reset\` again.`);
    }
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  }
  await prepareDatabase();

  const { prisma } = await import("~/utils/db.server");
  if ((await prisma.organization.count()) === 0) {
    const { seedDemo } = await import("./seed");
    const summary = await seedDemo();
    console.log(`\nSeeded the demo organization "${summary.organizationName}" into ${describeDatabase()}.`);
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
