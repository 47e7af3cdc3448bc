// A deal's health label and derived forecast category change without anyone editing the deal: the
// signal cache refresh sees it. When the organization has an endpoint for these events, the refresh
// locks the chunk's cached rows, reads their labels and records the differences in the same
// transaction as the new rows: a second refresh of the same deal waits for the first and sees its
// labels, so one change is reported once. A deal's first computation (no row before) is not a
// change, nor are figures withheld for an unreadable date. Without such an endpoint the refresh
// pays one read.
import { Prisma } from "~/generated/prisma/client";
import { prisma, type Tx } from "~/utils/db.server";
import { endpointsWanting, recordEventFor, type WantingEndpoint } from "./webhook-events.server";

const SIGNAL_EVENTS = ["deal.health_changed", "deal.forecast_changed"] as const;

interface NewRow {
  dealId: string;
  organizationId: string;
  healthLabel: string;
  derivedCategory: string;
  unreadableDate: boolean;
  archived: boolean;
}

type DealNames = Map<string, { id: string; name: string; accountName: string; externalId: string | null }>;

/**
 * Runs `write` (the cache upsert) and records the label changes it makes, in one transaction. The
 * endpoints are read inside it, so one deleted meanwhile is not written to; should one be deleted
 * between that read and the deliveries' insert, the chunk is written again with a fresh read.
 */
export async function writeWithSignalEvents(organizationId: string, rows: NewRow[], deals: DealNames, write: (tx: Tx) => Promise<void>) {
  const attempt = () => prisma.$transaction((tx) => writeAndRecord(tx, organizationId, rows, deals, write), { timeout: 60_000 });
  try {
    await attempt();
  } catch {
    await attempt();
  }
}

async function writeAndRecord(tx: Tx, organizationId: string, rows: NewRow[], deals: DealNames, write: (tx: Tx) => Promise<void>) {
  const listeners = await endpointsWanting(tx, organizationId, SIGNAL_EVENTS);
  if (listeners.length === 0 || rows.length === 0) return write(tx);
  const ids = rows.map((row) => row.dealId);
  // A no-op update takes the rows' write locks on both databases (SQLite locks the whole file).
  await tx.$executeRaw`UPDATE "DealSignalCache" SET "stale" = "stale" WHERE "dealId" IN (${Prisma.join(ids)})`;
  const before = await tx.dealSignalCache.findMany({
    where: { dealId: { in: ids } },
    select: { dealId: true, healthLabel: true, derivedCategory: true, unreadableDate: true },
  });
  await write(tx);
  const was = new Map(before.map((row) => [row.dealId, row]));
  for (const row of rows) {
    const old = was.get(row.dealId);
    if (!old || old.unreadableDate || row.unreadableDate || row.archived) continue;
    await recordChanges(tx, listeners, old, row, deals);
  }
}

async function recordChanges(tx: Tx, listeners: WantingEndpoint[], old: Omit<NewRow, "organizationId" | "archived">, row: NewRow, deals: DealNames) {
  const base = { organizationId: row.organizationId, dealId: row.dealId, deal: deals.get(row.dealId) };
  if (old.healthLabel !== row.healthLabel) {
    await recordEventFor(tx, listeners, {
      ...base,
      type: "deal.health_changed",
      before: { healthLabel: old.healthLabel },
      after: { healthLabel: row.healthLabel },
    });
  }
  if (old.derivedCategory !== row.derivedCategory) {
    await recordEventFor(tx, listeners, {
      ...base,
      type: "deal.forecast_changed",
      before: { derivedCategory: old.derivedCategory },
      after: { derivedCategory: row.derivedCategory },
    });
  }
}
