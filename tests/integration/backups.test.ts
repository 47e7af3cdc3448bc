// The restore drill, on the database under test (this file runs in both projects): rows written,
// a backup taken, more rows written, the backup restored into a new database, and exactly the rows
// of the moment of the backup found there. A restore never goes over a database in use, and a
// backup taken while writers commit is the database as of one moment.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { CommandError } from "../../prisma/command";
import { databaseKind, sqliteFilePath } from "../../prisma/database-url";
import { MIGRATIONS_DIRS } from "../../prisma/migrations-dirs";
import { readMigrations } from "../../prisma/migrate-postgresql";
import { backupDatabase, restoreDatabase } from "../../prisma/backups";
import { backupPostgresql } from "../../prisma/backup-postgresql";
import { BATCH_SIZE, batchSizes, sqliteIntegrity, startWriters } from "../fixtures/concurrent-writes";
import { appliedMigrations, backupPath, databaseOneMigrationBehind, migratedEmptyDatabase, newDatabase, runScript, snapshot } from "../fixtures/databases";
import { createTenant } from "../fixtures/world";

const url = process.env.DATABASE_URL!;
const kind = databaseKind(url);
const otherKind = kind === "sqlite" ? "postgresql" : "sqlite";
const password = kind === "postgresql" ? new URL(url).password : "";
// Each command, pg_dump and pg_restore start a process of their own (and the migration engine on SQLite): seconds each on a busy machine.
const COMMANDS_TIMEOUT = 90_000;

describe("the restore drill", () => {
  it(
    "restores, through npm run backup and npm run restore, exactly the rows of the moment of the backup",
    async () => {
      const before = await createTenant("Before the backup");
      const atBackup = await snapshot(url);
      expect(atBackup.Organization.rows).toBeGreaterThan(0);
      expect(atBackup.Milestone.rows).toBeGreaterThan(0);

      const file = backupPath(kind);
      const backup = await runScript("prisma/backup.ts", [file], url);
      expect(backup).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Backed up .+ to .+\(\d+(\.\d)? (B|KB|MB)\)\.$/m) });
      expect(backup.stdout).toContain(file);
      expect(statSync(file).mode & 0o777).toBe(0o600);

      // After the backup: a new organization, a change and a deletion, none of which may come back.
      await createTenant("After the backup");
      await prisma.organization.update({ where: { id: before.organization.id }, data: { name: "Renamed after the backup" } });
      await prisma.deal.delete({ where: { id: before.otherRepDeal.deal.id } });
      const later = await snapshot(url);
      for (const table of ["Organization", "User", "Deal", "Milestone"]) expect(later[table]).not.toEqual(atBackup[table]);

      const target = await newDatabase(kind);
      const restore = await runScript("prisma/restore.ts", [file], target);
      expect(restore).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Restored .+: \d+ organizations? and \d+ user accounts?\.$/m) });
      expect(await snapshot(target)).toEqual(atBackup);
      if (password) expect(backup.stdout + backup.stderr + restore.stdout + restore.stderr).not.toContain(`:${password}@`);
    },
    COMMANDS_TIMEOUT,
  );

  it(
    "restores into a database made by the migrations in which no one has written",
    async () => {
      await createTenant("Migrated target");
      const file = backupPath(kind);
      await backupDatabase(file);
      const atBackup = await snapshot(url);

      const target = await migratedEmptyDatabase(kind);
      const restored = await restoreDatabase(file, target);
      expect(restored.organizations).toBe(atBackup.Organization.rows);
      expect(await snapshot(target)).toEqual(atBackup);
    },
    COMMANDS_TIMEOUT,
  );

  it(
    "applies the migrations a backup predates",
    async () => {
      const older = await databaseOneMigrationBehind(kind);
      const all = readMigrations(MIGRATIONS_DIRS[kind]).map((migration) => migration.name);
      expect(await appliedMigrations(older)).toEqual(all.slice(0, -1));
      const file = backupPath(kind);
      if (kind === "postgresql") await backupPostgresql(older, file);
      else new Database(sqliteFilePath(older)).exec(`VACUUM INTO '${file}'`).close();

      const target = await newDatabase(kind);
      await restoreDatabase(file, target);
      expect(await appliedMigrations(target)).toEqual(all);
    },
    COMMANDS_TIMEOUT,
  );
});

