// The outbox delivered through the real `resend` SDK to a local fake of Resend's HTTP API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeResend, type FakeResend } from "../setup/fake-resend";

let resend: FakeResend;
// Loaded after the environment points the SDK at the fake server (settings are read once).
let mail: typeof import("~/utils/email.server") & typeof import("~/utils/outbox-delivery.server");
let db: typeof import("~/utils/db.server");

beforeAll(async () => {
  resend = await startFakeResend();
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = resend.url;
  process.env.EMAIL_FROM = "Mutual <plans@mutual.test>";
  mail = { ...(await import("~/utils/email.server")), ...(await import("~/utils/outbox-delivery.server")) };
  db = await import("~/utils/db.server");
});

afterAll(async () => {
  await resend.close();
});

async function queue(kind: string, containsSecret: boolean) {
  const key = `${kind}-${Math.random().toString(36).slice(2)}`;
  return db.prisma.$transaction((tx) =>
    mail.queueEmail(tx, {
      kind,
      to: "buyer@acme.example",
      subject: `Subject ${key}`,
      html: `<p>Secret 123456 for ${key}</p>`,
      text: `Secret 123456 for ${key}`,
      containsSecret,
      idempotencyKey: key,
    }),
  );
}

describe("delivering the outbox", () => {
  it("keeps secret bodies sealed until sent, sends them opened with the idempotency key, and erases them afterwards", async () => {
    const row = await queue("SIGN_IN", true);
    expect(`${row.html} ${row.text}`).not.toContain("123456");
    const report = await mail.deliverDueEmails();
    expect(report).toMatchObject({ sent: 1, failed: 0 });

    const received = resend.received.find((r) => r.body.subject === row.subject)!;
    expect(received.headers["idempotency-key"]).toBe(row.idempotencyKey);
    expect(received.headers.authorization).toBe("Bearer re_test_key");
    const rendered = `Secret 123456 for ${row.idempotencyKey}`;
    expect(received.body).toMatchObject({ from: "Mutual <plans@mutual.test>", to: "buyer@acme.example", text: rendered, html: `<p>${rendered}</p>` });

    const stored = await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ status: "SENT", attempts: 1, providerId: received.id });
    expect(stored.html).not.toContain("123456");
    expect(stored.text).not.toContain("123456");
  });

  it("offers mail programs a one-click stop on notices, never on security email", async () => {
    const notice = await queue("REP_NOTICE", false);
    const secret = await queue("SIGN_IN", true);
    await mail.deliverDueEmails();
    const sent = (subject: string) => resend.received.find((r) => r.body.subject === subject)!.body as { headers?: Record<string, string> };
    const headers = sent(notice.subject).headers!;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const link = new URL(/^<(.+)>$/.exec(headers["List-Unsubscribe"])![1]);
    expect(link.pathname).toBe("/email/stop");
    expect(Object.fromEntries(link.searchParams)).toMatchObject({ e: "buyer@acme.example", k: "REP_NOTICE", s: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(sent(secret.subject).headers).toBeUndefined();
  });

  it("never sends a sealed body that was changed, and erases it once it gives up", async () => {
    const row = await queue("SIGN_IN", true);
    const changed = row.text.slice(0, -6) + (row.text.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    await db.prisma.emailOutbox.update({ where: { id: row.id }, data: { text: changed } });
    let at = Date.now();
    for (let attempt = 1; attempt <= 60; attempt++) {
      expect(await mail.deliverDueEmails(new Date(at))).toMatchObject({ sent: 0 });
      at += mail.retryDelayMs(attempt, true) + 1;
    }
    expect(resend.received.filter((r) => r.body.subject === row.subject)).toHaveLength(0);
    const failed = await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed).toMatchObject({ status: "FAILED", text: "(erased: never delivered)" });
    expect(failed.lastError).toContain("cannot be opened");
  });

  it("keeps the body of an ordinary email", async () => {
    const row = await queue("DIGEST", false);
    await mail.deliverDueEmails();
    expect(await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", text: row.text });
  });

  it("retries a failed send later with backoff, then succeeds", async () => {
    const row = await queue("INVITE", false);
    resend.failNext(1, 503);
    const now = new Date();
    expect(await mail.deliverDueEmails(now)).toMatchObject({ sent: 0, failed: 1 });
    const failed = await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(failed.lastError).toContain("Simulated outage");
    expect(failed.nextAttemptAt.getTime()).toBe(now.getTime() + mail.retryDelayMs(1));

    // Not due yet: nothing happens.
    expect(await mail.deliverDueEmails(now)).toMatchObject({ sent: 0, failed: 0 });
    const later = new Date(now.getTime() + mail.retryDelayMs(1) + 1);
    expect(await mail.deliverDueEmails(later)).toMatchObject({ sent: 1 });
    expect(await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("gives up after 8 attempts and marks the email failed", async () => {
    const row = await queue("INVITE", false);
    resend.failNext(8, 500);
    let at = Date.now();
    for (let attempt = 1; attempt <= 8; attempt++) {
      await mail.deliverDueEmails(new Date(at));
      at += mail.retryDelayMs(attempt) + 1;
    }
    expect(await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "FAILED", attempts: 8 });
  });

  it("doubles the retry delay up to an hour, and retries security email every few seconds", () => {
    expect([1, 2, 3, 4].map((n) => mail.retryDelayMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(mail.retryDelayMs(20)).toBe(3_600_000);
    expect([1, 2, 3, 30].map((n) => mail.retryDelayMs(n, true))).toEqual([5_000, 10_000, 15_000, 15_000]);
  });

  it("gets a sign-in code out within seconds of the provider recovering from a long outage", async () => {
    const code = await queue("SIGN_IN", true);
    resend.failNext(10, 503);
    let at = Date.now();
    for (let attempt = 1; attempt <= 10; attempt++) {
      await mail.deliverDueEmails(new Date(at));
      at = (await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: code.id } })).nextAttemptAt.getTime();
    }
    const waiting = await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: code.id } });
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 10 });
    expect(waiting.nextAttemptAt.getTime() - Date.now()).toBeLessThanOrEqual(15_000 * 10 + 60_000);
    await mail.deliverDueEmails(new Date(at));
    expect(await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: code.id } })).toMatchObject({ status: "SENT", attempts: 11 });
  });
});

