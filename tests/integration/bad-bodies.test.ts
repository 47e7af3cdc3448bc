// A body that is not the form it claims to be is bad input: every action answers 400 with a plain
// sentence, as it does for a form with wrong fields, and nothing is written.
import { beforeAll, describe, expect, it } from "vitest";
import * as login from "~/routes/login";
import * as verify from "~/routes/auth.verify";
import * as dealPage from "~/routes/_seller.deals.$dealId/route";
import * as newDeal from "~/routes/_seller.deals.new";
import * as stopEmails from "~/routes/email.stop";
import { prisma } from "~/utils/db.server";
import { callAction } from "../fixtures/routes";
import { cookieFor, createTenant, type Tenant } from "../fixtures/world";

const BROKEN_BODIES = [
  { contentType: "multipart/form-data; boundary=abc", body: '--abc\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupdate-deal' },
  { contentType: "multipart/form-data", body: "no boundary at all" },
];

let tenant: Tenant;
let cookie: string;
beforeAll(async () => {
  tenant = await createTenant("Bad bodies");
  cookie = await cookieFor(tenant.rep.id);
});

describe("a broken form body", () => {
  it.each(BROKEN_BODIES)("is a 400 on the public forms ($contentType)", async (raw) => {
    for (const [route, path] of [
      [login, "/login"],
      [verify, "/auth/verify"],
      [stopEmails, "/email/stop"],
    ] as const) {
      const answer = await callAction(route.action, { path, raw });
      expect(answer.status, path).toBe(400);
      expect(String(answer.body)).toContain("could not be read");
    }
  });

  it.each(BROKEN_BODIES)("is a 400 on a seller's pages, and nothing changes ($contentType)", async (raw) => {
    const dealId = tenant.repDeal.deal.id;
    const before = await prisma.deal.findUniqueOrThrow({ where: { id: dealId } });
    expect((await callAction(dealPage.action, { path: `/deals/${dealId}`, params: { dealId }, cookie, raw })).status).toBe(400);
    expect((await callAction(newDeal.action, { path: "/deals/new", cookie, raw })).status).toBe(400);
    expect(await prisma.deal.findUniqueOrThrow({ where: { id: dealId } })).toEqual(before);
  });
});
