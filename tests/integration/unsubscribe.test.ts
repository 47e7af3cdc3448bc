// Every non-security email carries a one-click stop; security email always goes.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { deliverDueEmails } from "~/utils/email.server";
import * as stop from "~/routes/email.stop";
import { callAction, callLoader } from "../fixtures/routes";
import { addDealWithPlan, createTenant, uniqueSuffix, type Tenant } from "../fixtures/world";
import { joinPost, opened, setAllowedDomains, sharePlan } from "../fixtures/buyers";

let tenant: Tenant;
beforeAll(async () => {
  tenant = await createTenant("Stop");
});

/** A stranger from an allowed domain joins: the rep gets a notice. */
async function strangerJoins() {
  const { deal, plan } = await addDealWithPlan(tenant.repActor);
  await sharePlan(deal.id);
  await setAllowedDomains(deal.id, "joiners.example");
  const email = `dan-${uniqueSuffix()}@joiners.example`;
  await joinPost(plan.id, { intent: "request-code", email });
  await deliverDueEmails();
  const code = /\b(\d{6})\b/.exec(opened(await prisma.emailOutbox.findFirstOrThrow({ where: { to: email } })).text)![1];
  await joinPost(plan.id, { intent: "verify-code", email, code });
  return prisma.emailOutbox.findFirstOrThrow({ where: { to: tenant.rep.email, kind: "REP_NOTICE" }, orderBy: { createdAt: "desc" } });
}

describe("stopping notices", () => {
  it("works from the emailed link: the GET changes nothing, the POST stops further notices", async () => {
    const notice = await strangerJoins();
    // In the plain-text part the link is followed by the sentence's full stop.
    const href = /(https?:\/\/\S+\/email\/stop\?[^\s\])]+?)\.?(?:\s|\]|$)/.exec(notice.text)?.[1];
    expect(href).toBeDefined();
    const url = new URL(href!);

    const page = await callLoader(stop.loader, { path: url.pathname + url.search });
    expect(page.body).toMatchObject({ valid: true, email: tenant.rep.email, kind: "REP_NOTICE" });
    expect(await prisma.emailPreference.count({ where: { email: tenant.rep.email } })).toBe(0);

    const done = await callAction(stop.action, { path: "/email/stop", form: Object.fromEntries(url.searchParams) });
    expect(done.body).toMatchObject({ stopped: true, email: tenant.rep.email });

    const next = await strangerJoins();
    expect(next.id).not.toBe(notice.id);
    expect(next.status).toBe("SUPPRESSED");
  });

  it("works as a mail program's one-click unsubscribe: a POST to the link itself", async () => {
    const notice = await strangerJoins();
    const href = /(https?:\/\/\S+\/email\/stop\?[^\s\])]+?)\.?(?:\s|\]|$)/.exec(notice.text)![1];
    const url = new URL(href);
    await prisma.emailPreference.deleteMany({ where: { email: tenant.rep.email } });
    const done = await callAction(stop.action, { path: url.pathname + url.search, form: { "List-Unsubscribe": "One-Click" } });
    expect(done.body).toMatchObject({ stopped: true, email: tenant.rep.email });
    expect(await prisma.emailPreference.count({ where: { email: tenant.rep.email, kind: "REP_NOTICE", enabled: false } })).toBe(1);
    const forged = await callAction(stop.action, {
      path: `/email/stop?e=${encodeURIComponent(tenant.manager.email)}&k=REP_NOTICE&s=${"0".repeat(64)}`,
      form: { "List-Unsubscribe": "One-Click" },
    });
    expect(forged.status).toBe(400);
  });

  it("refuses a forged link", async () => {
    const forged = await callAction(stop.action, { path: "/email/stop", form: { e: tenant.manager.email, k: "REP_NOTICE", s: "0".repeat(64) } });
    expect(forged.status).toBe(400);
    expect(await prisma.emailPreference.count({ where: { email: tenant.manager.email } })).toBe(0);
  });
});
