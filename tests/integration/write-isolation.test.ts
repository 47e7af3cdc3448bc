// A write made outside a transaction must never be swallowed by another request's transaction:
// with one SQLite connection, a bare statement issued while a transaction is open would otherwise
// run inside it and be rolled back with it.
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createTenant } from "../fixtures/world";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("writes outside a transaction", () => {
  it("are kept when a transaction open at the same time rolls back", async () => {
    const { organization } = await createTenant("Isolation");
    // Settled into a value at once, so its rejection is never unhandled while the test goes on.
    const failing = prisma
      .$transaction(async (tx) => {
        await tx.organization.update({ where: { id: organization.id }, data: { name: "Renamed inside, then rolled back" } });
        await pause(200);
        throw new Error("the transaction fails after pausing on I/O");
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    await pause(50);
    await prisma.organization.update({ where: { id: organization.id }, data: { timezone: "Pacific/Auckland" } });
    await prisma.$executeRaw`UPDATE "Organization" SET "fiscalYearStartMonth" = 4 WHERE "id" = ${organization.id}`;
    expect(await failing).toMatchObject({ message: expect.stringMatching(/fails after pausing/) });

    const stored = await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } });
    expect(stored.name).toBe(organization.name);
    expect(stored.timezone).toBe("Pacific/Auckland");
    expect(stored.fiscalYearStartMonth).toBe(4);
  });

  it("never read another transaction's uncommitted rows", async () => {
    const { organization } = await createTenant("Dirty reads");
    let seen = "";
    const failing = prisma
      .$transaction(async (tx) => {
        await tx.organization.update({ where: { id: organization.id }, data: { name: "Uncommitted" } });
        await pause(200);
        throw new Error("rolled back");
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    await pause(50);
    seen = (await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).name;
    expect(await failing).toMatchObject({ message: "rolled back" });
    expect(seen).toBe(organization.name);
  });
});
