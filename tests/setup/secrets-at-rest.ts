// What the integration suite and the end-to-end run both check after emailing links and codes:
// the secrets the provider received, and whether any SQLite file still holds one.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface EmailedSecret {
  token: string;
  code: string | null;
}

/** Each emailed link token (`?token=`), with the six-digit code of the same email if it had one. */
export function emailedSecrets(emails: Array<{ text?: string; html?: string }>): EmailedSecret[] {
  return emails.flatMap((email) => {
    const text = email.text ?? email.html ?? "";
    const tokens = [...text.matchAll(/[?&]token=([A-Za-z0-9_-]{20,})/g)].map((match) => match[1]);
    const code = /\b(\d{6})\b/.exec(text)?.[1] ?? null;
    return [...new Set(tokens)].map((token) => ({ token, code }));
  });
}

/**
 * The database files (main file with its free pages, WAL, shared memory, rollback journal) that
 * hold one of `tokens` anywhere in their raw bytes, each named with the first token found.
 */
export function sqliteFilesHolding(file: string, tokens: string[]): string[] {
  return ["", "-wal", "-shm", "-journal"]
    .map((suffix) => `${file}${suffix}`)
    .filter((name) => existsSync(name))
    .flatMap((name) => {
      const bytes = readFileSync(name);
      const found = tokens.find((token) => bytes.includes(token));
      return found ? [`${path.basename(name)} holds ${found}`] : [];
    });
}
