// Runs once per `vitest run`: builds a template SQLite file from prisma/migrations.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../prisma/migrate";
import { TEMPLATE_DB, TMP } from "./paths";

export default async function setup() {
  mkdirSync(TMP, { recursive: true });
  for (const name of readdirSync(TMP)) if (name.startsWith("vitest-")) rmSync(path.join(TMP, name), { force: true });
  rmSync(TEMPLATE_DB, { force: true });
  await migrateDatabase(`file:${TEMPLATE_DB}`);
  return undefined;
}
