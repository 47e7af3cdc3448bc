// A customer's receiver, as the integration promises it: a local HTTP server checks every request's
// Standard Webhooks signature with its own HMAC code, answers 500 to the first try of each event,
// and sees the retry succeed. Deliveries run in the production server; it is killed (SIGKILL) while
// delivering, events are recorded while it is down, and after a restart on the same database the
// receiver has processed every event exactly once, dropping repeats by webhook-id.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { milestoneForm, sellerPost, sharePlan } from "../fixtures/buyers";
import { actorFor, addDealWithPlan, createTenant, type Tenant } from "../fixtures/world";
import { registerEndpoint, startReceiver } from "../fixtures/webhooks";

const ROOT = path.resolve(__dirname, "../..");
const SERVER_BUILD = path.join(ROOT, "build", "server", "index.js");

/** The newest change among what the server build is made from (tests left out). */
function newestSource(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestSource(path.join(entry, name))));
}

function buildIsCurrent(): boolean {
  if (!existsSync(SERVER_BUILD)) return false;
  const sources = ["app", "emails", "public", "package.json", "package-lock.json", "vite.config.ts"].map((name) => path.join(ROOT, name)).filter(existsSync);
  return statSync(SERVER_BUILD).mtimeMs > Math.max(...sources.map(newestSource));
}

/** The environment of a build from a shell: Vitest's own settings would make Vite build for tests. */
function buildEnv(): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && name !== "TEST");
  return { ...Object.fromEntries(inherited), NODE_ENV: "production" };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startServer(port: number): ChildProcess {
  // VITEST cleared: the server runs its background loops as in production. No provider: email is captured.
  const { RESEND_API_KEY: _key, RESEND_BASE_URL: _url, ...inherited } = process.env;
  return spawn(process.execPath, [path.join(ROOT, "app", "production-server.js"), SERVER_BUILD], {
    cwd: ROOT,
    env: { ...inherited, VITEST: "", NODE_ENV: "test", PORT: String(port), APP_URL: `http://localhost:${port}` },
    stdio: process.env.WEBHOOK_TEST_LOG ? "inherit" : "ignore",
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

let A: Tenant;
let server: ChildProcess | null = null;

beforeAll(async () => {
  // The production build is what `npm start` serves. Vitest runs before the suite's own build, so
  // this test builds whenever the build is missing or older than any source: never an old server.
  if (!buildIsCurrent()) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore", env: buildEnv() });
  A = await createTenant("Receiver");
}, 180_000);

afterAll(() => {
  server?.kill("SIGKILL");
});

describe("a signed webhook receiver", () => {
  it("verifies every signature, sees each retry after a 500, and processes each event once across a server restart", async () => {
    let secret: string | null = null;
    // What the receiver's own code did: processed each webhook-id once, acknowledged repeats.
    const processed = new Map<string, number>();
    let onFirstSuccess: () => void = () => {};
    const receiver = await startReceiver(
      (request, tries) => {
        if (!request.verified) return 401;
        if (tries === 1) return 500;
        // A repeat of an id already processed (a send the crash cut short) is acknowledged and dropped.
        const id = String(request.headers["webhook-id"]);
        if (!processed.has(id)) processed.set(id, 1);
        onFirstSuccess();
        return 200;
      },
      () => secret,
    );
    try {
      const created = await registerEndpoint(await actorFor(A.admin.id), receiver.url, ["step.completed", "step.redated", "plan.shared"]);
      secret = created.secret;
      const { deal, milestones } = await addDealWithPlan(A.repActor);
      // The seller's step is completed by the rep's mark (a buyer's step waits for the buyer); three others are re-dated.
      const sellerStep = milestones.find((m) => m.ownerSide === "SELLER")!;
      const others = milestones.filter((m) => m.id !== sellerStep.id);
      await sellerPost(deal.id, await milestoneForm(sellerStep.id, { status: "DONE" }));
      for (const [i, m] of others.slice(0, 3).entries()) await sellerPost(deal.id, await milestoneForm(m.id, { targetDate: `2027-02-0${i + 1}` }));
      const port = await freePort();

      // The first successes start coming in about 30 s after the first tries; the server dies then.
      const killed = new Promise<void>((resolve) => {
        onFirstSuccess = () => {
          onFirstSuccess = () => {};
          server?.kill("SIGKILL");
          resolve();
        };
      });
      server = startServer(port);
      const firstSuccess = await until(() => processed.size > 0, 90_000);
      expect({ firstSuccess, received: receiver.received.length }).toMatchObject({ firstSuccess: true });
      await killed;
      await new Promise((resolve) => (server!.exitCode !== null || server!.signalCode ? resolve(null) : server!.once("exit", resolve)));

      // Recorded while no server runs: they wait in the database.
      await sellerPost(deal.id, await milestoneForm(others[3].id, { targetDate: "2027-03-01" }));
      await sharePlan(deal.id);
      const events = await prisma.webhookEvent.findMany({ where: { organizationId: A.organization.id }, select: { id: true } });
      expect(events).toHaveLength(6);

      // Every id acknowledged so far was sent by the killed server; only those may come twice.
      const sentBeforeRestart = new Set(receiver.received.filter((r) => r.status === 200).map((r) => String(r.headers["webhook-id"])));
      server = startServer(port);
      const allDelivered = await until(
        async () => (await prisma.webhookDelivery.count({ where: { organizationId: A.organization.id, status: "DELIVERED" } })) === events.length,
        120_000,
      );
      expect(allDelivered).toBe(true);

      expect(receiver.received.every((r) => r.verified)).toBe(true);
      expect([...processed.keys()].sort()).toEqual(events.map((e) => e.id).sort());
      // Raw receipts per webhook-id, apart from what the receiver processed.
      const acknowledged = (id: string) => receiver.received.filter((r) => r.headers["webhook-id"] === id && r.status === 200).length;
      for (const { id } of events) {
        expect(processed.get(id)).toBe(1);
        expect(acknowledged(id)).toBeGreaterThanOrEqual(1);
      }
      const repeated = events.filter(({ id }) => acknowledged(id) > 1).map(({ id }) => id);
      // Only sends the kill cut short come again (at most the concurrent sends), once each.
      expect(repeated.every((id) => sentBeforeRestart.has(id) && acknowledged(id) === 2)).toBe(true);
      expect(repeated.length).toBeLessThanOrEqual(4);
      // The send that triggered the kill was acknowledged but never recorded: it must be repeated.
      expect(repeated.length).toBeGreaterThanOrEqual(1);
      for (const { id } of events) {
        const tries = receiver.received.filter((r) => r.headers["webhook-id"] === id);
        expect(tries[0].status).toBe(500);
        expect(tries.some((r) => r.status === 200)).toBe(true);
      }
      const attempts = await prisma.webhookAttempt.findMany({ where: { delivery: { organizationId: A.organization.id } } });
      expect(attempts.filter((a) => a.statusCode === 500)).toHaveLength(events.length);
    } finally {
      server?.kill("SIGKILL");
      await receiver.close();
    }
  }, 300_000);
});
