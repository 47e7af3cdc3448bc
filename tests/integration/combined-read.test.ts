// One statement for several reads (app/utils/combined-read.server.ts), on both databases: each
// part's rows come back under its name, in its order, with text, whole numbers, times (as Dates),
// flags (as booleans) and nulls as the separate reads would give them. Also: compiled statements kept by the SQLite connection
// answer each run with that run's arguments, inside and outside transactions.
import { describe, expect, it } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { oneStatement, readInOneStatement } from "~/utils/combined-read.server";
import { prisma } from "~/utils/db.server";
import { createTenant, uniqueSuffix } from "../fixtures/world";

describe("reading several parts in one statement", () => {
  it("gives each part its own rows, columns, order and limit", async () => {
    const tenant = await createTenant("Combined");
    const { plan, milestones } = tenant.repDeal;
    const confirmedAt = new Date("2026-11-03T09:30:00.000Z");
    await prisma.milestone.update({ where: { id: milestones[1].id }, data: { buyerConfirmedAt: confirmedAt, gatesStage: 4 } });

    const rows = await readInOneStatement({
      plan: {
        columns: { id: ["text", `p."id"`], title: ["text", `p."title"`], version: ["int", `p."version"`], acceptedAt: ["time", `p."acceptedAt"`] },
        from: Prisma.sql`FROM "Plan" p WHERE p."id" = ${plan.id}`,
      },
      newestSteps: {
        columns: {
          id: ["text", `m."id"`],
          position: ["int", `m."position"`],
          gatesStage: ["int", `m."gatesStage"`],
          buyerConfirmedAt: ["time", `m."buyerConfirmedAt"`],
        },
        from: Prisma.sql`FROM "Milestone" m WHERE m."planId" = ${plan.id}`,
        orderBy: `m."position" DESC`,
        limit: 3,
      },
      nothing: {
        columns: { id: ["text", `m."id"`] },
        from: Prisma.sql`FROM "Milestone" m WHERE m."planId" = ${`missing-${uniqueSuffix()}`}`,
      },
    });

    expect(rows.plan).toEqual([{ id: plan.id, title: plan.title, version: plan.version, acceptedAt: null }]);
    const byPosition = [...milestones].sort((a, b) => b.position - a.position).slice(0, 3);
    expect(rows.newestSteps.map((row) => row.id)).toEqual(byPosition.map((m) => m.id));
    expect(rows.newestSteps.map((row) => row.position)).toEqual(byPosition.map((m) => m.position));
    expect(rows.nothing).toEqual([]);

    const all = await readInOneStatement({
      steps: {
        columns: { id: ["text", `m."id"`], gatesStage: ["int", `m."gatesStage"`], buyerConfirmedAt: ["time", `m."buyerConfirmedAt"`] },
        from: Prisma.sql`FROM "Milestone" m WHERE m."planId" = ${plan.id}`,
        orderBy: `m."position" ASC`,
      },
    });
    const confirmed = all.steps.find((row) => row.id === milestones[1].id)!;
    expect(confirmed.gatesStage).toBe(4);
    expect(confirmed.buyerConfirmedAt).toEqual(confirmedAt);
    expect(all.steps.filter((row) => row.buyerConfirmedAt === null)).toHaveLength(milestones.length - 1);
  });
});

describe("a flag", () => {
  it("comes back as true or false, from a boolean column or a condition", async () => {
    const tenant = await createTenant("Flags");
    const [first, second] = tenant.repDeal.milestones;
    await prisma.milestone.update({ where: { id: first.id }, data: { internalOnly: true } });
    const rows = await readInOneStatement({
      steps: {
        columns: { id: ["text", `m."id"`], internalOnly: ["flag", `m."internalOnly"`], hasStage: ["flag", `m."gatesStage" IS NOT NULL`] },
        from: Prisma.sql`FROM "Milestone" m WHERE m."id" IN (${first.id}, ${second.id})`,
        orderBy: `m."position" ASC`,
      },
    });
    expect(rows.steps).toEqual([
      { id: first.id, internalOnly: true, hasStage: first.gatesStage !== null },
      { id: second.id, internalOnly: false, hasStage: second.gatesStage !== null },
    ]);
  });
});

describe("a time stored as milliseconds, and a part too wide", () => {
  it("reads the milliseconds as a Date, reads a part of as many columns as both databases take, and refuses a wider one", async () => {
    const tenant = await createTenant("Millis");
    const rows = await readInOneStatement({
      one: { columns: { at: ["time", "1700000000000"] }, from: Prisma.sql`FROM "Organization" o WHERE o."id" = ${tenant.organization.id}` },
    });
    expect(rows.one).toEqual([{ at: new Date(1700000000000) }]);
    const widest = Object.fromEntries(Array.from({ length: 98 }, (_, i) => [`c${i}`, ["int", String(i)] as const]));
    const read = await readInOneStatement({ widest: { columns: widest, from: Prisma.sql`FROM "Organization" o WHERE o."id" = ${tenant.organization.id}` } });
    expect(Object.values(read.widest[0])).toEqual(Array.from({ length: 98 }, (_, i) => i));
    const wide = Object.fromEntries(Array.from({ length: 99 }, (_, i) => [`c${i}`, ["int", "1"] as const]));
    await expect(readInOneStatement({ wide: { columns: wide, from: Prisma.sql`FROM "Organization" o` } })).rejects.toThrow(/at most 98 columns/);
  });
});

describe("a part's limit", () => {
  it("is written into the statement, and only a whole number is taken", async () => {
    const part = (limit: number) => ({
      n: { columns: { n: ["int", `m."position"`] as const }, from: Prisma.sql`FROM "Milestone" m`, orderBy: `m."position"`, limit },
    });
    const statement = oneStatement(part(3));
    expect(statement.sql).toContain("LIMIT 3");
    expect(statement.values).toEqual([]);
    for (const bad of [2.5, -1, Number.NaN]) await expect(readInOneStatement(part(bad))).rejects.toThrow(/whole number/);
  });
});

describe("kept compiled statements", () => {
  it("answer the same SQL with each run's own arguments, in and out of transactions", async () => {
    const tenant = await createTenant("Statements");
    const ids = tenant.repDeal.milestones.map((m) => m.id);
    const titleOf = (id: string) => prisma.$queryRaw<Array<{ title: string }>>`SELECT "title" FROM "Milestone" WHERE "id" = ${id}`;
    for (const [i, id] of ids.entries()) {
      const [row] = await titleOf(id);
      expect(row.title).toBe(tenant.repDeal.milestones[i].title);
    }
    await prisma.$transaction(async (tx) => {
      await tx.milestone.update({ where: { id: ids[0] }, data: { title: "Renamed inside" } });
      const [row] = await tx.$queryRaw<Array<{ title: string }>>`SELECT "title" FROM "Milestone" WHERE "id" = ${ids[0]}`;
      expect(row.title).toBe("Renamed inside");
    });
    expect((await titleOf(ids[0]))[0].title).toBe("Renamed inside");
    // More distinct statements than are kept: the oldest are compiled again when needed.
    for (let n = 1; n <= 600; n++) await prisma.$queryRawUnsafe(`SELECT ${n} AS "n"`);
    expect((await titleOf(ids[1]))[0].title).toBe(tenant.repDeal.milestones[1].title);
  });
});
