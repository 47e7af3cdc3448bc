// npm run restore -- <path>
// Brings a backup back into the database DATABASE_URL names, only when that database is empty
// (see refusalToRestore in backups.ts), then applies the migrations the backup predates.
import { CommandError, runCommand } from "./command";
import { describeDatabase } from "./database-url";
import { describeContents, pathArgument, restoreDatabase } from "./backups";

const USAGE = "Usage: npm run restore -- <path of the backup file>";

await runCommand(async () => {
  const source = pathArgument(USAGE);
  if (!source) throw new CommandError(USAGE);
  const restored = await restoreDatabase(source);
  console.log(`Restored ${source} into ${describeDatabase()}: ${describeContents(restored)}.`);
});
