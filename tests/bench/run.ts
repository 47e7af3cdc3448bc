// npm run bench: prints figures, never fails on time.
import { benchSignals } from "./signals";

const signals = benchSignals();
console.log("Mutual benchmarks");
console.log(
  `  signals engine: ${Math.round(signals.perSecond).toLocaleString("en-US")} milestones/s ` +
    `(${signals.deals.toLocaleString("en-US")} deals × ${signals.milestonesPerDeal} milestones × ${signals.rounds} rounds in ${signals.seconds.toFixed(2)} s; goal ≥ 1,000,000)`,
);
