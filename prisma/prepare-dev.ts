// Runs before `npm run dev`: brings the database up to date and, when it has no organization yet,
// seeds the demo organization. `--reset` deletes the SQLite file first.
import { rmSync } from "node:fs";
import { databaseKind, describeDatabase, sqliteFilePath } from "./database-url";
import { migrateDatabase } from "./migrate";

if (process.argv.includes("--reset")) {
  if (databaseKind() !== "sqlite") {
    console.error("db:reset deletes the SQLite file. For PostgreSQL, drop and create the database, then run npm run db:setup.");
    process.exit(2);
  }
  const file = sqliteFilePath();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}
await migrateDatabase();

const { prisma } = await import("~/utils/db.server");
if ((await prisma.organization.count()) === 0) {
  const { seedDemo } = await import("./seed");
  const summary = await seedDemo();
  console.log(`\nSeeded the demo organization "${summary.organizationName}" into ${describeDatabase()}.`);
}
const demo = await prisma.user.findFirst({ where: { email: "rep@mutual.test" } });
await prisma.$disconnect();

console.log(`
  Mutual is starting on http://localhost:5173
${demo ? `  Sign in as the demo rep: rep@mutual.test (also rep2@, manager@ and admin@mutual.test).
  Codes and links arrive at http://localhost:5173/dev/outbox (no email is sent in development).` : "  Sign in with an email created by npm run org:create."}
  Where to read the code: app/routes (pages) -> app/models (scoped data access) -> app/domain (rules).
`);
