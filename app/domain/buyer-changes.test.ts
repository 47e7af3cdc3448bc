import { describe, expect, it } from "vitest";
import { batchEnd, batchReady, batchStart } from "./buyer-changes";

const at = (time: string) => new Date(`2026-12-07T${time}Z`);

describe("buyer change batches", () => {
  it("wait until the buyer paused for 5 minutes", () => {
    expect(batchReady(at("10:00:00"), at("10:03:00"), at("10:07:59"))).toBe(false);
    expect(batchReady(at("10:00:00"), at("10:03:00"), at("10:08:00"))).toBe(true);
  });

  it("go out 30 minutes after the first change however busy the buyer is", () => {
    expect(batchReady(at("10:00:00"), at("10:29:00"), at("10:29:59"))).toBe(false);
    expect(batchReady(at("10:00:00"), at("10:29:00"), at("10:30:00"))).toBe(true);
  });

  it("start after what was mailed, else at the first sharing, never more than a day back", () => {
    const now = at("10:00:00");
    expect(batchStart(at("09:00:00"), new Date("2026-11-01T00:00:00Z"), now)).toEqual(at("09:00:00"));
    expect(batchStart(null, at("08:00:00"), now)).toEqual(at("08:00:00"));
    expect(batchStart(null, new Date("2026-11-01T00:00:00Z"), now)).toEqual(new Date("2026-12-06T10:00:00Z"));
    expect(batchStart(new Date("2026-12-01T00:00:00Z"), null, now)).toEqual(new Date("2026-12-06T10:00:00Z"));
    expect(batchStart(null, null, now)).toEqual(now);
  });

  it("leave the last half minute for the next batch", () => {
    expect(batchEnd(at("10:00:00"))).toEqual(at("09:59:30"));
  });
});
