// The command-line entry points run beside a dev server that holds the same SQLite file open:
// they must not start Prisma's schema engine (which needs the file to itself) when nothing is
// pending, and must explain themselves when something is.
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { CommandError, pendingMigrations, prepareDatabase, sqliteFileInUse } from "../../prisma/command";
import { TEMPLATE_DB, TMP } from "../setup/paths";
import { uniqueSuffix } from "../fixtures/world";

const files: string[] = [];
function copyOfTemplate(): string {
  const file = path.join(TMP, `vitest-commands-${uniqueSuffix()}.db`);
  copyFileSync(TEMPLATE_DB, file);
  files.push(file);
  return file;
}
afterEach(() => {
  for (const file of files.splice(0)) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
});

describe("preparing the database for a command", () => {
  it("finds nothing pending on a migrated file and every migration on a missing one", () => {
    const file = copyOfTemplate();
    expect(pendingMigrations(file)).toEqual([]);
    expect(pendingMigrations(path.join(TMP, `missing-${uniqueSuffix()}.db`)).length).toBeGreaterThan(0);
  });

  it("sees another connection holding the file open, and not after it closes", () => {
    const file = copyOfTemplate();
    expect(sqliteFileInUse(file)).toBe(false);
    const server = new Database(file);
    server.prepare("SELECT count(*) FROM Organization").get();
    expect(sqliteFileInUse(file)).toBe(true);
    server.close();
    expect(sqliteFileInUse(file)).toBe(false);
  });

  it("leaves an up-to-date file alone while another process uses it", async () => {
    const file = copyOfTemplate();
    const server = new Database(file);
    server.prepare("SELECT count(*) FROM Organization").get();
    await expect(prepareDatabase(`file:${file}`)).resolves.toBeUndefined();
    server.close();
  });

  it("says what to do when a migration is pending and the file is in use", async () => {
    const file = copyOfTemplate();
    const server = new Database(file);
    server.prepare("DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)").run();
    await expect(prepareDatabase(`file:${file}`)).rejects.toThrow(CommandError);
    await expect(prepareDatabase(`file:${file}`)).rejects.toThrow(/another process has it open \(probably `npm run dev`\)/);
    server.close();
  });
});
