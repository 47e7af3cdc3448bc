// Background jobs run on one instance at a time: a lease in the database decides which.
import { describe, expect, it } from "vitest";
import { releaseLease, takeLease, withLease } from "~/utils/job-lease.server";
import { uniqueSuffix } from "../fixtures/world";

describe("job leases", () => {
  it("go to one holder until they lapse or are released", async () => {
    const job = `job-${uniqueSuffix()}`;
    const now = 1_800_000_000_000;
    expect(await takeLease(job, 60_000, "first", now)).toBe(true);
    expect(await takeLease(job, 60_000, "second", now + 1_000)).toBe(false);
    expect(await takeLease(job, 60_000, "first", now + 2_000)).toBe(true);
    expect(await takeLease(job, 60_000, "second", now + 62_001)).toBe(true);
    await releaseLease(job, "second");
    expect(await takeLease(job, 60_000, "first", now + 62_002)).toBe(true);
  });

  it("let only one of many simultaneous takers in", async () => {
    const job = `job-${uniqueSuffix()}`;
    const taken = await Promise.all(Array.from({ length: 8 }, (_, i) => takeLease(job, 60_000, `holder-${i}`)));
    expect(taken.filter(Boolean)).toHaveLength(1);
  });

  it("run the work once while another process holds the lease, then again once it is free", async () => {
    const job = `job-${uniqueSuffix()}`;
    expect(await takeLease(job, 60_000, "elsewhere")).toBe(true);
    let runs = 0;
    expect(await withLease(job, 60_000, async () => ++runs)).toBeNull();
    await releaseLease(job, "elsewhere");
    expect(await withLease(job, 60_000, async () => ++runs)).toBe(1);
    expect(await withLease(job, 60_000, async () => ++runs)).toBe(2);
  });
});
