// Signals engine throughput: 10,000 generated deals of 15 milestones each, derived several times
// after a warm-up. Prints milestones per second; the goal (issue 4) is at least 1,000,000.
import { addDays } from "~/domain/dates";
import { deriveDealSignals, type DealSnapshot, type ForecastCategory } from "~/domain/signals";

const DEALS = 10_000;
const MILESTONES = 15;
const ROUNDS = 5;
const TODAY = "2026-11-22";
const CATEGORIES: ForecastCategory[] = ["PIPELINE", "BEST_CASE", "COMMIT", "OMITTED"];
const ROLES = ["ECONOMIC_BUYER", "CHAMPION", "TECHNICAL_EVALUATOR", "PROCUREMENT", "LEGAL", "OTHER"] as const;

/** A small deterministic generator, so every run measures the same data. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function generate(): DealSnapshot[] {
  const next = random(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const deals: DealSnapshot[] = [];
  for (let d = 0; d < DEALS; d++) {
    const start = addDays(TODAY, -Math.floor(next() * 60));
    const milestones: DealSnapshot["milestones"] = [];
    for (let i = 0; i < MILESTONES; i++) {
      const original = addDays(start, 3 + i * 4);
      const slip = next() < 0.2 ? Math.floor(next() * 10) : 0;
      const target = addDays(original, slip);
      const done = target < TODAY && next() < 0.7;
      milestones.push({
        id: `m${d}-${i}`,
        title: `Step ${i + 1}`,
        ownerSide: pick(["BUYER", "SELLER", "JOINT"] as const),
        originalTargetDate: original,
        targetDate: target,
        redateCount: slip > 0 ? 1 : 0,
        status: done ? "DONE" : pick(["NOT_STARTED", "IN_PROGRESS", "BLOCKED"] as const),
        completedOn: done ? addDays(target, Math.floor(next() * 3) - 1) : null,
        buyerConfirmed: done && next() < 0.8,
        gatesStage: i % 3 === 0 ? 2 + (i % 5) : null,
        internalOnly: i === 14,
      });
    }
    deals.push({
      deal: {
        amount: 10_000 + Math.floor(next() * 200_000),
        stage: 1 + Math.floor(next() * 6),
        targetCloseDate: addDays(TODAY, Math.floor(next() * 120)),
        repForecastCategory: pick(CATEGORIES),
        outcome: next() < 0.9 ? "OPEN" : pick(["WON", "LOST"] as const),
        meddpiccTotal: next() < 0.5 ? Math.floor(next() * 17) : null,
      },
      org: { timezone: "Europe/Berlin", fiscalYearStartMonth: 2 },
      plan: { status: pick(["DRAFT", "SHARED", "ACCEPTED"] as const), sharedOn: start },
      milestones,
      participants: Array.from({ length: 1 + Math.floor(next() * 7) }, () => ({
        side: "BUYER" as const,
        role: pick(ROLES),
        status: pick(["INVITED", "ACTIVE", "ACTIVE", "REVOKED"] as const),
        lastActiveOn: addDays(TODAY, -Math.floor(next() * 20)),
      })),
      lastBuyerActivityOn: addDays(TODAY, -Math.floor(next() * 40)),
    });
  }
  return deals;
}

export function benchSignals() {
  const deals = generate();
  let checksum = 0;
  for (const deal of deals) checksum += deriveDealSignals(deal, TODAY).health.score; // warm-up
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const deal of deals) checksum += deriveDealSignals(deal, TODAY).health.score;
  }
  const seconds = (performance.now() - started) / 1000;
  const milestones = DEALS * MILESTONES * ROUNDS;
  const perSecond = milestones / seconds;
  return { deals: DEALS, milestonesPerDeal: MILESTONES, rounds: ROUNDS, seconds, perSecond, checksum };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = benchSignals();
  console.log(
    `signals: ${r.deals.toLocaleString("en-US")} deals × ${r.milestonesPerDeal} milestones × ${r.rounds} rounds in ${r.seconds.toFixed(3)} s = ${Math.round(r.perSecond).toLocaleString("en-US")} milestones/s (goal ≥ 1,000,000)`,
  );
}
