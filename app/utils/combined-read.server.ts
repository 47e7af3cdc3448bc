// Several small reads of one page as one statement. Every statement through the client pays a fixed
// cost (the query is planned, sent and its rows decoded) that, for the handful of rows a page reads,
// outweighs the database's own work; one UNION ALL pays it once. Each row's values travel packed
// in one JSON array, and the rows of every part come back joined into one JSON text: the client
// decodes one value instead of every column of every row, which it does at about a third of a
// microsecond a value. A UNION's branches then agree on their columns' types on both databases
// without padding every part to the widest one.
import { Prisma } from "~/generated/prisma/client";
import { prisma, onPostgresql } from "./db.server";
import { storedDate } from "./stored-date";

/**
 * What a column holds, and so how it is read back: text as it is, a whole number as a number, a
 * time as a Date, and a flag (a condition, or a boolean column) as true or false.
 */
export type ColumnKind = "text" | "int" | "time" | "flag";

type Columns = Record<string, readonly [ColumnKind, string]>;

interface PartRows {
  /** The SQL expression behind each named column, with the kind of value it holds. */
  columns: Columns;
  /** FROM, joins and WHERE, with the read's parameters. */
  from: Prisma.Sql;
}

/** A part's rows in their order; a limited part needs an order to know which rows it keeps. */
export type ReadPart = PartRows & ({ orderBy?: string; limit?: undefined } | { orderBy: string; limit: number });

/**
 * A row's values as JSON text. The one twin in this file: PostgreSQL 15 has no `json_array`, and
 * SQLite no `json_build_array`. Both write a time as ISO text, PostgreSQL's without a zone (it is
 * stored as UTC), which storedDate reads as UTC.
 */
function packed(expressions: string[]): string {
  const list = expressions.join(", ");
  return onPostgresql ? `CAST(json_build_array(${list}) AS TEXT)` : `json_array(${list})`;
}

/**
 * A part's limit is a number in our code, written into the SQL: SQLite plans a statement whose
 * LIMIT is a bound parameter again on every run, which for the buyer page's whole statement cost
 * about 0.15 ms of its 0.3 ms.
 */
function limitOf(limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`A part's limit must be a whole number, not ${limit}`);
  return String(limit);
}

/** A boolean is 0/1 on SQLite and true/false in PostgreSQL's JSON: a flag travels as 0 or 1 on both. */
const expressionOf = ([kind, sql]: readonly [ColumnKind, string]) => (kind === "flag" ? `CASE WHEN ${sql} THEN 1 ELSE 0 END` : sql);

/**
 * PostgreSQL's json_build_array takes at most 100 arguments (SQLite's json_array 127), and a row's
 * array starts with its part's name and place: fail on both alike.
 */
const MOST_COLUMNS = 98;

function branch(partName: string, part: ReadPart) {
  const columns = Object.values(part.columns);
  if (columns.length > MOST_COLUMNS) throw new Error(`A part reads at most ${MOST_COLUMNS} columns; ${partName} reads ${columns.length}`);
  const place = `ROW_NUMBER() OVER (${part.orderBy ? `ORDER BY ${part.orderBy}` : ""})`;
  const row = packed([`'${partName}'`, place, ...columns.map(expressionOf)]);
  // A limited part stops inside its own branch, in its order: numbering every matching row first
  // and keeping the first few read the whole history of a busy plan on every page view.
  const limit = part.limit === undefined ? Prisma.empty : Prisma.sql` ORDER BY ${Prisma.raw(part.orderBy)} LIMIT ${Prisma.raw(limitOf(part.limit))}`;
  const select = Prisma.sql`SELECT ${Prisma.raw(`${row} AS "row"`)} ${part.from}${limit}`;
  return Prisma.sql`SELECT * FROM (${select}) AS "${Prisma.raw(partName)}"`;
}

/**
 * The parts as one statement of one row: each part a branch of a UNION ALL, each of its rows a
 * JSON array of the part's name, the row's place in the part's order and its values, and all of
 * them joined into the text of one JSON array. `string_agg` is the same function on both databases
 * (SQLite has it since 3.44).
 */
export function oneStatement(parts: Record<string, ReadPart>): Prisma.Sql {
  const branches = Object.entries(parts).map(([name, part]) => branch(name, part));
  return Prisma.sql`SELECT COALESCE(string_agg("row", ','), '') AS "rows" FROM (${Prisma.join(branches, " UNION ALL ")}) AS "parts"`;
}

/** A stored time as JSON gives it: ISO text (as Prisma writes it, or as PostgreSQL prints it), or milliseconds. */
const timeOf = (value: unknown) => (typeof value === "number" ? new Date(value) : storedDate(value as string));

/** One value as its column's kind gives it, null for a missing one. */
function valueOf(kind: ColumnKind, value: unknown): unknown {
  if (kind === "flag") return value === 1;
  if (value === null || value === undefined) return null;
  if (kind === "time") return timeOf(value);
  return kind === "int" ? Number(value) : value;
}

/** A part's rows as they come in, each named again from the part's own column list. */
class PartReader {
  private readonly names: string[];
  private readonly kinds: ColumnKind[];
  readonly rows: Array<{ place: number; row: Record<string, unknown> }> = [];

  constructor(part: ReadPart) {
    this.names = Object.keys(part.columns);
    this.kinds = Object.values(part.columns).map(([kind]) => kind);
  }

  /** A row's array is [part, place, ...values]. */
  add(values: unknown[]) {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < this.names.length; i++) row[this.names[i]] = valueOf(this.kinds[i], values[i + 2]);
    this.rows.push({ place: Number(values[1]), row });
  }

  /** The rows of a UNION come in no promised order; sorting a few dozen here costs less than in SQL. */
  inOrder() {
    return this.rows.sort((a, b) => a.place - b.place).map((entry) => entry.row);
  }
}

/** Columns of one kind, read as they are named in the table behind `alias`. */
export function columnsNamed(kind: ColumnKind, alias: string, names: string[]): Columns {
  return Object.fromEntries(names.map((name) => [name, [kind, `${alias}."${name}"`] as const]));
}

/**
 * Runs the parts as one statement and returns each part's rows under its name, in the part's own
 * order, with its columns named again: text as strings, whole numbers as numbers, times as Dates,
 * flags as booleans, and null for a missing value, on both databases alike. Inside a transaction,
 * pass its client.
 */
export async function readInOneStatement<Parts extends Record<string, ReadPart>>(parts: Parts, db: Pick<typeof prisma, "$queryRaw"> = prisma) {
  const [answer] = await db.$queryRaw<Array<{ rows: string }>>(oneStatement(parts));
  const byPart = new Map(Object.entries(parts).map(([name, part]) => [name, new PartReader(part)]));
  for (const values of JSON.parse(`[${answer?.rows ?? ""}]`) as unknown[][]) byPart.get(values[0] as string)!.add(values);
  const result: Record<string, Record<string, unknown>[]> = {};
  for (const [name, rows] of byPart) result[name] = rows.inOrder();
  return result as { [name in keyof Parts]: Record<string, unknown>[] };
}
