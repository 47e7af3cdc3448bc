// npm run load -- [--editors 200] [--seconds 60] [--think-ms 1000] [--port 3790] [--profile]
// Starts the production build (run `npm run build` first) on a fresh SQLite database, or on the
// database DATABASE_URL names, and lets N editors work on one plan at once: half sellers on the
// deal page, half buyers on the plan page, reading, re-dating, completing, confirming and
// commenting through the forms those pages post. Then it checks the database: every accepted write
// is there, every stale write was refused with a 409. It prints figures; it never fails on time.
import { existsSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ROOT, SERVER_BUILD, startProductionServer, stopProductionServer } from "../support/production-server";

const { values } = parseArgs({
  options: {
    editors: { type: "string", default: "200" },
    seconds: { type: "string", default: "60" },
    "think-ms": { type: "string", default: "1000" },
    port: { type: "string", default: "3790" },
    profile: { type: "boolean", default: false },
  },
});
const editors = Number(values.editors);
const seconds = Number(values.seconds);
const thinkMs = Number(values["think-ms"]);
const port = Number(values.port);
if (![editors, seconds, thinkMs, port].every((n) => Number.isFinite(n) && n >= 0) || editors < 2) {
  console.error("Usage: npm run load -- [--editors 200] [--seconds 60] [--think-ms 1000] [--port 3790] [--profile]");
  process.exit(1);
}
if (!existsSync(SERVER_BUILD)) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

const base = `http://localhost:${port}`;
const TMP = path.join(ROOT, "tests", ".tmp");
mkdirSync(TMP, { recursive: true });
// Without DATABASE_URL, a fresh SQLite file of its own; with one, a new organization inside it.
process.env.DATABASE_URL ||= `file:${path.join(TMP, `load-${Date.now()}.db`)}`;
process.env.SESSION_SECRET ??= "load-test-session-secret-not-for-use";
process.env.APP_URL = base;
// Email goes to a local fake provider that accepts it, as a working provider would.
const emailProvider = await (await import("../support/email-provider")).startEmailProvider();

const { migrateDatabase } = await import("../../prisma/migrate");
const { describeDatabase } = await import("../../prisma/database-url");
await migrateDatabase();
const { prisma } = await import("~/utils/db.server");
const { createFixture } = await import("./fixture");
const { Browser } = await import("./browser");
const { sellerEditor, buyerEditor, openPages } = await import("./editors");
const { auditWrites } = await import("./audit");
const { printReport } = await import("./report");
const { organizationToday } = await import("~/domain/dates");

const sellers = Math.floor(editors / 2);
const buyers = editors - sellers;
const fixture = await createFixture(sellers, buyers);
const profile = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.join(TMP, "load-profile")}`] : [];
const server = await startProductionServer(port, { nodeOptions: profile });
const sellerBrowsers = fixture.sellerCookies.map((cookie) => new Browser(base, "seller", cookie, []));
const buyerBrowsers = fixture.buyerCookies.map((cookie) => new Browser(base, "buyer", cookie, []));
try {
  const opening: import("./browser").Sample[] = [];
  for (const browser of [...sellerBrowsers, ...buyerBrowsers]) browser.samples = opening;
  const opened = await openPages([...sellerBrowsers, ...buyerBrowsers], fixture);
  const samples: import("./browser").Sample[] = [];
  for (const browser of [...sellerBrowsers, ...buyerBrowsers]) browser.samples = samples;
  const loadBefore = os.loadavg()[0];
  const writes: import("./editors").WriteRecord[] = [];
  const run = {
    dealId: fixture.dealId,
    planId: fixture.planId,
    today: organizationToday({ timezone: "UTC" }),
    until: Date.now() + seconds * 1000,
    thinkMs,
    writes,
  };
  const started = performance.now();
  let busy = editors;
  const working = Promise.all(
    [
      ...sellerBrowsers.map((browser) => sellerEditor(browser, run, opened.get(browser) ?? "")),
      ...buyerBrowsers.map((browser) => buyerEditor(browser, run, opened.get(browser) ?? "")),
    ].map((editor) => editor.finally(() => busy--)),
  );
  // An editor whose request never ends must not hold up the figures of all the others.
  await Promise.race([working, new Promise((resolve) => setTimeout(resolve, (seconds + 60) * 1000).unref())]);
  if (busy > 0) console.log(`\n${busy} editors were still waiting for an answer a minute after the end.`);
  const elapsed = (performance.now() - started) / 1000;
  const audit = await auditWrites(fixture.planId, fixture.startVersions, run.writes);
  const openingErrors = opening.filter((s) => s.status !== 200).length;
  console.log(
    `\nOpened ${opened.size} pages before the clock started (${opening.length} requests${openingErrors ? `, ${openingErrors} of them not 200` : ""}).`,
  );
  printReport({ editors, seconds: elapsed, database: describeDatabase(), thinkMs }, samples, run.writes, audit);
  console.log(`  machine: ${os.cpus().length} cores, load average ${loadBefore.toFixed(1)} before the run, ${os.loadavg()[0].toFixed(1)} after`);
} finally {
  await Promise.all([...sellerBrowsers, ...buyerBrowsers].map((browser) => browser.close()));
  await stopProductionServer(server);
  await prisma.$disconnect();
  await emailProvider.close();
}
