// Properties of the engagement rule (docs/notifications.md, "Buyer engagement") over any figures:
// it reads both windows the same way, so it never contradicts itself.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { engagementDirection, engagementTrend, type EngagementDirection } from "./buyer-visits";
import { ENGAGEMENT } from "./thresholds";

const RUNS = { numRuns: 500 };
const RANK: Record<EngagementDirection, number> = { FALLING: 0, FLAT: 1, RISING: 2 };
const MIRROR: Record<EngagementDirection, EngagementDirection> = { RISING: "FALLING", FLAT: "FLAT", FALLING: "RISING" };
const figure = fc.integer({ min: 0, max: 400 });

describe("the engagement rule", () => {
  it("swapping the windows turns rising into falling and back, and keeps flat", () => {
    fc.assert(
      fc.property(figure, figure, (recent, before) => {
        expect(engagementDirection(before, recent)).toBe(MIRROR[engagementDirection(recent, before)]);
      }),
      RUNS,
    );
  });

  it("equal windows are flat", () => {
    fc.assert(
      fc.property(figure, (n) => {
        expect(engagementDirection(n, n)).toBe("FLAT");
      }),
      RUNS,
    );
  });

  it("more recent activity never lowers the label, and more earlier activity never raises it", () => {
    fc.assert(
      fc.property(figure, figure, fc.integer({ min: 1, max: 50 }), (recent, before, more) => {
        const label = RANK[engagementDirection(recent, before)];
        expect(RANK[engagementDirection(recent + more, before)]).toBeGreaterThanOrEqual(label);
        expect(RANK[engagementDirection(recent, before + more)]).toBeLessThanOrEqual(label);
      }),
      RUNS,
    );
  });

  it("never calls a difference smaller than the threshold anything but flat", () => {
    fc.assert(
      fc.property(figure, fc.integer({ min: 0, max: ENGAGEMENT.minDifference - 1 }), (before, gap) => {
        expect(engagementDirection(before + gap, before)).toBe("FLAT");
      }),
      RUNS,
    );
  });

  it("moving every visit and change 14 days back turns the trend into its mirror", () => {
    const today = "2026-12-20";
    const day = fc.integer({ min: 0, max: ENGAGEMENT.windowDays - 1 }).map((age) => addDays(today, -age));
    fc.assert(
      fc.property(fc.array(fc.record({ day, visits: fc.integer({ min: 0, max: 6 }) }), { maxLength: 30 }), (recentDays) => {
        const trend = engagementTrend({ today, timeZone: "UTC", visitDays: recentDays, buyerChanges: [] });
        const moved = recentDays.map((d) => ({ ...d, day: addDays(d.day, -ENGAGEMENT.windowDays) }));
        const earlier = engagementTrend({ today, timeZone: "UTC", visitDays: moved, buyerChanges: [] });
        expect(earlier.before).toEqual(trend.recent);
        expect(earlier.direction).toBe(MIRROR[trend.direction]);
      }),
      RUNS,
    );
  });
});
