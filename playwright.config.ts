import { defineConfig } from "@playwright/test";
import { chromiumExecutable } from "./tests/setup/chromium";
import { E2E_AUCKLAND_URL } from "./tests/setup/ports";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/.tmp/test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  // After the run, no link the servers emailed may be found in their database files.
  globalTeardown: "./tests/setup/e2e-teardown.ts",
  use: {
    baseURL: E2E_AUCKLAND_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: "node --import tsx tests/setup/e2e-servers.ts",
    url: `${E2E_AUCKLAND_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
