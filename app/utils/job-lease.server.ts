// A lease per background job, held in the database: with several app instances on one database,
// one of them runs a job's pass at a time, and a lease whose holder died lapses on its own.
import { randomBytes } from "node:crypto";
import { prisma } from "./db.server";

/** This process, as a lease holder. */
const THIS_PROCESS = randomBytes(8).toString("hex");

/**
 * Takes the lease if it is free, lapsed or already ours; true when this process holds it now.
 * One statement: the conflict update only happens where the WHERE allows, and returns no row
 * otherwise, on SQLite and PostgreSQL alike.
 */
export async function takeLease(name: string, ttlMs: number, holder = THIS_PROCESS, now = Date.now()): Promise<boolean> {
  const expiresAtMs = BigInt(now + ttlMs);
  const rows = await prisma.$queryRaw<Array<{ holder: string }>>`
    INSERT INTO "JobLease" ("name", "holder", "expiresAtMs") VALUES (${name}, ${holder}, ${expiresAtMs})
    ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "expiresAtMs" = excluded."expiresAtMs"
    WHERE "JobLease"."expiresAtMs" <= ${BigInt(now)} OR "JobLease"."holder" = excluded."holder"
    RETURNING "holder"`;
  return rows.length === 1 && rows[0].holder === holder;
}

/** Gives the lease up at once, so the next pass anywhere need not wait for it to lapse. */
export async function releaseLease(name: string, holder = THIS_PROCESS): Promise<void> {
  await prisma.jobLease.updateMany({ where: { name, holder }, data: { expiresAtMs: 0n } });
}

/** Runs `work` only while holding the lease; returns null when another process holds it. */
export async function withLease<T>(name: string, ttlMs: number, work: () => Promise<T>): Promise<T | null> {
  if (!(await takeLease(name, ttlMs))) return null;
  try {
    return await work();
  } finally {
    await releaseLease(name);
  }
}
