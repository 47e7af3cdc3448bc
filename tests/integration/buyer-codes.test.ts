// A buyer's codes (docs/product.md, "Access"): an invitation's code works on the plan's page on any
// device, whatever was done there before; lifetimes follow the organization's setting for
// invitations and stay 15 minutes for a buyer's own code; a code never opens another plan.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { addBuyerParticipant } from "~/models/participant.server";
import {
  buyerCookieOf,
  buyerLoad,
  emailsDuring,
  freshIp,
  invite,
  joinPost,
  postLink,
  secretsOf,
  sellerPost,
  setAllowedDomains,
  sharePlan,
} from "../fixtures/buyers";
import { addDealWithPlan, createTenant, uniqueSuffix, type Tenant } from "../fixtures/world";

let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant("Codes");
});

const DAY_MS = 86_400_000;
const freshDeal = () => addDealWithPlan(tenant.repActor);
const buyerSessions = (email: string) => prisma.session.count({ where: { kind: "BUYER", buyerEmail: email } });

async function invitationOf(dealId: string, participantId: string) {
  const [mail] = (await invite(dealId, [participantId])).emails.get(participantId)!;
  return { mail, ...secretsOf(mail) };
}

/** Types an email and code into the plan page's "I have a code" form. */
const typeCode = (planId: string, email: string, code: string, ip = freshIp()) => joinPost(planId, { intent: "verify-code", email, code }, ip);

/** Moves a person's verifications on this plan `days` into the past, as if that much time went by. */
async function age(planId: string, email: string, days: number) {
  for (const row of await prisma.verification.findMany({ where: { planId, target: email } })) {
    const shift = (date: Date) => new Date(date.getTime() - days * DAY_MS);
    await prisma.verification.update({ where: { id: row.id }, data: { createdAt: shift(row.createdAt), expiresAt: shift(row.expiresAt) } });
  }
}

describe("lifetimes", () => {
  it("gives an invitation's link and code the organization's days (7 by default)", async () => {
    expect(tenant.organization.buyerInvitationDays).toBe(7);
    const { deal, plan, buyer } = await freshDeal();
    const { mail } = await invitationOf(deal.id, buyer.id);
    const rows = await prisma.verification.findMany({ where: { planId: plan.id, target: buyer.email } });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * DAY_MS);
    expect(mail.text).toContain("for 7 days");
  });

  it("follows a changed setting", async () => {
    const other = await createTenant("Short");
    await prisma.organization.update({ where: { id: other.organization.id }, data: { buyerInvitationDays: 3 } });
    const { deal, plan, buyer } = await addDealWithPlan(other.repActor);
    const { mail } = await invitationOf(deal.id, buyer.id);
    const rows = await prisma.verification.findMany({ where: { planId: plan.id, target: buyer.email } });
    for (const row of rows) expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(3 * DAY_MS);
    expect(mail.text).toContain("for 3 days");
  });

  it("keeps a buyer's own code at 15 minutes", async () => {
    const { deal, plan, buyer } = await freshDeal();
    await invite(deal.id, [buyer.id]);
    const { emails } = await emailsDuring(buyer.email, () => joinPost(plan.id, { intent: "request-code", email: buyer.email }));
    expect(emails.map((e) => e.kind)).toEqual(["BUYER_SIGN_IN"]);
    expect(emails[0].text).toContain("expire in 15 minutes");
    const own = await prisma.verification.findFirstOrThrow({ where: { planId: plan.id, target: buyer.email, type: "BUYER_SIGN_IN" } });
    expect(own.expiresAt.getTime() - own.createdAt.getTime()).toBe(15 * 60_000);
  });

  it("opens the plan with a six-day-old invitation, and refuses an eight-day-old one", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { code } = await invitationOf(deal.id, buyer.id);
    await age(plan.id, buyer.email, 6);
    expect((await typeCode(plan.id, buyer.email, code)).status).toBe(302);

    const later = await freshDeal();
    const { token, code: laterCode } = await invitationOf(later.deal.id, later.buyer.id);
    await age(later.plan.id, later.buyer.email, 8);
    expect((await postLink(later.plan.id, token)).body).toMatchObject({ step: "failed", message: "This link or code has expired." });
    expect((await typeCode(later.plan.id, later.buyer.email, laterCode)).body).toEqual({ step: "failed", message: "This link or code has expired." });
    expect(await buyerSessions(later.buyer.email)).toBe(0);
  });
});