describe("a stuck provider", () => {
  it("delays nothing else: while one call hangs for 60 s, ten other emails, a sign-in code among them, go out within seconds", async () => {
    const stuck = await queue("INVITE", true);
    resend.hangNext(1, 60_000);
    const others = [];
    for (let i = 0; i < 9; i++) others.push(await queue("DIGEST", false));
    others.push(await queue("SIGN_IN", true));

    const started = Date.now();
    const pass = mail.deliverDueEmails();
    const subjects = new Set(others.map((row) => row.subject));
    while (resend.received.filter((r) => subjects.has(r.body.subject)).length < others.length && Date.now() - started < 8_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const delivered = resend.received.filter((r) => subjects.has(r.body.subject));
    expect(delivered).toHaveLength(10);
    expect(Math.max(...delivered.map((r) => r.at)) - started).toBeLessThan(5_000);

    // The hung call is abandoned at the timeout and retried later under the same idempotency key.
    const report = await pass;
    expect(Date.now() - started).toBeLessThan(mail.SEND_TIMEOUT_MS + 5_000);
    expect(report).toMatchObject({ sent: 10, failed: 1 });
    const abandoned = await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: stuck.id } });
    expect(abandoned).toMatchObject({ status: "PENDING", attempts: 1 });
    await mail.deliverDueEmails(new Date(abandoned.nextAttemptAt.getTime() + 1));
    expect(await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({ status: "SENT", attempts: 2 });
    expect(resend.received.filter((r) => r.body.subject === stuck.subject)).toHaveLength(1);
    expect(resend.repeats).toBe(1);
  }, 30_000);

  it("sends security email first", async () => {
    const notices = [];
    for (let i = 0; i < 6; i++) notices.push(await queue("DIGEST", false));
    const code = await queue("SIGN_IN", true);
    const before = resend.received.length;
    await mail.deliverDueEmails();
    const order = resend.received.slice(before).map((r) => r.body.subject);
    // Queued last, it is among the first sends that start together.
    expect(order.indexOf(code.subject)).toBeLessThan(4);
    expect(order).toHaveLength(notices.length + 1);
  });
});
