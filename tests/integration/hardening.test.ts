// Findings of an independent review, each kept fixed by a test.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { deliverDueEmails } from "~/utils/email.server";
import { safeRedirect } from "~/utils/auth.server";
import { toCsv } from "~/components/dashboard/columns";
import { loadDealSignals } from "~/models/signals.server";
import { MAX_DAILY_FAILURES } from "~/models/verification.server";
import { LIMITS } from "~/utils/rate-limit.server";
import { buyerRedate } from "~/models/buyer-plan.server";
import { requireBuyerForPlan } from "~/utils/buyer-auth.server";
import { VersionConflictError } from "~/utils/http.server";
import * as login from "~/routes/login";
import * as verify from "~/routes/auth.verify";
import { callAction } from "../fixtures/routes";
import { addDealWithPlan, createTenant, uniqueSuffix, type Tenant } from "../fixtures/world";
import { buyerLoad, buyerPost, inviteAndSignIn, joinPost, milestoneForm, opened, sellerPost, setAllowedDomains, sharePlan } from "../fixtures/buyers";

let tenant: Tenant;
beforeAll(async () => {
  tenant = await createTenant("Hardening");
});

describe("redirects after sign-in", () => {
  it.each(["/deals", "/deals/abc?x=1", "/dashboard#top"])("keeps the same-site path %s", (to) => expect(safeRedirect(to)).toBe(to));
  it.each(["//evil.example", "/\t/evil.example", "/\\evil.example", "/\n/evil.example", "https://evil.example", "evil.example", " /deals"])(
    "refuses %j",
    (to) => expect(safeRedirect(to)).toBe("/deals"),
  );
});

