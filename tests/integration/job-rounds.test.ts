// `npm run jobs` as cron runs it: real processes on the test's database, sending through the real
// resend SDK to the local fake Resend server. Two rounds started together send each reminder once;
// a provider that fails and hangs, and a round killed in the middle of sending, still end with every
// queued email delivered exactly once.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, organizationToday } from "~/domain/dates";
import { prisma } from "~/utils/db.server";
import { LEASE_MS } from "~/utils/outbox-delivery.server";
import { startFakeResend, type FakeResend } from "../setup/fake-resend";
import { sharePlan } from "../fixtures/buyers";
import { createTenant, type Tenant } from "../fixtures/world";

const ROOT = path.resolve(__dirname, "../..");

/** A zone where it is early afternoon now, so no reminder waits for the reader's morning. */
function daytimeZone(now = new Date()): string {
  const hoursToNoon = (12 - now.getUTCHours() + 24) % 24;
  const offset = hoursToNoon > 12 ? hoursToNoon - 24 : hoursToNoon;
  // Etc/GMT zones are named with the sign reversed: Etc/GMT-5 is five hours ahead of UTC.
  return offset === 0 ? "Etc/UTC" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

function startJobs(fake: FakeResend): ChildProcess {
  // tsx as a loader, not its CLI: the CLI runs the script in a child process, which a kill would miss.
  return spawn(process.execPath, ["--import", "tsx", "prisma/jobs.ts"], {
    cwd: ROOT,
    env: { ...process.env, RESEND_API_KEY: "re_test_jobs", RESEND_BASE_URL: fake.url, VITEST: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function finished(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

async function ourEmails(tenant: Tenant) {
  return prisma.emailOutbox.findMany({ where: { organizationId: tenant.organization.id, kind: { in: ["STEP_DUE_SOON", "STEP_OVERDUE"] } } });
}

/** A shared plan with an active buyer who owns a step due in 2 days, and a seller step one day overdue. */
async function planWithReminders(name: string) {
  const tenant = await createTenant(name, daytimeZone());
  // On a Monday the round would also send the weekly digest, and the provider's scripted failures
  // would fall on it instead of on the reminders this test follows.
  await prisma.organization.update({ where: { id: tenant.organization.id }, data: { emailKindsOffByDefault: "WEEKLY_DIGEST" } });
  const { deal, plan, buyer } = tenant.repDeal;
  await sharePlan(deal.id);
  await prisma.participant.update({ where: { id: buyer.id }, data: { accessState: "ACTIVE" } });
  const today = organizationToday(tenant.organization);
  const steps = await prisma.milestone.findMany({ where: { planId: plan.id }, orderBy: { position: "asc" } });
  const buyerStep = steps.find((step) => step.ownerParticipantId === buyer.id)!;
  const sellerStep = steps.find((step) => step.ownerSide === "SELLER")!;
  const rep = await prisma.participant.findFirstOrThrow({ where: { planId: plan.id, userId: tenant.rep.id } });
  for (const step of steps) {
    const targetDate = step.id === buyerStep.id ? addDays(today, 2) : step.id === sellerStep.id ? addDays(today, -1) : addDays(today, 30);
    const owner = step.id === sellerStep.id ? { ownerParticipantId: rep.id } : {};
    await prisma.milestone.update({ where: { id: step.id }, data: { targetDate, status: "NOT_STARTED", ...owner } });
  }
  return { tenant, buyer };
}

let fake: FakeResend;
beforeAll(async () => {
  fake = await startFakeResend();
});
afterAll(() => fake.close());

function deliveriesByKey() {
  const counts = new Map<string, number>();
  for (const email of fake.received) {
    const key = String(email.headers["idempotency-key"]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe("npm run jobs", () => {
  it("started twice at the same moment, sends each reminder once", async () => {
    const { tenant, buyer } = await planWithReminders("Twin rounds");
    const [first, second] = await Promise.all([finished(startJobs(fake)), finished(startJobs(fake))]);
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
    // Neither round may lose a pass to the other (on SQLite, two processes writing one file).
    expect(first.output + second.output).not.toContain("[jobs]");

    const emails = await ourEmails(tenant);
    expect(emails.filter((e) => e.kind === "STEP_DUE_SOON").map((e) => e.to)).toEqual([buyer.email]);
    expect(emails.filter((e) => e.kind === "STEP_OVERDUE").map((e) => e.to)).toEqual([tenant.rep.email]);
    const delivered = deliveriesByKey();
    for (const email of emails) {
      expect(email.status).toBe("SENT");
      expect(delivered.get(email.idempotencyKey)).toBe(1);
    }
  }, 60_000);

  it("delivers every queued email exactly once through an outage, timeouts and a killed round", async () => {
    const { tenant } = await planWithReminders("Outage");
    const before = fake.received.length;
    const repeatsBefore = fake.repeats;
    // The first sends fail with 500s; the next are accepted but never answered in time.
    fake.failNext(1, 500);
    fake.hangNext(1, 120_000);
    const killed = startJobs(fake);
    const killedExit = finished(killed);
    // Killed while its sends hang: the provider has the email, the outbox does not know it yet.
    await waitFor(async () => fake.received.length > before, 30_000);
    killed.kill("SIGKILL");
    await killedExit;
    const queued = await ourEmails(tenant);
    expect(queued.length).toBe(2);
    expect(queued.every((e) => e.status === "PENDING")).toBe(true);

    // A restart at once finds the reminders already queued and the rows still leased: it adds nothing.
    const restart = await finished(startJobs(fake));
    expect(restart.code, restart.output).toBe(0);
    expect(await ourEmails(tenant)).toHaveLength(2);

    // Once the leases and the retry delay pass, a round delivers the rest; the email the provider had
    // already accepted is not delivered again, because its idempotency key is the same.
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 1_000));
    await waitFor(async () => {
      await finished(startJobs(fake));
      return (await ourEmails(tenant)).every((e) => e.status === "SENT");
    }, 90_000);
    const delivered = deliveriesByKey();
    const emails = await ourEmails(tenant);
    expect(emails).toHaveLength(2);
    for (const email of emails) expect(delivered.get(email.idempotencyKey)).toBe(1);
    // The killed round's email was sent again after the restart, and the provider knew it by its key.
    expect(fake.repeats).toBeGreaterThan(repeatsBefore);
  }, 180_000);
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("Timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
