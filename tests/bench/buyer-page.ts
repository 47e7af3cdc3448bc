// (b) The buyer plan page's server throughput against the same server's bare health route, under
// the same concurrent load (10 connections), in alternating rounds; (b') the same for the page's
// live-update poll when nothing changed (answered 304); (c) the JavaScript the buyer plan page
// sends, gzipped, as Chromium receives it. Runs the production build against the database
// DATABASE_URL points at.
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { prisma } from "~/utils/db.server";
import { startSession } from "~/utils/session.server";
import { addDays, organizationToday } from "~/domain/dates";
import { ROOT, startProductionServer, stopProductionServer, untilServerIdle } from "../support/production-server";

const PORT = 3199;
export const BASE = `http://localhost:${PORT}`;

/** A plan of the size the goal names: 15 milestones, 8 participants, 40 activity rows. */
export async function planFixture(organizationId: string) {
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const owner = await prisma.user.findFirstOrThrow({ where: { organizationId, role: "REP" } });
  const today = organizationToday(org);
  const deal = await prisma.deal.create({
    data: {
      organizationId,
      ownerId: owner.id,
      accountName: "Bench Buyer Co",
      name: "Benchmark deal",
      amount: 90000,
      stage: 4,
      targetCloseDate: addDays(today, 40),
    },
  });
  const plan = await prisma.plan.create({
    data: {
      organizationId,
      dealId: deal.id,
      title: "Bench Buyer Co: mutual action plan",
      status: "SHARED",
      sharedOn: addDays(today, -20),
      sharedAt: new Date(),
      summary: "Benchmark plan.",
    },
  });
  const people = [];
  people.push(
    await prisma.participant.create({
      data: { organizationId, planId: plan.id, side: "SELLER", userId: owner.id, email: owner.email, name: owner.name, accessState: "ACTIVE" },
    }),
  );
  for (let i = 0; i < 7; i++) {
    people.push(
      await prisma.participant.create({
        data: {
          organizationId,
          planId: plan.id,
          side: "BUYER",
          email: `buyer${i}@benchbuyer.example`,
          name: `Bench Buyer ${i + 1}`,
          role: i === 0 ? "CHAMPION" : "OTHER",
          accessState: "ACTIVE",
        },
      }),
    );
  }
  for (let i = 0; i < 15; i++) {
    const target = addDays(today, -20 + i * 5);
    await prisma.milestone.create({
      data: {
        organizationId,
        planId: plan.id,
        title: `Benchmark step ${i + 1}`,
        output: "Signed evidence",
        ownerSide: i % 3 === 0 ? "SELLER" : i % 3 === 1 ? "BUYER" : "JOINT",
        ownerParticipantId: people[(i % 7) + 1].id,
        targetDate: target,
        originalTargetDate: target,
        status: i < 4 ? "DONE" : "NOT_STARTED",
        completedOn: i < 4 ? target : null,
        markedDoneBySide: i < 4 ? "BUYER" : null,
        position: i + 1,
      },
    });
  }
  await prisma.activity.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({
      organizationId,
      dealId: deal.id,
      planId: plan.id,
      actorSide: i % 2 ? "BUYER" : "SELLER",
      actorName: i % 2 ? "Bench Buyer 1" : owner.name,
      entityType: "PLAN",
      entityId: plan.id,
      action: "comment.added",
      after: JSON.stringify({ body: `Note ${i + 1}` }),
    })),
  });
  const cookie = (
    await startSession({
      kind: "BUYER",
      organizationId,
      buyerEmail: "buyer0@benchbuyer.example",
      signIn: { email: "buyer0@benchbuyer.example", via: "link", planId: plan.id },
    })
  ).split(";")[0];
  return { planId: plan.id, dealId: deal.id, cookie };
}

/** Where the benchmarked server's own log goes, apart from the figures. */
export const SERVER_LOG = path.join(ROOT, "tests", ".tmp", "bench-server.log");

