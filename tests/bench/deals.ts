// (d) The pipeline list (/deals) for an admin of the large organization: server time and HTML
// bytes per page, beside the same server's /healthz, one request at a time. The signal cache is
// brought up to date first, as the background job does after start and after each midnight.
import { prisma } from "~/utils/db.server";
import { startSession } from "~/utils/session.server";
import { refreshSignalCache } from "~/models/signals.server";
import { organizationToday } from "~/domain/dates";
import { BASE, startServer } from "./buyer-page";
import { stopProductionServer } from "../support/production-server";

const RUNS = 15;

async function timed(url: string, cookie?: string) {
  const started = performance.now();
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return { ms: performance.now() - started, bytes: body.byteLength };
}

/** Median time and the bytes of one page, each URL measured in turns with /healthz so both see the same machine. */
async function measure(url: string, cookie: string) {
  const page: number[] = [];
  const health: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    health.push((await timed(`${BASE}/healthz`)).ms);
    const run = await timed(url, cookie);
    page.push(run.ms);
    bytes = run.bytes;
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ms: median(page), healthMs: median(health), bytes };
}

export async function benchDeals(organizationId: string) {
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const admin = await prisma.user.findFirstOrThrow({ where: { organizationId, role: "ADMIN" } });
  const refreshStarted = performance.now();
  const refreshed = await refreshSignalCache(organizationId, null, organizationToday(org));
  const refreshMs = performance.now() - refreshStarted;
  const cookie = (await startSession({ kind: "SELLER", organizationId, userId: admin.id, signIn: { email: admin.email, via: "link" } })).split(";")[0];
  const someAccount = (await prisma.deal.findFirstOrThrow({ where: { organizationId }, select: { accountName: true } })).accountName;
  const server = await startServer();
  try {
    for (let i = 0; i < 3; i++) await timed(`${BASE}/deals`, cookie); // warm-up
    const pages = {
      first: await measure(`${BASE}/deals`, cookie),
      deep: await measure(`${BASE}/deals?sort=close&page=150`, cookie),
      search: await measure(`${BASE}/deals?q=${encodeURIComponent(someAccount.split(" ")[0].toLowerCase())}&stalled=1`, cookie),
    };
    return { refreshed, refreshMs, pages };
  } finally {
    await stopProductionServer(server);
  }
}
