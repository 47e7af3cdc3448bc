// What the integration suite and the end-to-end run both check after emailing links and codes:
// the secrets the provider received, and whether any SQLite file still holds one.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export interface EmailedSecret {
  token: string;
  code: string | null;
}

/** Each emailed link token (`?token=`, or a seller invitation's `/join/<token>`), with the six-digit code of the same email if it had one. */
export function emailedSecrets(emails: Array<{ text?: string; html?: string }>): EmailedSecret[] {
  return emails.flatMap((email) => {
    const text = email.text ?? email.html ?? "";
    const tokens = [...text.matchAll(/(?:[?&]token=|\/join\/)([A-Za-z0-9_-]{20,})/g)].map((match) => match[1]);
    const code = /\b(\d{6})\b/.exec(text)?.[1] ?? null;
    return [...new Set(tokens)].map((token) => ({ token, code }));
  });
}

/**
 * Whether six digits stand on their own in `text`, as a code would in a column or a sentence. A
 * code is only six digits: in the raw bytes of a database file it would turn up by chance inside
 * hex hashes and binary fields, and beside the neighbouring column's value it could hide, so codes
 * are looked for in the rows' values, and the raw files are searched for link tokens, which cannot
 * collide.
 */
export function holdsCode(text: string, code: string) {
  return new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`).test(text);
}

/** Every row of every table of a SQLite file, as text. */
export function sqliteRows(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    return JSON.stringify(tables.map(({ name }) => db.prepare(`SELECT * FROM "${name}"`).all()));
  } finally {
    db.close();
  }
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
