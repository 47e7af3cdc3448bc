import { describe, expect, it } from "vitest";
import { memoize } from "./memo";

describe("memoize", () => {
  it("computes each key once, and never holds more than its limit", () => {
    let calls = 0;
    const double = memoize(
      (n: number) => (calls++, n * 2),
      (n) => String(n),
      3,
    );
    expect([double(1), double(1), double(2), double(3)]).toEqual([2, 2, 4, 6]);
    expect(calls).toBe(3);
    expect(double(4)).toBe(8); // the cache was full: it starts again
    expect(double(1)).toBe(2);
    expect(calls).toBe(5);
  });
});
