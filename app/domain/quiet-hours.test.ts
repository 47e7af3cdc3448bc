import { describe, expect, it } from "vitest";
import { deliverableFrom, localHourIn, wallClockHourIn } from "./quiet-hours";

describe("quiet hours", () => {
  it("lets daytime email go at once", () => {
    const now = new Date("2026-12-01T14:00:00Z"); // 09:00 in New York
    expect(deliverableFrom(now, "America/New_York")).toEqual(now);
  });

  it("holds a 3 a.m. reminder until 08:00 the same morning", () => {
    const now = new Date("2026-12-01T08:00:00Z"); // 03:00 in New York
    expect(deliverableFrom(now, "America/New_York").toISOString()).toBe("2026-12-01T13:00:00.000Z");
  });

  it("holds an evening reminder until 08:00 the next morning, for a reader in UTC+13", () => {
    const now = new Date("2026-12-01T08:30:00Z"); // 21:30 in Auckland (summer, UTC+13)
    expect(deliverableFrom(now, "Pacific/Auckland").toISOString()).toBe("2026-12-01T19:00:00.000Z");
  });

  it("holds it for a reader in UTC−10 across the end of a month", () => {
    const now = new Date("2026-12-01T07:00:00Z"); // 21:00 on 30 Nov in Honolulu
    expect(deliverableFrom(now, "Pacific/Honolulu").toISOString()).toBe("2026-12-01T18:00:00.000Z");
  });

  it("finds 08:00 on the wall clock on the days the clocks change", () => {
    // New York springs forward on 8 Mar 2026 (UTC−5 to UTC−4) and falls back on 1 Nov 2026.
    expect(wallClockHourIn("America/New_York", "2026-03-08", 8).toISOString()).toBe("2026-03-08T12:00:00.000Z");
    expect(wallClockHourIn("America/New_York", "2026-11-01", 8).toISOString()).toBe("2026-11-01T13:00:00.000Z");
    expect(localHourIn("America/New_York", new Date("2026-11-01T13:00:00Z"))).toBe(8);
  });
});
