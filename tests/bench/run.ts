// npm run bench: prints figures, never fails on time. The dashboard and buyer-page figures run on
// the organization `npm run seed:large -- --deals 10000` made in the same database.
import fs from "node:fs";
import path from "node:path";
import { databaseKind, sqliteFilePath } from "../../prisma/database-url";
import { benchSignals } from "./signals";

// The production server the buyer-page bench starts needs production settings; none are real.
process.env.SESSION_SECRET ??= "benchmark-session-secret-not-for-use";
process.env.APP_URL ??= "http://localhost:3199";
// Its email goes to a local fake provider that accepts it, as a working provider would.
const { startEmailProvider, drainOutbox } = await import("../support/email-provider");
await startEmailProvider();

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

// `npm run bench -- --buyer-only`: the buyer page's figures alone.
const buyerOnly = process.argv.includes("--buyer-only");

console.log("Mutual benchmarks");
const signals = buyerOnly ? null : benchSignals();
if (signals) {
  console.log(
    `  signals engine: ${fmt(signals.perSecond)} milestones/s ` +
      `(${fmt(signals.deals)} deals × ${signals.milestonesPerDeal} milestones × ${signals.rounds} rounds in ${signals.seconds.toFixed(2)} s; goal ≥ 1,000,000)`,
  );
}

const SEED_FIRST = "  dashboard and buyer page: skipped. Run `npm run seed:large -- --deals 10000` first (same DATABASE_URL).";
// On a fresh clone the default SQLite file does not exist yet: say what to run instead of failing to open it.
if (databaseKind() === "sqlite" && !fs.existsSync(sqliteFilePath())) {
  console.log(SEED_FIRST);
  process.exit(0);
}
const { benchDashboard, largestOrganization } = await import("./dashboard");
const org = await largestOrganization();
if (!org || org.deals < 1000) {
  console.log(SEED_FIRST);
  process.exit(0);
}
// What the seeded organization's reminders queued is sent before the servers start, not while it is measured.
const drained = await drainOutbox();
if (drained > 0) console.log(`  (sent ${fmt(drained)} queued emails to the local provider before measuring)`);
if (!buyerOnly) {
  const { benchDeals } = await import("./deals");
  const deals = await benchDeals(org.organizationId);
  const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} KB`;
  console.log(
    `  (d) /deals for an admin: ${fmt(deals.pages.first.ms, 1)} ms and ${kb(deals.pages.first.bytes)} of HTML (first page of 50), ` +
      `against ${fmt(deals.pages.first.healthMs, 1)} ms for /healthz; page 150 by close date ${fmt(deals.pages.deep.ms, 1)} ms, ${kb(deals.pages.deep.bytes)}; ` +
      `search with a filter ${fmt(deals.pages.search.ms, 1)} ms, ${kb(deals.pages.search.bytes)} (${fmt(org.deals)} deals, median of 15; goal ≤ 300 ms and ≤ 300 KB). ` +
      `Signal cache refresh before it: ${fmt(deals.refreshed)} deals in ${fmt(deals.refreshMs)} ms`,
  );
}
if (process.argv.includes("--only-deals")) process.exit(0);

const dashboard = buyerOnly ? null : await benchDashboard();
if (dashboard) {
  console.log(
    `  (a) dashboard loader: ${fmt(dashboard.loaderMs, 1)} ms against a raw SQL floor of ${fmt(dashboard.floorMs, 1)} ms = ${fmt(dashboard.ratio, 2)}× ` +
      `(${fmt(dashboard.deals)} deals, ${fmt(dashboard.milestones)} milestones, window ${dashboard.window.from}..${dashboard.window.to}; goal ≤ 3×). ` +
      `Right after "today" changes (the cache read as it is): ${fmt(dashboard.newDayMs, 1)} ms = ${fmt(dashboard.newDayRatio, 2)}×`,
  );
}

if (!buyerOnly) await (await import("./accuracy")).printAccuracy();
const scorecard = buyerOnly ? null : await (await import("./scorecard")).benchScorecard();
if (scorecard) {
  console.log(
    `  (e) dashboard + scorecard: ${fmt(scorecard.loaderMs, 1)} ms (scorecard alone ${fmt(scorecard.scorecardMs, 1)} ms) against a raw SQL floor of ${fmt(scorecard.floorMs, 1)} ms = ${fmt(scorecard.ratio, 2)}× ` +
      `(${fmt(scorecard.deals)} deals, ${fmt(scorecard.stageChanges)} stage changes, ${fmt(scorecard.closeDateChanges)} close-date changes, window ${scorecard.window.from}..${scorecard.window.to}; median of 7; goal ≤ 3×)`,
  );
}

const { benchBuyerPage, SERVER_LOG } = await import("./buyer-page");
const buyer = await benchBuyerPage(org.organizationId);
console.log(
  `  (b) buyer plan page: ${fmt(buyer.buyerRps)} req/s against ${fmt(buyer.healthRps)} req/s for /healthz = ${fmt(buyer.share * 100, 1)}% ` +
    `(10 connections, 3 alternating rounds of 4 s each, round shares ${buyer.roundShares.map((s) => `${fmt(s * 100, 1)}%`).join(", ")}; ` +
    `${buyer.errors} errors; p50 ${buyer.buyerLatencyP50} ms; goal ≥ 40%, 0 errors)`,
);
console.log(
  `  (b') unchanged live-update poll (304): ${fmt(buyer.pollRps)} req/s = ${fmt(buyer.pollShare * 100, 1)}% of /healthz ` +
    `(round shares ${buyer.pollRoundShares.map((s) => `${fmt(s * 100, 1)}%`).join(", ")}; ${buyer.pollErrors} not 304; goal ≥ 80%)`,
);
console.log(
  `  (c) JavaScript sent to the buyer plan page: ${fmt(buyer.jsBytes / 1024, 1)} KB gzipped in ${buyer.jsFiles} ${buyer.jsFiles === 1 ? "file" : "files"} (goal ≤ 90 KB)`,
);
console.log(`  The benchmarked server's log: ${path.relative(process.cwd(), SERVER_LOG)}`);
process.exit(0);
