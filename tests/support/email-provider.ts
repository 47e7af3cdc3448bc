// The email provider a measured server sends to: the local fake Resend, which accepts every email.
// Without one, the server's outbox retries every queued email against a provider it cannot reach,
// and that background work lands in whichever round of a measurement it happens to overlap.
import { startFakeResend, type FakeResend } from "../setup/fake-resend";

/** Starts the fake and points this process, and every server it starts afterwards, at it. */
export async function startEmailProvider(): Promise<FakeResend> {
  const provider = await startFakeResend();
  process.env.RESEND_BASE_URL = provider.url;
  process.env.RESEND_API_KEY ??= "re_measurement_key";
  return provider;
}

/**
 * Sends everything already due in the database's outbox before a measurement starts, so the
 * measured server begins with none of it. Returns how many emails went out. A pass may only set
 * aside rows it must not send (suppressed or outdated), so it goes on until no due row is left.
 */
export async function drainOutbox(): Promise<number> {
  const { deliverDueEmails } = await import("~/utils/outbox-delivery.server");
  const { prisma } = await import("~/utils/db.server");
  const due = () => prisma.emailOutbox.count({ where: { status: "PENDING", nextAttemptAt: { lte: new Date() } } });
  let total = 0;
  // Each pass handles a batch; a failed send is put off, so the due rows run out.
  for (let passes = 0; passes < 1_000 && (await due()) > 0; passes++) total += (await deliverDueEmails()).sent;
  return total;
}
