// The production server killed with email queued and provider calls in flight: after a restart
// every email reaches the provider within a minute, and each reaches it once.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../app/generated/prisma/client";
import { migrateDatabase } from "../../prisma/migrate";
import { startFakeResend } from "../setup/fake-resend";
import { ROOT, TMP } from "../setup/paths";

const PORT = Number(process.env.E2E_PORT || 3100) + 10;
const DB_FILE = path.join(TMP, "outbox-crash.db");
const URL_ = `file:${DB_FILE}`;

function startServer(resendUrl: string): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, "app", "production-server.js"), path.join(ROOT, "build", "server", "index.js")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(PORT),
      DATABASE_URL: URL_,
      APP_URL: `http://localhost:${PORT}`,
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: resendUrl,
    },
    stdio: "ignore",
  });
}

async function until(condition: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

test("a crash with email queued and a call in flight loses none and sends none twice", async () => {
  test.setTimeout(150_000);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${DB_FILE}${suffix}`, { force: true });
  await migrateDatabase(URL_);
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: URL_ }) });
  const resend = await startFakeResend();
  let server: ChildProcess | null = null;
  try {
    const keys = Array.from({ length: 10 }, (_, i) => `crash-${i}-${Date.now()}`);
    for (const [i, key] of keys.entries()) {
      await prisma.emailOutbox.create({
        data: {
          kind: i < 3 ? "SIGN_IN" : "DIGEST",
          to: `person${i}@example.test`,
          subject: `Email ${key}`,
          html: "<p>Hello</p>",
          text: "Hello",
          containsSecret: i < 3,
          idempotencyKey: key,
        },
      });
    }

    // Every call hangs: the first pass holds some rows in flight and leaves the rest queued.
    resend.hangNext(keys.length, 120_000);
    server = startServer(resend.url);
    expect(await until(() => resend.received.length > 0, 30_000)).toBe(true);
    server.kill("SIGKILL");
    await new Promise((resolve) => server!.once("exit", resolve));
    const inFlight = resend.received.length;
    const queued = await prisma.emailOutbox.count({ where: { status: "PENDING" } });
    expect(queued).toBe(keys.length);

    resend.hangNext(0, 0);
    const restartedAt = Date.now();
    server = startServer(resend.url);
    const allSent = await until(async () => (await prisma.emailOutbox.count({ where: { status: "SENT" } })) === keys.length, 60_000);
    expect(allSent).toBe(true);
    expect(Date.now() - restartedAt).toBeLessThan(60_000);

    // Once at the provider: the calls that were in flight came back with their idempotency key.
    for (const key of keys) expect(resend.received.filter((r) => r.headers["idempotency-key"] === key)).toHaveLength(1);
    expect(resend.repeats).toBe(inFlight);
  } finally {
    server?.kill("SIGKILL");
    await resend.close();
    await prisma.$disconnect();
  }
});
