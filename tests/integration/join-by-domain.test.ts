// Joining by email domain through /signup's join path: an organization with joinByDomain on takes
// anyone who proves an address at one of its own domains, as a rep. Only proven addresses join,
// and a domain two organizations list joins neither.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createOrganization } from "~/models/organization.server";
import { freshIp } from "../fixtures/buyers";
import { postSignUp, postSignUpCode, postSignUpLink, readSignUpEmail } from "../fixtures/sign-up";
import { uniqueSuffix } from "../fixtures/world";

let ip: string;
let domain: string;
let organizationId: string;

beforeEach(async () => {
  ip = freshIp();
  domain = `acme-${uniqueSuffix()}.test`;
  const { organization } = await createOrganization({ name: "Acme", timezone: "UTC", admin: { email: `admin@${domain}`, name: "Acme Admin" } });
  organizationId = organization.id;
  // The organization settings page sets these; here they are set directly.
  await prisma.organization.update({ where: { id: organizationId }, data: { joinByDomain: true, ownDomains: `acme.example, ${domain}` } });
});

function askToJoin(email: string, name = "Nia Newcomer") {
  return postSignUp({ intent: "join", email, name }, ip);
}

describe("joining by domain", () => {
  it("makes a proven address at an own domain a rep of that organization, named as typed, with an audit row", async () => {
    const email = `nia@${domain.toUpperCase()}`;
    const asked = await askToJoin(email);
    expect(asked.status).toBe(303);
    expect(asked.headers.get("Location")).toBe(`/signup/verify?email=${encodeURIComponent(email.toLowerCase())}`);
    expect(await prisma.user.count({ where: { email: email.toLowerCase() } })).toBe(0);

    const mail = await readSignUpEmail(email.toLowerCase());
    expect(mail.subject).toBe("Your code to join Acme on Mutual");
    const joined = await postSignUpCode(email.toLowerCase(), mail.code!, ip);
    expect(joined.status).toBe(303);
    expect(joined.headers.get("Set-Cookie")).toMatch(/^mutual_session=/);

    const user = await prisma.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(user).toMatchObject({ organizationId, role: "REP", name: "Nia Newcomer" });
    const audit = await prisma.auditEvent.findMany({ where: { actorUserId: user.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["seller.joined_by_domain", "seller.signed_in"]);
    expect(audit[0]).toMatchObject({ organizationId, subjectType: "USER", subjectId: user.id, ip });
    expect(JSON.parse(audit[0].detail!)).toEqual({ domain, via: "code" });
    expect(await prisma.organization.count({ where: { name: "Acme", id: { not: organizationId } } })).toBe(0);
  });

  it("works through the emailed link's button too", async () => {
    await askToJoin(`leo@${domain}`);
    const { token } = await readSignUpEmail(`leo@${domain}`);
    expect((await postSignUpLink(token!, ip)).status).toBe(303);
    expect(await prisma.user.findUniqueOrThrow({ where: { email: `leo@${domain}` } })).toMatchObject({ organizationId, role: "REP" });
  });

  it("sends no code, and says so by email, when the organization does not let its domain join; the page answers the same", async () => {
    await prisma.organization.update({ where: { id: organizationId }, data: { joinByDomain: false } });
    const joinable = await askToJoin(`ola@${domain}`);
    const stranger = await askToJoin(`ola@nobody-${uniqueSuffix()}.test`);
    expect(joinable.status).toBe(stranger.status);
    const mail = await readSignUpEmail(`ola@${domain}`);
    expect(mail.subject).toBe("No Mutual workspace to join");
    expect(mail.text).toContain(`No workspace on this Mutual lets addresses at ${domain} join by themselves.`);
    expect(mail.code).toBeUndefined();
    expect(await prisma.user.count({ where: { email: `ola@${domain}` } })).toBe(0);
  });

  it("joins neither organization when two list the same domain, and says so", async () => {
    const { organization: twin } = await createOrganization({
      name: "Twin",
      timezone: "UTC",
      admin: { email: `boss-${uniqueSuffix()}@twin.test`, name: "Twin Admin" },
    });
    await prisma.organization.update({ where: { id: twin.id }, data: { joinByDomain: true, ownDomains: domain } });
    await askToJoin(`max@${domain}`);
    const mail = await readSignUpEmail(`max@${domain}`);
    expect(mail.text).toContain(`More than one workspace on this Mutual lists ${domain} as its own`);
    expect(mail.code).toBeUndefined();
    expect(await prisma.user.count({ where: { email: `max@${domain}` } })).toBe(0);
  });

  it("refuses a code when the organization stopped taking the domain after it was sent", async () => {
    await askToJoin(`kai@${domain}`);
    const { code } = await readSignUpEmail(`kai@${domain}`);
    await prisma.organization.update({ where: { id: organizationId }, data: { ownDomains: "acme.example" } });
    const response = await postSignUpCode(`kai@${domain}`, code!, ip);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ failure: expect.stringContaining("no longer lets addresses at your domain join") });
    expect(await prisma.user.count({ where: { email: `kai@${domain}` } })).toBe(0);
  });

  it("gives an address that has an account no second one: the email says to sign in", async () => {
    await askToJoin(`admin@${domain}`);
    const mail = await readSignUpEmail(`admin@${domain}`);
    expect(mail.subject).toBe("You already have a Mutual account");
    expect(await prisma.user.count({ where: { email: `admin@${domain}` } })).toBe(1);
  });

  it("answers bad input with 400 and the join form's field errors", async () => {
    const response = await postSignUp({ intent: "join", email: "nope", name: "" }, ip);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ form: "join", result: { error: { email: expect.any(Array), name: expect.any(Array) } } });
  });
});