export function startServer(): Promise<ChildProcess> {
  return startProductionServer(PORT, { logFile: SERVER_LOG });
}

function load(url: string, cookie?: string, duration = 4, validator?: string) {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (validator) headers["if-none-match"] = validator;
  return autocannon({ url, connections: 10, duration, headers });
}

const ROUNDS = 3;

/**
 * The health route, the buyer page and its unchanged poll, measured in turns (health, page, poll,
 * health, ...) so that all see the same machine: the other work sharing these two cores moves a
 * single run by ±30%.
 */
async function alternate(health: string, page: string, cookie: string, validator: string) {
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) {
    const healthRun = await load(health);
    const pageRun = await load(page, cookie);
    const pollRun = await load(page, cookie, 4, validator);
    rounds.push({ health: healthRun, page: pageRun, poll: pollRun });
  }
  const rate = (runs: autocannon.Result[]) => runs.reduce((sum, run) => sum + run.requests.total, 0) / runs.reduce((sum, run) => sum + run.duration, 0);
  const pages = rounds.map((round) => round.page);
  const polls = rounds.map((round) => round.poll);
  const healthRps = rate(rounds.map((round) => round.health));
  return {
    healthRps,
    buyerRps: rate(pages),
    roundShares: rounds.map((round) => round.page.requests.average / round.health.requests.average),
    errors: pages.reduce((sum, run) => sum + run.errors + run.non2xx + run.timeouts, 0),
    buyerLatencyP50: Math.max(...pages.map((run) => run.latency.p50)),
    pollRps: rate(polls),
    pollShare: rate(polls) / healthRps,
    pollRoundShares: rounds.map((round) => round.poll.requests.average / round.health.requests.average),
    // Anything but a 304 is a miss: the poll must find the page unchanged every time.
    pollErrors: polls.reduce((sum, run) => sum + run.errors + run.timeouts + run.requests.total - run["3xx"], 0),
  };
}

export async function benchBuyerPage(organizationId: string) {
  const fixture = await planFixture(organizationId);
  const server = await startServer();
  try {
    await untilServerIdle(server);
    const page = `${BASE}/p/${fixture.planId}`;
    const check = await fetch(page, { headers: { cookie: fixture.cookie } });
    if (check.status !== 200) throw new Error(`The buyer page answered ${check.status}, not 200`);
    const validator = check.headers.get("ETag");
    if (!validator) throw new Error("The buyer page sent no ETag");
    const poll = await fetch(page, { headers: { cookie: fixture.cookie, "if-none-match": validator } });
    if (poll.status !== 304) throw new Error(`An unchanged poll answered ${poll.status}, not 304`);
    await load(`${BASE}/healthz`, undefined, 2); // warm-up
    await load(page, fixture.cookie, 2);
    await load(page, fixture.cookie, 2, validator);
    const measured = await alternate(`${BASE}/healthz`, page, fixture.cookie, validator);

    const browser = await chromium.launch({
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    let jsBytes = 0;
    let jsFiles = 0;
    try {
      const context = await browser.newContext({ extraHTTPHeaders: { cookie: fixture.cookie } });
      const tab = await context.newPage();
      const scripts: Array<Promise<number>> = [];
      tab.on("requestfinished", (request) => {
        if (request.resourceType() === "script") scripts.push(request.sizes().then((s) => s.responseBodySize));
      });
      await tab.goto(page, { waitUntil: "networkidle" });
      const sizes = await Promise.all(scripts);
      jsFiles = sizes.length;
      jsBytes = sizes.reduce((a, b) => a + b, 0);
    } finally {
      await browser.close();
    }
    return {
      ...measured,
      share: measured.buyerRps / measured.healthRps,
      jsBytes,
      jsFiles,
    };
  } finally {
    await stopProductionServer(server);
    await prisma.deal.delete({ where: { id: fixture.dealId } });
  }
}
