// Runs first in `npm test` (as its pretest step): makes sure the machine has what the slow steps
// need, installing it where that is allowed, or stops at once with the one command to run.
// A check answers null when the machine is ready, or the line telling the person what to do.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { chromiumExecutable, DEBIAN_CHROMIUM } from "./chromium";
import { ensurePostgres } from "./postgres";

interface Check {
  /** What the tests need, for messages. */
  need: string;
  ensure(): string | null | Promise<string | null>;
}

const checks: Check[] = [
  { need: "Chromium for the end-to-end tests", ensure: ensureChromium },
  { need: "a PostgreSQL server for the integration tests on PostgreSQL", ensure: ensurePostgresServer },
];

/** Installs Debian's PostgreSQL where it is missing and allowed, then starts it (tests/setup/postgres.ts). */
async function ensurePostgresServer(): Promise<string | null> {
  if (!process.env.TEST_POSTGRES_URL && !isExecutable("/usr/bin/pg_ctlcluster")) {
    if (!hasAptGet() || process.getuid?.() !== 0) return "PostgreSQL is not installed. Run: sudo apt-get update && sudo apt-get install -y postgresql";
    console.log("Installing Debian's PostgreSQL for the integration tests (apt-get install -y postgresql)");
    if (!(aptGet(["update", "-qq"]) && aptGet(["install", "-y", "-qq", "postgresql"]))) {
      return "Installing PostgreSQL failed (see apt-get's output above). Run: apt-get update && apt-get install -y postgresql";
    }
  }
  try {
    await ensurePostgres();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function ensureChromium(): string | null {
  const executable = chromiumExecutable();
  if (!executable || isExecutable(executable)) return null;
  if (executable !== DEBIAN_CHROMIUM) {
    const fallback = hasAptGet() ? "unset PLAYWRIGHT_CHROMIUM_PATH && npm test" : "npx playwright install chromium && PLAYWRIGHT_CHROMIUM_PATH= npm test";
    return `PLAYWRIGHT_CHROMIUM_PATH is ${executable}, which is not an executable file. Point it at Chromium, or run: ${fallback}`;
  }
  if (!hasAptGet())
    return `${DEBIAN_CHROMIUM} is missing and this machine has no apt-get. Run: npx playwright install chromium && PLAYWRIGHT_CHROMIUM_PATH= npm test`;
  if (process.getuid?.() !== 0) return `${DEBIAN_CHROMIUM} is missing. Run: sudo apt-get update && sudo apt-get install -y chromium`;

  console.log("Installing Debian's Chromium for the end-to-end tests (apt-get install -y chromium)");
  const installed = aptGet(["update", "-qq"]) && aptGet(["install", "-y", "-qq", "chromium"]);
  if (installed && isExecutable(DEBIAN_CHROMIUM)) return null;
  return `Installing Chromium failed (see apt-get's output above). Run: apt-get update && apt-get install -y chromium`;
}

function aptGet(args: string[]): boolean {
  const result = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  return result.status === 0;
}

function hasAptGet(): boolean {
  return spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

for (const check of checks) {
  const problem = await check.ensure();
  if (problem) {
    console.error(`npm test needs ${check.need}. ${problem}`);
    process.exit(1);
  }
}
