// Raw reads ($queryRaw) hand back a DateTime column as a Date on PostgreSQL and, on SQLite, as a
// Date or as the stored text, depending on how the column's type reaches the adapter.

/**
 * A stored DateTime as a Date. Prisma writes ISO text with an offset; bulk-loaded rows may hold
 * "YYYY-MM-DD HH:MM:SS", which SQLite means as UTC and JavaScript would read as local time.
 */
export function storedDate(value: Date | string): Date;
export function storedDate(value: Date | string | null): Date | null;
export function storedDate(value: Date | string | null): Date | null {
  if (value === null || value instanceof Date) return value;
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/.test(value);
  return new Date(hasZone ? value : `${value.replace(" ", "T")}Z`);
}
