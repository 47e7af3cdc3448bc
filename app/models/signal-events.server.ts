// A deal's health label and derived forecast category change without anyone editing the deal: the
// signal cache refresh sees it. When the organization has an endpoint for these events, the refresh
// reads the cached labels of the chunk before it overwrites them and records the differences in the
// same transaction as the new rows. A deal's first computation (no row before) is not a change, nor
// are figures withheld for an unreadable date. Without such an endpoint the refresh pays one read.
import { prisma, type Tx } from "~/utils/db.server";
import { endpointsWanting, recordEventFor, type WantingEndpoint } from "./webhook-events.server";

const SIGNAL_EVENTS = ["deal.health_changed", "deal.forecast_changed"] as const;

export function signalListeners(organizationId: string) {
  return endpointsWanting(prisma, organizationId, SIGNAL_EVENTS);
}

interface NewRow {
  dealId: string;
  organizationId: string;
  healthLabel: string;
  derivedCategory: string;
  unreadableDate: boolean;
  archived: boolean;
}

type DealNames = Map<string, { id: string; name: string; accountName: string; externalId: string | null }>;

/** Runs `write` (the cache upsert) and records the label changes it makes, in one transaction. */
export async function writeWithSignalEvents(listeners: WantingEndpoint[], rows: NewRow[], deals: DealNames, write: (tx: Tx) => Promise<void>) {
  await prisma.$transaction(
    async (tx) => {
      const before = await tx.dealSignalCache.findMany({
        where: { dealId: { in: rows.map((row) => row.dealId) } },
        select: { dealId: true, healthLabel: true, derivedCategory: true, unreadableDate: true },
      });
      await write(tx);
      const was = new Map(before.map((row) => [row.dealId, row]));
      for (const row of rows) {
        const old = was.get(row.dealId);
        if (!old || old.unreadableDate || row.unreadableDate || row.archived) continue;
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
    },
    { timeout: 60_000 },
  );
}