describe("the invitation's code on the plan's page", () => {
  it("opens the plan on a device that never saw the invitation", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { code } = await invitationOf(deal.id, buyer.id);
    const response = await typeCode(plan.id, buyer.email.toUpperCase(), code);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/p/${plan.id}`);
    const page = await buyerLoad(plan.id, buyerCookieOf(response));
    expect(page.view.me).toEqual({ participantId: buyer.id, name: "Bea Buyer", email: buyer.email });
    expect(await prisma.participant.findUniqueOrThrow({ where: { id: buyer.id } })).toMatchObject({ accessState: "ACTIVE" });
  });

  it("still works after the buyer asked for a new code on that device", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { code } = await invitationOf(deal.id, buyer.id);
    const ip = freshIp();
    const { emails } = await emailsDuring(buyer.email, () => joinPost(plan.id, { intent: "request-code", email: buyer.email }, ip));
    expect(secretsOf(emails[0]).code).not.toBe(code);
    expect((await typeCode(plan.id, buyer.email, code, ip)).status).toBe(302);
    // The code they asked for is a separate secret and still works once too.
    expect((await typeCode(plan.id, buyer.email, secretsOf(emails[0]).code, ip)).status).toBe(302);
  });

  it("still works on a second device after the link was used on the first, once", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { token, code } = await invitationOf(deal.id, buyer.id);
    expect((await postLink(plan.id, token)).status).toBe(302);
    expect((await typeCode(plan.id, buyer.email, code)).status).toBe(302);
    expect(await buyerSessions(buyer.email)).toBe(2);
    const again = await typeCode(plan.id, buyer.email, code);
    expect(again.body).toEqual({ step: "failed", message: "This link or code was already used, or a newer one was sent." });
  });

  it("counts a wrong code against every pending code of that person, so two codes do not buy more guesses", async () => {
    const { deal, plan, buyer } = await freshDeal();
    const { code } = await invitationOf(deal.id, buyer.id);
    const ip = freshIp();
    const { emails } = await emailsDuring(buyer.email, () => joinPost(plan.id, { intent: "request-code", email: buyer.email }, ip));
    const own = secretsOf(emails[0]).code;
    const wrong = ["000000", "111111", "222222"].find((guess) => guess !== code && guess !== own)!;
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await typeCode(plan.id, buyer.email, wrong, ip)).body);
    expect(answers[0]).toEqual({ step: "code", email: buyer.email, errors: { code: ["That code is not right. 4 tries left."] } });
    expect(answers[4]).toEqual({ step: "failed", message: "Too many wrong codes were entered, so this code no longer works." });
    for (const right of [code, own]) expect((await typeCode(plan.id, buyer.email, right, ip)).status).toBe(400);
    expect(await buyerSessions(buyer.email)).toBe(0);
  });

  it("is refused on another plan's page, and is not burned there", async () => {
    const a = await freshDeal();
    const b = await freshDeal();
    // The same person is invited to both plans: plan A's code is only a wrong guess on plan B.
    const onB = await addBuyerParticipant(tenant.repActor, b.deal.id, { name: "Bea Buyer", email: a.buyer.email, title: "", role: "CHAMPION" });
    const { code } = await invitationOf(a.deal.id, a.buyer.id);
    const { code: codeB } = await invitationOf(b.deal.id, onB.id);
    if (code === codeB) return; // one chance in a million: nothing to tell apart
    const elsewhere = await typeCode(b.plan.id, a.buyer.email, code);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers.get("Set-Cookie")).toBeNull();
    expect(await buyerSessions(a.buyer.email)).toBe(0);
    expect(await prisma.verification.count({ where: { planId: a.plan.id, attempts: { gt: 0 } } })).toBe(0);

    // Someone who is not on plan C at all learns nothing there either.
    const c = await freshDeal();
    await sharePlan(c.deal.id);
    expect((await typeCode(c.plan.id, a.buyer.email, code)).body).toEqual({ step: "failed", message: "This link or code is not valid for this plan." });

    const home = await typeCode(a.plan.id, a.buyer.email, code);
    expect(home.status).toBe(302);
    expect(home.headers.get("Location")).toBe(`/p/${a.plan.id}`);
  });

  it("works the same for the code of an approved request, which came from a forwarded link", async () => {
    const { deal, plan } = await freshDeal();
    await setAllowedDomains(deal.id, "buyer.example");
    await sharePlan(deal.id);
    const eve = `eve-${uniqueSuffix()}@elsewhere.example`;
    const ip = freshIp();
    const { emails: asked } = await emailsDuring(eve, () => joinPost(plan.id, { intent: "request-code", email: eve }, ip));
    expect((await typeCode(plan.id, eve, secretsOf(asked[0]).code, ip)).headers.get("Location")).toBe(
      `/p/${plan.id}/join?${new URLSearchParams({ sent: "request", email: eve })}`,
    );
    const request = await prisma.accessRequest.findFirstOrThrow({ where: { planId: plan.id, email: eve } });
    const { emails } = await emailsDuring(eve, () => sellerPost(deal.id, { intent: "decide-access", requestId: request.id, decision: "APPROVE" }));
    expect(emails[0].subject).toBe(`You can now open “${plan.title}”`);
    // On another device, after asking for a code there first.
    const phone = freshIp();
    await joinPost(plan.id, { intent: "request-code", email: eve }, phone);
    const response = await typeCode(plan.id, eve, secretsOf(emails[0]).code, phone);
    expect(response.status).toBe(302);
    expect((await buyerLoad(plan.id, buyerCookieOf(response))).status).toBe(200);
  });
});
