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
 * measured server begins with none of it. Returns how many emails went out.
 */
export async function drainOutbox(): Promise<number> {
  const { deliverDueEmails } = await import("~/utils/outbox-delivery.server");
  let total = 0;
  for (;;) {
    const report = await deliverDueEmails();
    total += report.sent;
    if (report.sent + report.failed + report.captured === 0) return total;
  }
}
