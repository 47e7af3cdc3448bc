// The figures a run prints: throughput, latency percentiles by side and kind, answers by class.
import type { Sample, Side, RequestKind } from "./browser";
import type { Audit } from "./audit";
import type { WriteRecord } from "./editors";

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function latencies(samples: Sample[], side?: Side, kind?: RequestKind) {
  const ms = samples
    .filter((s) => (!side || s.side === side) && (!kind || s.kind === kind))
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  return { count: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99) };
}

function answerClasses(samples: Sample[]) {
  const count = (test: (status: number) => boolean) => samples.filter((s) => test(s.status)).length;
  return {
    "2xx": count((s) => s >= 200 && s < 300),
    "303": count((s) => s === 303),
    "304": count((s) => s === 304),
    "409": count((s) => s === 409),
    "other 4xx": count((s) => s >= 400 && s < 500 && s !== 409),
    "5xx": count((s) => s >= 500),
    "no answer": count((s) => s === 0),
  };
}

/** How each kind of write was answered, e.g. "seller redate: 202 ×40, 409 ×3". */
function writeAnswers(writes: WriteRecord[]): string[] {
  const groups = new Map<string, Map<number, number>>();
  for (const w of writes) {
    const key = `${w.side} ${w.intent}`;
    const statuses = groups.get(key) ?? new Map<number, number>();
    statuses.set(w.status, (statuses.get(w.status) ?? 0) + 1);
    groups.set(key, statuses);
  }
  return [...groups].sort().map(
    ([key, statuses]) =>
      `${key}: ${[...statuses]
        .sort()
        .map(([status, n]) => `${status} ×${n}`)
        .join(", ")}`,
  );
}

export function printReport(
  options: { editors: number; seconds: number; database: string; thinkMs: number },
  samples: Sample[],
  writeRecords: WriteRecord[],
  audit: Audit,
) {
  const writes = samples.filter((s) => s.kind === "write");
  console.log(`\n${options.editors} editors for ${options.seconds} s on ${options.database} (think time ${options.thinkMs} ms ±50% between steps)`);
  console.log(
    `  ${fmt(samples.length / options.seconds, 1)} requests/s, ${fmt(writes.length / options.seconds, 1)} writes/s (${samples.length} requests, ${writes.length} writes)`,
  );
  console.log("  latency (ms)          count     p50     p95     p99");
  for (const side of ["seller", "buyer"] as const) {
    for (const kind of ["read", "write"] as const) {
      const l = latencies(samples, side, kind);
      console.log(
        `  ${`${side} ${kind}s`.padEnd(20)} ${String(l.count).padStart(7)} ${fmt(l.p50).padStart(7)} ${fmt(l.p95).padStart(7)} ${fmt(l.p99).padStart(7)}`,
      );
    }
  }
  const all = latencies(samples, undefined, "write");
  console.log(
    `  ${"all writes".padEnd(20)} ${String(all.count).padStart(7)} ${fmt(all.p50).padStart(7)} ${fmt(all.p95).padStart(7)} ${fmt(all.p99).padStart(7)}`,
  );
  const seller = latencies(samples, "seller", "write").p50;
  const buyer = latencies(samples, "buyer", "write").p50;
  console.log(`  seller write p50 / buyer write p50 = ${fmt(seller / buyer, 2)}`);
  console.log(`  writes by kind: ${writeAnswers(writeRecords).join("; ")}`);
  console.log(
    `  answers: ${Object.entries(answerClasses(samples))
      .map(([name, n]) => `${name} ${n}`)
      .join(", ")}`,
  );
  console.log(
    `  stale writes ${audit.staleWrites}, of them answered 409: ${audit.staleAnswered409}; conflicts without a stale version: ${audit.falseConflicts}; ` +
      `committed but unanswered: ${audit.unacknowledged}`,
  );
  console.log(`  lost updates: ${audit.lostUpdates}`);
  for (const detail of audit.details) console.log(`    ${detail}`);
}
