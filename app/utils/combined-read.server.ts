// Several small reads of one page as one statement. Every statement through the client pays a fixed
// cost (the query is planned, sent and its rows decoded) that, for the handful of rows a page reads,
// outweighs the database's own work; one UNION ALL pays it once. Each part's columns are packed
// into shared columns of three kinds and unpacked by the same lists, so the SQL is the same on
// SQLite and PostgreSQL: PostgreSQL needs every branch of a UNION to agree on each column's type.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";

export type ColumnKind = "text" | "int" | "time";

interface PartRows {
  /** The SQL expression behind each named column, with the kind of value it holds. */
  columns: Record<string, readonly [ColumnKind, string]>;
  /** FROM, joins and WHERE, with the read's parameters. */
  from: Prisma.Sql;
}

/** A part's rows in their order; a limited part needs an order to know which rows it keeps. */
export type ReadPart = PartRows & ({ orderBy?: string; limit?: undefined } | { orderBy: string; limit: number });

const NULL_OF: Record<ColumnKind, string> = { text: "CAST(NULL AS TEXT)", int: "CAST(NULL AS INTEGER)", time: "CAST(NULL AS TIMESTAMP)" };
const PREFIX: Record<ColumnKind, string> = { text: "t", int: "n", time: "d" };
const KINDS: ColumnKind[] = ["text", "int", "time"];

/** Which shared column each of a part's named columns travels in: its kind's first, second, ... */
function slotsOf(part: ReadPart) {
  const used: Record<ColumnKind, number> = { text: 0, int: 0, time: 0 };
  return Object.entries(part.columns).map(([name, [kind, sql]]) => ({ name, kind, sql, slot: `${PREFIX[kind]}${++used[kind]}` }));
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

function branch(partName: string, part: ReadPart, width: Record<ColumnKind, number>) {
  const bySlot = new Map(slotsOf(part).map((column) => [column.slot, column.sql]));
  const shared = KINDS.flatMap((kind) =>
    Array.from({ length: width[kind] }, (_, i) => {
      const slot = `${PREFIX[kind]}${i + 1}`;
      return `${bySlot.get(slot) ?? NULL_OF[kind]} AS "${slot}"`;
    }),
  );
  const order = `ROW_NUMBER() OVER (${part.orderBy ? `ORDER BY ${part.orderBy}` : ""}) AS "ord"`;
  // A limited part stops inside its own branch, in its order: numbering every matching row first
  // and keeping the first few read the whole history of a busy plan on every page view.
  const limit = part.limit === undefined ? Prisma.empty : Prisma.sql` ORDER BY ${Prisma.raw(part.orderBy)} LIMIT ${Prisma.raw(limitOf(part.limit))}`;
  const select = Prisma.sql`SELECT ${Prisma.raw(`'${partName}' AS "part", ${order}, ${shared.join(", ")}`)} ${part.from}${limit}`;
  return Prisma.sql`SELECT * FROM (${select}) AS "${Prisma.raw(partName)}"`;
}

/** The parts as one statement: each part a branch of a UNION ALL, in its own order. */
export function oneStatement(parts: Record<string, ReadPart>): Prisma.Sql {
  const width: Record<ColumnKind, number> = { text: 0, int: 0, time: 0 };
  for (const part of Object.values(parts)) {
    for (const kind of KINDS) width[kind] = Math.max(width[kind], Object.values(part.columns).filter(([k]) => k === kind).length);
  }
  const branches = Object.entries(parts).map(([name, part]) => branch(name, part, width));
  return Prisma.sql`SELECT * FROM (${Prisma.join(branches, " UNION ALL ")}) AS "parts"`;
}

/**
 * Runs the parts as one statement and returns each part's rows under its name, in the part's own
 * order, with its columns named again. Values come back as each database's driver gives them
 * (a time is a Date on PostgreSQL and text on SQLite: read it with storedDate).
 */
export async function readInOneStatement<Parts extends Record<string, ReadPart>>(parts: Parts) {
  const rows = await prisma.$queryRaw<Array<Record<string, unknown> & { part: string; ord: number | bigint }>>(oneStatement(parts));

  const unpack = Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, slotsOf(part)]));
  const ordered = Object.fromEntries(Object.keys(parts).map((name) => [name, [] as Array<{ ord: number; row: Record<string, unknown> }>]));
  for (const row of rows) {
    const named: Record<string, unknown> = {};
    for (const column of unpack[row.part])
      named[column.name] = column.kind === "int" && row[column.slot] !== null ? Number(row[column.slot]) : row[column.slot];
    ordered[row.part].push({ ord: Number(row.ord), row: named });
  }
  // The rows of a UNION come in no promised order; sorting a few dozen here costs less than in SQL.
  const result = Object.fromEntries(Object.entries(ordered).map(([name, list]) => [name, list.sort((a, b) => a.ord - b.ord).map((entry) => entry.row)]));
  return result as { [name in keyof Parts]: Record<string, unknown>[] };
}
