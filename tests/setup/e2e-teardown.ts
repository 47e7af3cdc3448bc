// Runs once after the end-to-end tests, while their servers still run (playwright.config.ts,
// globalTeardown): every link the fake Resend server received during the run is searched for in
// the raw bytes of the servers' SQLite files (main file with its free pages, WAL, shared memory),
// and each link's code in the database's rows. None may be there.
import type { ReceivedEmail } from "./fake-resend";
import { E2E_DB } from "./e2e-db";
import { E2E_RESEND_URL } from "./ports";
import { emailedSecrets, holdsCode, sqliteFilesHolding, sqliteRows } from "./secrets-at-rest";

export default async function noEmailedSecretAtRest() {
  // The check reads SQLite files; the PostgreSQL smoke run has none.
  if (process.env.E2E_DATABASE === "postgresql") return;
  const response = await fetch(`${E2E_RESEND_URL}/received`).catch((error: unknown) => {
    throw new Error(`The fake Resend server of the end-to-end servers did not answer at ${E2E_RESEND_URL}`, { cause: error });
  });
  const secrets = emailedSecrets(((await response.json()) as ReceivedEmail[]).map((email) => email.body));
  // The files are read before any connection of ours opens them.
  const files = sqliteFilesHolding(
    E2E_DB,
    secrets.map((secret) => secret.token),
  );
  const rows = sqliteRows(E2E_DB);
  const codes = secrets.flatMap(({ code }) => (code && holdsCode(rows, code) ? [code] : []));
  if (files.length > 0 || codes.length > 0) {
    throw new Error(`Emailed secrets were found in the database: ${[...files, ...codes.map((code) => `a row holds the code ${code}`)].join("; ")}`);
  }
  console.log(`No emailed secret at rest: ${secrets.length} emailed links looked for in ${E2E_DB} and its WAL, their codes in its rows.`);
}
