// Two instances of the production server on one PostgreSQL database, as behind a load balancer:
// an email is sent once though both deliver the outbox, a sign-in begun on one finishes on the
// other, and a rate limit counts the hits made on both.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { migrateDatabase } from "../../prisma/migrate";
import { startFakeResend, type FakeResend } from "../setup/fake-resend";
import { ROOT } from "../setup/paths";
import { createEmptyDatabase, ensurePostgres, TEST_DATABASE_PREFIX } from "../setup/postgres";

const BASE_PORT = Number(process.env.E2E_PORT || 3100) + 20;
const INSTANCES = [BASE_PORT, BASE_PORT + 1].map((port) => `http://localhost:${port}`);
const REP = "rep@mutual.test";

let resend: FakeResend;
const servers: ChildProcess[] = [];
let databaseUrl = "";
/** A buyer signed in on the second instance, whose page views that instance counts. */
let viewer: { cookie: string; planId: string; participantId: string; viewsBefore: number } | null = null;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await ensurePostgres();
  const url = await createEmptyDatabase(`${TEST_DATABASE_PREFIX}_two_instances`);
  databaseUrl = url;
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

async function queryDatabase<Row>(sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** The page views the database holds for a buyer. */
async function viewsWritten(participantId: string): Promise<number> {
  const [row] = await queryDatabase<{ views: number }>(
    `SELECT CAST(COALESCE(SUM("views"), 0) AS INTEGER) AS "views" FROM "BuyerVisitDay" WHERE "participantId" = $1`,
    [participantId],
  );
  return row.views;
}

// Before the rate limit's test: that one spends the address's sign-in requests.
test("a buyer asks for a code on one instance and opens the plan with it on the other", async ({ request }) => {
  const [buyer] = await queryDatabase<{ planId: string; participantId: string; email: string }>(
    `SELECT p."id" AS "planId", pp."id" AS "participantId", pp."email" FROM "Plan" p
     JOIN "Participant" pp ON pp."planId" = p."id" AND pp."side" = 'BUYER' AND pp."accessState" = 'ACTIVE'
     WHERE p."status" IN ('SHARED', 'ACCEPTED') ORDER BY pp."id" LIMIT 1`,
  );
  const join = (origin: string, form: Record<string, string>) =>
    request.post(`${origin}/p/${buyer.planId}/join`, { form, headers: { Origin: origin }, maxRedirects: 0 });
  expect((await join(INSTANCES[0], { intent: "request-code", email: buyer.email })).status()).toBe(303);
  const codeOf = () =>
    resend.received
      .filter((r) => r.body.to === buyer.email || (Array.isArray(r.body.to) && r.body.to.includes(buyer.email)))
      .map((r) => /\b(\d{6})\b/.exec(r.body.text ?? "")?.[1])
      .findLast(Boolean);
  await expect.poll(codeOf, { timeout: 30_000 }).toBeTruthy();
  const admitted = await join(INSTANCES[1], { intent: "verify-code", email: buyer.email, code: codeOf()! });
  expect(admitted.status()).toBe(302);
  const cookie = admitted.headers()["set-cookie"]!.split(";")[0];
  // The demo's buyers have visits already.
  const viewsBefore = await viewsWritten(buyer.participantId);
  const page = await request.get(`${INSTANCES[1]}/p/${buyer.planId}`, { headers: { Cookie: cookie }, maxRedirects: 0 });
  expect(page.status()).toBe(200);
  viewer = { cookie, planId: buyer.planId, participantId: buyer.participantId, viewsBefore };
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
test("an instance stopped with SIGTERM writes the page views it counted and exits, though its background passes hold the database pool", async () => {
  const server = servers[1];
  expect(server.exitCode, "the instance was already gone before the signal").toBeNull();
  expect(viewer, "the buyer's sign-in test ran first").not.toBeNull();
  const { cookie, planId, participantId, viewsBefore } = viewer!;
  // A page view is counted in memory and written within a second, as the first one was; a stopping
  // instance writes what it counted before it exits.
  await expect.poll(() => viewsWritten(participantId), { timeout: 10_000 }).toBe(viewsBefore + 1);
  const before = viewsBefore + 1;
  expect((await fetch(`${INSTANCES[1]}/p/${planId}`, { headers: { Cookie: cookie } })).status).toBe(200);
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  server.kill("SIGTERM");
  const code = await Promise.race([exited, new Promise<"still running">((resolve) => setTimeout(resolve, 15_000, "still running"))]);
  expect(code).toBe(0);
  expect(await viewsWritten(participantId)).toBe(before + 1);
  // The other instance goes on serving.
  expect((await fetch(`${INSTANCES[0]}/healthz`)).ok).toBe(true);
});
