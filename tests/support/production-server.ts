// Starts the production build (`npm run build`) as its own process, for the scripts that drive it
// over HTTP: the load run, the benchmarks and the screenshots.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const SERVER_BUILD = path.join(ROOT, "build", "server", "index.js");

interface ServerOptions {
  /** Flags for node itself, such as a CPU profile's. */
  nodeOptions?: string[];
  /** Where the server's own log goes; without one, it shares this process's. */
  logFile?: string;
}

export async function startProductionServer(port: number, { nodeOptions = [], logFile }: ServerOptions = {}): Promise<ChildProcess> {
  let log: number | "inherit" = "inherit";
  if (logFile) {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    log = fs.openSync(logFile, "w");
  }
  const child = spawn(process.execPath, [...nodeOptions, path.join(ROOT, "app", "production-server.js"), SERVER_BUILD], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port) },
    stdio: ["ignore", "ignore", log],
  });
  if (typeof log === "number") fs.closeSync(log);
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`http://localhost:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`The production server did not start on port ${port}${logFile ? ` (its log: ${logFile})` : ""}.`);
}

/** The CPU time a process has used so far, in clock ticks (Linux's /proc); null where there is no /proc. */
function cpuTicks(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/**
 * Waits until the server has been nearly idle (under 5% of a core) for a second. Its first
 * background round starts two seconds after it does and, over 10,000 deals, keeps it busy for a
 * while: a measurement started meanwhile shares the server with that round.
 */
export async function untilServerIdle(child: ChildProcess, atMostMs = 60_000): Promise<void> {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  if (!child.pid || cpuTicks(child.pid) === null) return;
  await pause(3_000);
  const until = Date.now() + atMostMs;
  let before = cpuTicks(child.pid)!;
  while (Date.now() < until) {
    await pause(1_000);
    const now = cpuTicks(child.pid);
    if (now === null || now - before <= 5) return;
    before = now;
  }
}

/** SIGINT lets the server finish, so that a profiled run writes its profile. */
export function stopProductionServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGINT");
    const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => clearTimeout(kill));
  });
}