describe("a restore over a database in use", () => {
  it(
    "is refused with exit code 1 and a reason, and the database keeps every row",
    async () => {
      await createTenant("Live");
      const file = backupPath(kind);
      await backupDatabase(file);
      await createTenant("Written after the backup");
      const live = await snapshot(url);

      const restore = await runScript("prisma/restore.ts", [file], url);
      expect(restore.code).toBe(1);
      expect(restore.stderr).toMatch(/is live: it holds \d+ organizations? and \d+ user accounts?\. .*nothing was changed/);
      expect(restore.stdout).toBe("");
      if (password) expect(restore.stderr).not.toContain(`:${password}@`);
      expect(await snapshot(url)).toEqual(live);
    },
    COMMANDS_TIMEOUT,
  );

  it("is refused for a file that is not a backup of this kind of database", async () => {
    const target = await newDatabase(kind);
    const notABackup = backupPath(kind);
    writeFileSync(notABackup, "id,name\n1,Acme\n");
    await expect(restoreDatabase(notABackup, target)).rejects.toThrow(/is not a Mutual backup/);
    await expect(restoreDatabase(`${notABackup}.missing`, target)).rejects.toThrow(/There is no backup at/);

    const foreign = backupPath(otherKind);
    writeFileSync(foreign, otherKind === "sqlite" ? "SQLite format 3\0" : "PGDMP");
    await expect(restoreDatabase(foreign, target)).rejects.toThrow(CommandError);
    await expect(restoreDatabase(foreign, target)).rejects.toThrow(/backup, and DATABASE_URL names a/);
  });
});

describe("a damaged backup", () => {
  it(
    "is refused, and the empty database it was to go into keeps its tables",
    async () => {
      await createTenant("Damaged");
      const file = backupPath(kind);
      await backupDatabase(file);
      const whole = readFileSync(file);
      writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
      const target = await migratedEmptyDatabase(kind);
      const before = await snapshot(target);

      await expect(restoreDatabase(file, target)).rejects.toThrow(kind === "sqlite" ? /is damaged/ : /could not read the backup; nothing was changed/);
      expect(await snapshot(target)).toEqual(before);
    },
    COMMANDS_TIMEOUT,
  );
});

describe("a restore into an empty SQLite file another process has open", () => {
  it.runIf(kind === "sqlite")("is refused, since the server would go on using the file it opened", async () => {
    const file = backupPath(kind);
    await backupDatabase(file);
    const target = await migratedEmptyDatabase(kind);
    const server = new Database(sqliteFilePath(target));
    server.prepare("SELECT count(*) FROM Organization").get();
    try {
      await expect(restoreDatabase(file, target)).rejects.toThrow(/is open in another process \(probably the server\)\. Stop it/);
    } finally {
      server.close();
    }
    expect((await snapshot(target)).Organization.rows).toBe(0);
  });
});

describe("a backup taken while writers commit", () => {
  it("holds whole transactions only, and restores", async () => {
    await createTenant("Busy");
    // Some megabytes, so that VACUUM INTO takes long enough for many commits to land while it runs
    // (pg_dump, a process of its own, takes longer than that anyway).
    if (kind === "sqlite") {
      const db = new Database(sqliteFilePath(url));
      const insert = db.prepare(`INSERT INTO "EmailPreference" ("id", "email", "kind") VALUES (?, ?, 'filler')`);
      db.transaction(() => {
        for (let i = 0; i < 20_000; i++) insert.run(`filler-${i}`, `filler-${i}-${"x".repeat(200)}@example.test`);
      })();
      db.close();
    }
    const writers = await startWriters(url);
    const backups: Array<{ file: string; before: number; after: number }> = [];
    try {
      for (let i = 0; i < 3; i++) {
        const before = (await batchSizes(url)).length;
        const file = backupPath(kind);
        await backupDatabase(file);
        backups.push({ file, before, after: (await batchSizes(url)).length });
      }
    } finally {
      await writers.stop();
    }

    for (const { file, before, after } of backups) {
      const copy = kind === "sqlite" ? `file:${file}` : await newDatabase(kind);
      if (kind === "postgresql") await restoreDatabase(file, copy);
      expect(await sqliteIntegrity(copy)).toBe("ok");
      const batches = await batchSizes(copy);
      expect(batches.filter((size) => size !== BATCH_SIZE)).toEqual([]);
      expect(batches.length).toBeGreaterThanOrEqual(before);
      expect(batches.length).toBeLessThanOrEqual(after);
    }
    // The writers went on committing while the copies were taken.
    expect(backups.at(-1)!.after).toBeGreaterThan(backups[0].before);
  }, 120_000);
});