describe("per-address limits", () => {
  it("count by the address the server saw, whatever X-Forwarded-For a client sends", async () => {
    const address = `10.8.8.8-${uniqueSuffix()}`;
    const statuses = [];
    for (let i = 0; i <= LIMITS.signInRequestPerIp.max; i++) {
      const response = await callAction(login.action, {
        path: "/login",
        form: { email: `spoof-${i}-${uniqueSuffix()}@example.test` },
        headers: { "X-Forwarded-For": `203.0.113.${i}` },
        ip: address,
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, -1).every((status) => status !== 429)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("wrong codes", () => {
  const ip = () => `10.9.9.${Math.floor(Math.random() * 250)}-${uniqueSuffix()}`;
  const request = (email: string) => callAction(login.action, { path: "/login", form: { email }, ip: ip() });
  const guess = (email: string, code: string) => callAction(verify.action, { path: "/auth/verify", form: { intent: "code", email, code }, ip: ip() });

  it("get the same answer for an email with no account as for a real one", async () => {
    const known = tenant.rep.email;
    const unknown = `nobody-${uniqueSuffix()}@example.test`;
    await request(known);
    await request(unknown);
    const [a, b] = [await guess(known, "000001"), await guess(unknown, "000001")];
    expect(b.status).toBe(a.status);
    const errors = (r: typeof a) => r.body as { result: { error: unknown }; failure: unknown };
    expect({ failure: errors(b).failure, error: errors(b).result.error }).toEqual({ failure: errors(a).failure, error: errors(a).result.error });
    expect(errors(a).result.error).toEqual({ code: ["That code is not right. 4 tries left."] });
  });

  it("count across new codes: a fresh code does not buy fresh guesses past the daily limit", async () => {
    const email = tenant.otherRep.email;
    let code = "";
    for (let round = 0; round < MAX_DAILY_FAILURES / 5; round++) {
      await request(email);
      for (let i = 0; i < 5; i++) await guess(email, "999999");
    }
    await request(email);
    await deliverDueEmails();
    const row = opened(await prisma.emailOutbox.findFirstOrThrow({ where: { to: email, kind: "SIGN_IN" }, orderBy: { createdAt: "desc" } }));
    code = /\b(\d{6})\b/.exec(row.text)![1];
    const right = await guess(email, code);
    expect(right.status).toBe(400);
    expect(right.body).toMatchObject({ failure: expect.stringContaining("Too many wrong codes") });
  });

  it("are never readable from an email subject", async () => {
    await request(tenant.manager.email);
    const row = await prisma.emailOutbox.findFirstOrThrow({ where: { to: tenant.manager.email }, orderBy: { createdAt: "desc" } });
    expect(row.subject).not.toMatch(/\d{6}/);
  });
});

describe("buyer silence", () => {
  it("is not reset by a stranger asking for access", async () => {
    const { deal, plan } = await addDealWithPlan(tenant.repActor);
    await sharePlan(deal.id);
    await prisma.plan.update({ where: { id: plan.id }, data: { sharedOn: "2026-01-05" } });
    const before = (await loadDealSignals(tenant.repActor, [deal.id])).get(deal.id)!;
    const stranger = `stranger-${uniqueSuffix()}@elsewhere.example`;
    await joinPost(plan.id, { intent: "request-code", email: stranger });
    await deliverDueEmails();
    const mail = opened(await prisma.emailOutbox.findFirstOrThrow({ where: { to: stranger } }));
    const code = /\b(\d{6})\b/.exec(mail.text)![1];
    expect((await joinPost(plan.id, { intent: "verify-code", email: stranger, code })).headers.get("Location")).toContain("sent=request");
    const after = (await loadDealSignals(tenant.repActor, [deal.id])).get(deal.id)!;
    expect(after.daysWithoutBuyerActivity).toBe(before.daysWithoutBuyerActivity);
    expect(after.forecast.derived).toBe(before.forecast.derived);
  });
});

describe("buyer access", () => {
  it("does not become active through a GET of another plan", async () => {
    const a = await addDealWithPlan(tenant.repActor);
    const b = await addDealWithPlan(tenant.repActor);
    const { cookie } = await inviteAndSignIn(a.deal.id, a.buyer.id);
    // The same person is also on plan B, invited but not yet in.
    const onB = await prisma.participant.create({
      data: { organizationId: tenant.organization.id, planId: b.plan.id, side: "BUYER", email: a.buyer.email, name: "Bea", accessState: "INVITED" },
    });
    await sharePlan(b.deal.id);
    const response = await buyerLoad(b.plan.id, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/p/${b.plan.id}/join`);
    expect((await prisma.participant.findUniqueOrThrow({ where: { id: onB.id } })).accessState).toBe("INVITED");
  });

  it("needs proving again when the rep changes a buyer's email", async () => {
    const { deal, buyer } = await addDealWithPlan(tenant.repActor);
    await inviteAndSignIn(deal.id, buyer.id);
    const current = await prisma.participant.findUniqueOrThrow({ where: { id: buyer.id } });
    expect(current.accessState).toBe("ACTIVE");
    const response = await sellerPost(deal.id, {
      intent: "update-participant",
      participantId: buyer.id,
      version: current.version,
      name: current.name,
      email: `new-${uniqueSuffix()}@buyer.example`,
      title: current.title,
      role: current.role ?? "OTHER",
    });
    expect(response.status).toBe(303);
    expect((await prisma.participant.findUniqueOrThrow({ where: { id: buyer.id } })).accessState).toBe("INVITED");
  });

  it("is limited to the organization's allowed domains once the admin has set them", async () => {
    const { deal, plan } = await addDealWithPlan(tenant.repActor);
    await prisma.organization.update({ where: { id: tenant.organization.id }, data: { allowedBuyerDomains: "buyer.example" } });
    try {
      const refused = await setAllowedDomains(deal.id, "gmail.com");
      expect(refused.status).toBe(400);
      expect((await prisma.plan.findUniqueOrThrow({ where: { id: plan.id } })).allowedDomains).not.toContain("gmail.com");
      expect((await setAllowedDomains(deal.id, "buyer.example")).status).toBe(303);
    } finally {
      await prisma.organization.update({ where: { id: tenant.organization.id }, data: { allowedBuyerDomains: "" } });
    }
  });

  it("answers a buyer's stale save with only what the buyer may see", async () => {
    const { deal, plan, milestones, buyer } = await addDealWithPlan(tenant.repActor);
    const { cookie } = await inviteAndSignIn(deal.id, buyer.id);
    const step = milestones[1];
    const stale = await prisma.milestone.findUniqueOrThrow({ where: { id: step.id } });
    await sellerPost(deal.id, await milestoneForm(step.id, { status: "DONE" }));
    const form = { intent: "redate", milestoneId: step.id, version: stale.version, targetDate: "2027-01-04", reason: "" };
    expect((await buyerPost(plan.id, cookie, form)).status).toBe(409);
    // The page draws its conflict notice from the model's answer: that answer holds no more than this.
    const actor = await requireBuyerForPlan(new Request(`http://localhost/p/${plan.id}`, { headers: { Cookie: cookie } }), plan.id);
    const conflict = await buyerRedate(actor, { milestoneId: step.id, version: stale.version, targetDate: "2027-01-04", reason: "" }).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(VersionConflictError);
    const current = (conflict as VersionConflictError<Record<string, unknown>>).current;
    expect(Object.keys(current).sort()).toEqual(["id", "output", "ownerParticipantId", "ownerSide", "status", "targetDate", "title", "version"]);
  });
});

describe("CSV export", () => {
  it("turns cells that look like formulas into text", () => {
    expect(toCsv([['=HYPERLINK("x")', "+1", "-12.5", "@SUM(A1)", "plain"]])).toBe(`"'=HYPERLINK(""x"")",'+1,-12.5,'@SUM(A1),plain\n`);
  });
});
