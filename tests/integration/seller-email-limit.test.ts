// A signed-in seller's acts that send email are limited per person: a stolen session cannot turn
// the app into a mailer. Past the limit the answer is a 429 with Retry-After, and nothing is queued.
import { beforeAll, describe, expect, it } from "vitest";
import * as dealPage from "~/routes/_seller.deals.$dealId/route";
import { prisma } from "~/utils/db.server";
import { hit, LIMITS } from "~/utils/rate-limit.server";
import { callAction } from "../fixtures/routes";
import { cookieFor, createTenant, type Tenant } from "../fixtures/world";

let tenant: Tenant;
let cookie: string;
beforeAll(async () => {
  tenant = await createTenant("Emailing limit");
  cookie = await cookieFor(tenant.rep.id);
});

describe("a seller's emailing", () => {
  it("is refused with Retry-After once the hour's allowance is spent, and queues nothing", async () => {
    const { deal, buyer } = tenant.repDeal;
    const invite = () =>
      callAction(dealPage.action, {
        path: `/deals/${deal.id}`,
        params: { dealId: deal.id },
        cookie,
        form: { intent: "invite-buyers", participantIds: buyer.id },
      });
    expect((await invite()).status).toBe(303);
    for (let i = 1; i < LIMITS.emailingPerSeller.max; i++) await hit(LIMITS.emailingPerSeller, tenant.rep.id);
    const queued = await prisma.emailOutbox.count({ where: { to: buyer.email } });
    const refused = await invite();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await prisma.emailOutbox.count({ where: { to: buyer.email } })).toBe(queued);
  });
});
