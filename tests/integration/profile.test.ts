// Your profile (/settings): everyone edits their own name and job title, and only their own.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as profile from "~/routes/_seller.settings._index";
import { callAction, callLoader } from "../fixtures/routes";
import { actorFor, addDealWithPlan, cookieFor, createTenant, type Tenant } from "../fixtures/world";

let tenant: Tenant;
let other: Tenant;
beforeAll(async () => {
  tenant = await createTenant("Profile");
  other = await createTenant("Elsewhere");
});

async function versionOf(userId: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).version;
}

async function save(userId: string, form: Record<string, string | number>) {
  return callAction(profile.action, { path: "/settings", cookie: await cookieFor(userId), form });
}

describe("your profile", () => {
  it("shows your own name, title and address", async () => {
    const page = await callLoader(profile.loader, { path: "/settings", cookie: await cookieFor(tenant.rep.id) });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ profile: { name: tenant.rep.name, title: "", email: tenant.rep.email, version: tenant.rep.version } });
  });

  it("saves a new name and title with a 303 back to the form, and plans show the new name", async () => {
    const rep = await prisma.user.create({
      data: { organizationId: tenant.organization.id, email: `renamed-${tenant.rep.id}@example.test`, name: "Old", role: "REP" },
    });
    const { plan } = await addDealWithPlan(await actorFor(rep.id));
    const response = await save(rep.id, { name: "  Ada Lovelace ", title: "Account Executive", version: rep.version });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/settings#profile");
    expect(await prisma.user.findUniqueOrThrow({ where: { id: rep.id } })).toMatchObject({ name: "Ada Lovelace", title: "Account Executive", version: 2 });
    const seat = await prisma.participant.findFirstOrThrow({ where: { planId: plan.id, userId: rep.id, side: "SELLER" } });
    expect(seat).toMatchObject({ name: "Ada Lovelace", title: "Account Executive" });
  });

  it("answers a missing or overlong name with 400 and the field's error, keeping what was typed and saving nothing", async () => {
    const before = await prisma.user.findUniqueOrThrow({ where: { id: tenant.manager.id } });
    for (const name of ["   ", "x".repeat(101)]) {
      const response = await save(tenant.manager.id, { name, title: "Head of Sales", version: before.version });
      expect(response.status).toBe(400);
      const body = response.body as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } };
      expect(Object.keys(body.result.error)).toEqual(["name"]);
      expect(body.result.initialValue.title).toBe("Head of Sales");
    }
    expect(await prisma.user.findUniqueOrThrow({ where: { id: tenant.manager.id } })).toMatchObject({ name: before.name, version: before.version });
  });

  it("answers a stale version with 409 and what is stored now, and overwrites nothing", async () => {
    const version = await versionOf(tenant.otherRep.id);
    expect((await save(tenant.otherRep.id, { name: "First Tab", title: "", version })).status).toBe(303);
    const stale = await save(tenant.otherRep.id, { name: "Second Tab", title: "", version });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ conflict: { current: { name: "First Tab", version: version + 1 }, yours: { name: "Second Tab" } } });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: tenant.otherRep.id } })).toMatchObject({ name: "First Tab", version: version + 1 });
  });
});

describe("nobody edits anyone else", () => {
  it("ignores a posted user id: an admin's post changes the admin, never the other organization's rep or their own colleague", async () => {
    const version = await versionOf(tenant.admin.id);
    const response = await save(tenant.admin.id, { userId: other.rep.id, id: tenant.rep.id, name: "Admin Renamed", title: "", version });
    expect(response.status).toBe(303);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: tenant.admin.id } })).toMatchObject({ name: "Admin Renamed" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: other.rep.id } })).toMatchObject({ name: other.rep.name, version: other.rep.version });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: tenant.rep.id } })).toMatchObject({ name: tenant.rep.name });
  });

  it("shows another organization's person only their own profile", async () => {
    const page = await callLoader(profile.loader, { path: "/settings", cookie: await cookieFor(other.rep.id) });
    expect(page.body).toMatchObject({ profile: { email: other.rep.email } });
  });

  it("sends a signed-out visitor to sign in, for the page and the post", async () => {
    const page = await callLoader(profile.loader, { path: "/settings" });
    const post = await callAction(profile.action, { path: "/settings", form: { name: "Nobody", title: "", version: 1 } });
    for (const response of [page, post]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fsettings");
    }
  });

  it("refuses a deactivated person's open session", async () => {
    const cookie = await cookieFor(tenant.otherRep.id);
    await prisma.user.update({ where: { id: tenant.otherRep.id }, data: { deactivatedAt: new Date() } });
    const response = await callAction(profile.action, { path: "/settings", cookie, form: { name: "Ghost", title: "", version: 9 } });
    expect(response.status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: tenant.otherRep.id } })).name).not.toBe("Ghost");
  });
});
