// npm run backup -- [path]
// Writes a consistent copy of the database DATABASE_URL names, by default to
// backups/mutual-<time>.db (SQLite) or .dump (PostgreSQL). Safe while the server runs.
import { runCommand } from "./command";
import { describeDatabase } from "./database-url";
import { backupDatabase, formatSize, pathArgument } from "./backups";

// Files this process and pg_dump create are its owner's alone from their first byte.
process.umask(0o077);

await runCommand(async () => {
  const target = pathArgument("Usage: npm run backup -- [path of the backup file]");
  const backup = await backupDatabase(target);
  console.log(`Backed up ${describeDatabase()} to ${backup.file} (${formatSize(backup.bytes)}).`);
});
