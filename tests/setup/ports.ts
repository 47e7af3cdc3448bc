// The e2e servers' ports. E2E_PORT moves both, so two checkouts can run their suites side by side.
const base = Number(process.env.E2E_PORT || 3100);

export const E2E_AUCKLAND_URL = `http://localhost:${base}`;
export const E2E_LOS_ANGELES_URL = `http://localhost:${base + 1}`;
/** The fake Resend server both e2e servers send email to (tests/setup/e2e-servers.ts). */
export const E2E_RESEND_URL = `http://127.0.0.1:${base + 2}`;
export const E2E_SERVERS = [
  { port: base + 1, tz: "America/Los_Angeles" },
  { port: base, tz: "Pacific/Auckland" },
];
