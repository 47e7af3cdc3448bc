import { describe, expect, it } from "vitest";
import { storedDate } from "./stored-date";

describe("storedDate", () => {
  it("reads Prisma's ISO text with an offset", () => {
    expect(storedDate("2026-11-22T14:03:04.129+00:00").toISOString()).toBe("2026-11-22T14:03:04.129Z");
    expect(storedDate("2026-03-29T01:30:00.000+13:00").toISOString()).toBe("2026-03-28T12:30:00.000Z");
  });

  it("reads SQLite's own 'YYYY-MM-DD HH:MM:SS' as UTC, whatever the server's timezone", () => {
    expect(storedDate("2026-10-25 01:30:00").toISOString()).toBe("2026-10-25T01:30:00.000Z");
  });

  it("keeps a Date and a missing value as they are", () => {
    const at = new Date("2026-11-22T14:03:04.129Z");
    expect(storedDate(at)).toBe(at);
    expect(storedDate(null)).toBeNull();
  });
});
