// Two instances of the production server on one PostgreSQL database, as behind a load balancer:
// an email is sent once though both deliver the outbox, a sign-in begun on one finishes on the
// other, and a rate limit counts the hits made on both.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { migrateDatabase } from "../../prisma/migrate";
import { startFakeResend, type FakeResend } from "../setup/fake-resend";
import { ROOT } from "../setup/paths";
import { createEmptyDatabase, ensurePostgres, TEST_DATABASE_PREFIX } from "../setup/postgres";

const BASE_PORT = Number(process.env.E2E_PORT || 3100) + 20;
const INSTANCES = [BASE_PORT, BASE_PORT + 1].map((port) => `http://localhost:${port}`);
const REP = "rep@mutual.test";

let resend: FakeResend;
const servers: ChildProcess[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await ensurePostgres();
  const url = await createEmptyDatabase(`${TEST_DATABASE_PREFIX}_two_instances`);
  await migrateDatabase(url);
  execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "prisma", "seed.ts")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  resend = await startFakeResend();
  for (const [i, origin] of INSTANCES.entries()) {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test", PORT: String(BASE_PORT + i), DATABASE_URL: url, APP_URL: origin };
    servers.push(
      spawn(process.execPath, [path.join(ROOT, "app", "production-server.js"), path.join(ROOT, "build", "server", "index.js")], {
        cwd: ROOT,
        env: { ...env, RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: resend.url },
        stdio: "ignore",
      }),
    );
    await waitForHealth(origin);
  }
});

test.afterAll(async () => {
  for (const server of servers) server.kill("SIGTERM");
  await resend?.close();
});

async function waitForHealth(origin: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${origin} did not start`);
}

async function requestSignIn(request: APIRequestContext, origin: string, email: string) {
  return request.post(`${origin}/login?index`, { form: { email }, headers: { Origin: origin }, maxRedirects: 0 });
}

/** Sign-in emails only: background jobs may send the same person a reminder or a digest meanwhile. */
async function codeEmailsTo(email: string) {
  return resend.received.filter(
    (r) => (r.body.to === email || (Array.isArray(r.body.to) && r.body.to.includes(email))) && r.body.subject === "Your Mutual sign-in code",
  );
}

test("a sign-in requested on one instance is emailed once and finishes on the other", async ({ request }) => {
  const before = (await codeEmailsTo(REP)).length;
  expect((await requestSignIn(request, INSTANCES[0], REP)).status()).toBe(302);
  // Both instances run the outbox worker; the lease lets one of them send it.
  await expect.poll(async () => (await codeEmailsTo(REP)).length, { timeout: 30_000 }).toBe(before + 1);
  await new Promise((resolve) => setTimeout(resolve, 12_000));
  expect(await codeEmailsTo(REP)).toHaveLength(before + 1);
  expect(resend.repeats).toBe(0);

  const email = (await codeEmailsTo(REP)).at(-1)!;
  const code = /\b(\d{6})\b/.exec(email.body.text ?? "")?.[1];
  expect(code).toBeTruthy();
  const verified = await request.post(`${INSTANCES[1]}/auth/verify`, {
    form: { email: REP, code: code!, redirectTo: "/deals" },
    headers: { Origin: INSTANCES[1] },
    maxRedirects: 0,
  });
  expect(verified.status()).toBe(302);
  const cookie = verified.headers()["set-cookie"]!.split(";")[0];
  // The session made on the second instance opens the pipeline on the first.
  const deals = await request.get(`${INSTANCES[0]}/deals`, { headers: { Cookie: cookie }, maxRedirects: 0 });
  expect(deals.status()).toBe(200);
  expect(await deals.text()).toContain("Sign out");
});

test("a rate limit counts the hits made on both instances", async ({ request }) => {
  // 30 sign-in requests per address in 15 minutes; earlier tests spent some of them.
  const statuses: number[] = [];
  for (let i = 0; i < 32; i++) {
    const origin = INSTANCES[i % 2];
    statuses.push((await requestSignIn(request, origin, `nobody-${i}@example.test`)).status());
  }
  const firstRefusal = statuses.indexOf(429);
  expect(firstRefusal).toBeGreaterThan(0);
  expect(firstRefusal).toBeLessThanOrEqual(30);
  expect(statuses.slice(firstRefusal).every((status) => status === 429)).toBe(true);
});

// Last in this file: it stops the second instance.
test("an instance stopped with SIGTERM exits, though its background passes hold the database pool", async () => {
  const server = servers[1];
  expect(server.exitCode, "the instance was already gone before the signal").toBeNull();
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  server.kill("SIGTERM");
  const code = await Promise.race([exited, new Promise<"still running">((resolve) => setTimeout(resolve, 15_000, "still running"))]);
  expect(code).toBe(0);
  // The other instance goes on serving.
  expect((await fetch(`${INSTANCES[0]}/healthz`)).ok).toBe(true);
});
