// Guards around workspace administration: a workspace cannot claim another company's domain; an
// invitation dies with its admin's rights; @mentions count as email; an internal note moves nothing
// a buyer's page validator shows; a deleted deal takes its notes; an absurd audit date is a 400.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { openedBody } from "~/utils/sealed.server";
import { hit, LIMITS } from "~/utils/rate-limit.server";
import * as people from "~/routes/_seller.settings.people";
import * as join from "~/routes/join.($token)";
import * as auditPage from "~/routes/_seller.settings.audit";
import { callAction, callLoader } from "../fixtures/routes";
import { buyerLoad, inviteAndSignIn, sellerPost } from "../fixtures/buyers";
import { settingsForm, settingsPost } from "../fixtures/settings";
import { addDealWithPlan, addUser, cookieFor, createTenant, uniqueSuffix, type Tenant } from "../fixtures/world";

let tenant: Tenant;
let adminCookie = "";
beforeAll(async () => {
  tenant = await createTenant("Guards");
  adminCookie = await cookieFor(tenant.admin.id);
});
beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
});

const fieldErrors = (body: unknown) => (body as { result: { error: Record<string, string[]> } }).result.error;

describe("an organization's own domains", () => {
  it("are refused unless an active admin's address is at them, so a workspace cannot claim another company's", async () => {
    const refused = await settingsPost(adminCookie, await settingsForm(tenant.organization.id, { ownDomains: "bigcorp.example", joinByDomain: "on" }));
    expect(refused.status).toBe(400);
    expect(fieldErrors(refused.body).ownDomains?.[0]).toContain("bigcorp.example");
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: tenant.organization.id } })).ownDomains).toBe("");
    const adminDomain = tenant.admin.email.split("@")[1];
    expect((await settingsPost(adminCookie, await settingsForm(tenant.organization.id, { ownDomains: adminDomain }))).status).toBe(303);
  });
});

describe("a seller invitation", () => {
  async function inviteBy(inviterCookie: string) {
    const email = `guest-${uniqueSuffix()}@example.test`;
    const sent = await callAction(people.action, {
      path: "/settings/people",
      cookie: inviterCookie,
      form: { intent: "invite", email, role: "ADMIN", teamId: "" },
    });
    expect(sent.status).toBe(303);
    const row = await prisma.emailOutbox.findFirstOrThrow({ where: { to: email, kind: "SELLER_INVITE" } });
    const token = /\/join\/([A-Za-z0-9_-]+)/.exec(openedBody(row).text)![1];
    return { email, token };
  }

  it("is withdrawn when the admin who sent it is deactivated, and its link no longer makes an account", async () => {
    const rogue = await addUser(tenant.organization.id, "ADMIN");
    const { email, token } = await inviteBy(await cookieFor(rogue.id));
    const version = (await prisma.user.findUniqueOrThrow({ where: { id: rogue.id } })).version;
    const deactivated = await callAction(people.action, {
      path: "/settings/people",
      cookie: adminCookie,
      form: { intent: "deactivate", userId: rogue.id, version },
    });
    expect(deactivated.status).toBe(303);
    expect((await prisma.sellerInvitation.findFirstOrThrow({ where: { email } })).revokedAt).not.toBeNull();
    const accepted = await callAction(join.action, { path: "/join", form: { token, name: "Back Door" } });
    expect(accepted.status).not.toBe(303);
    expect(await prisma.user.findUnique({ where: { email } })).toBeNull();
  });

  it("dies with its sender's admin role, even if it was never withdrawn", async () => {
    const sender = await addUser(tenant.organization.id, "ADMIN");
    const { email, token } = await inviteBy(await cookieFor(sender.id));
    // As an invitation sent before withdrawals existed: the sender is a rep now, the row still open.
    await prisma.user.update({ where: { id: sender.id }, data: { role: "REP" } });
    expect((await callAction(join.action, { path: "/join", form: { token, name: "Late Comer" } })).status).not.toBe(303);
    expect(await prisma.user.findUnique({ where: { email } })).toBeNull();
  });
});

describe("an @mention", () => {
  it("counts against the seller's emailing allowance", async () => {
    const { deal, milestones } = await addDealWithPlan(tenant.repActor);
    const cookie = await cookieFor(tenant.rep.id);
    for (let i = 0; i < LIMITS.emailingPerSeller.max; i++) await hit(LIMITS.emailingPerSeller, tenant.rep.id);
    const comment = { intent: "comment-step", milestoneId: milestones[0].id, body: "@Bea Buyer please look" };
    const refused = await sellerPost(deal.id, comment, cookie);
    expect(refused.status).toBe(429);
    expect(await prisma.comment.count({ where: { milestoneId: milestones[0].id } })).toBe(0);
    // Words without a mention send nothing, and are not counted.
    expect((await sellerPost(deal.id, { ...comment, body: "Looks good" }, cookie)).status).toBe(303);
  });
});

describe("an internal note", () => {
  it("leaves the buyer's page validator as it was: an unchanged page still answers 304", async () => {
    const { deal, buyer } = await addDealWithPlan(tenant.repActor);
    const { cookie, planId } = await inviteAndSignIn(deal.id, buyer.id);
    const before = (await buyerLoad(planId, cookie)).headers.get("ETag")!;
    expect((await sellerPost(deal.id, { intent: "add-note", body: "Their budget is tight" })).status).toBe(303);
    expect((await buyerLoad(planId, cookie)).headers.get("ETag")).toBe(before);
  });

  it("goes with its deal when an admin deletes the deal", async () => {
    const { deal } = await addDealWithPlan(tenant.repActor);
    expect((await sellerPost(deal.id, { intent: "add-note", body: "Gone with the deal" })).status).toBe(303);
    const deleted = await sellerPost(deal.id, { intent: "delete-deal", confirmName: deal.accountName }, adminCookie);
    expect(deleted.status).toBe(303);
    expect(await prisma.internalNote.count({ where: { dealId: deal.id } })).toBe(0);
  });
});

describe("the audit log's dates", () => {
  it.each(["9999-12-31", "0001-01-01"])("answer %s with a 400, not a 500", async (to) => {
    const answer = await callLoader(auditPage.loader, { path: `/settings/audit?to=${to}`, cookie: adminCookie });
    expect(answer.status).toBe(400);
  });
});
