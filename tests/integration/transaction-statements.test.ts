// Inside a transaction, statements reach the database one after another (app/utils/pg-transaction-turns.server.ts):
// on PostgreSQL a transaction holds one connection, and Prisma's client sends a record's relations
// together, which the pg driver only queues, warning that pg 9 will refuse it. On SQLite the
// adapter's one connection is taken in turns already (app/utils/sqlite-turns.server.ts).
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createTenant } from "../fixtures/world";

// From the start: the driver warns once, at the first statement it queues.
const warnings: string[] = [];
const onWarning = (warning: Error) => warnings.push(warning.message);
process.on("warning", onWarning);
afterAll(() => {
  process.off("warning", onWarning);
});

describe("a transaction", () => {
  it("creates an organization and reads a record with two relations, never sending a statement while another runs", async () => {
    const tenant = await createTenant("Turns");
    const deal = await prisma.$transaction((tx) =>
      tx.deal.findUniqueOrThrow({
        where: { id: tenant.repDeal.deal.id },
        include: { owner: true, organization: true, plan: { include: { milestones: true, participants: true } } },
      }),
    );
    expect(deal.owner.id).toBe(tenant.repDeal.deal.ownerId);
    expect(deal.plan?.milestones.length).toBe(tenant.repDeal.milestones.length);
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((message) => message.includes("already executing a query"))).toEqual([]);
  });
});
