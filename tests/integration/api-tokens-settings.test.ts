// Settings → API tokens: an admin makes a token that is shown once, on the page the 303 leads to,
// and stored only as its hash; the list shows its first characters. Reps and managers get 403 and
// change nothing; another organization's token cannot be revoked from here (404).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { hashSecret } from "~/utils/crypto.server";
import * as page from "~/routes/_seller.settings.api";
import { callAction, callLoader, type RouteResult } from "../fixtures/routes";
import { api, tokenFor } from "../fixtures/api";
import { cookieFor, createTenant, type Tenant } from "../fixtures/world";

const PATH = "/settings/api";
let A: Tenant;
let B: Tenant;
const cookies = { admin: "", rep: "", manager: "", otherAdmin: "" };

beforeAll(async () => {
  A = await createTenant("Alpha");
  B = await createTenant("Beta");
  cookies.admin = await cookieFor(A.admin.id);
  cookies.rep = await cookieFor(A.rep.id);
  cookies.manager = await cookieFor(A.manager.id);
  cookies.otherAdmin = await cookieFor(B.admin.id);
});

beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
});

/** The Cookie header a browser sends after following a redirect that set cookies. */
function following(cookie: string, result: RouteResult) {
  return [cookie, ...result.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}

type PageData = {
  tokens: Array<{ id: string; name: string; prefix: string; scope: string; createdByName: string; revokedAt: string | null }>;
  newToken: string | null;
};

describe("Settings → API tokens", () => {
  it("shows a new token once, lists its prefix, and stores only its hash", async () => {
    const created = await callAction(page.action, {
      path: PATH,
      cookie: cookies.admin,
      form: { intent: "create-api-token", name: "CRM sync", scope: "READ_WRITE" },
    });
    expect(created.status).toBe(303);
    const shown = await callLoader(page.loader, { path: PATH, cookie: following(cookies.admin, created) });
    const { newToken, tokens } = shown.body as PageData;
    expect(newToken).toMatch(/^mutual_/);
    expect(shown.headers.get("Cache-Control")).toContain("no-store");
    expect(shown.headers.getSetCookie().some((c) => c.startsWith("mutual_shown_once=;"))).toBe(true);
    const listed = tokens.find((t) => t.name === "CRM sync")!;
    expect(listed).toMatchObject({ scope: "READ_WRITE", createdByName: A.admin.name, revokedAt: null });
    expect(newToken!.startsWith(listed.prefix)).toBe(true);
    expect(listed.prefix.length).toBeLessThan(newToken!.length / 2);

    const stored = await prisma.apiToken.findUniqueOrThrow({ where: { id: listed.id } });
    expect(stored.tokenHash).toBe(hashSecret(newToken!));
    expect(JSON.stringify(stored)).not.toContain(newToken!);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "api_token.created", subjectId: listed.id } });
    expect(audit.detail).not.toContain(newToken!);

    const later = await callLoader(page.loader, { path: PATH, cookie: cookies.admin });
    expect((later.body as PageData).newToken).toBeNull();
    expect((await api("GET", "/api/v1/deals?limit=1", { token: newToken })).status).toBe(200);
  });

  it("answers a nameless token with 400 and makes none", async () => {
    const count = await prisma.apiToken.count({ where: { organizationId: A.organization.id } });
    const refused = await callAction(page.action, { path: PATH, cookie: cookies.admin, form: { intent: "create-api-token", name: " ", scope: "READ" } });
    expect(refused.status).toBe(400);
    expect(await prisma.apiToken.count({ where: { organizationId: A.organization.id } })).toBe(count);
  });

  it("revokes a token: the API refuses it from then on, and the audit log says so", async () => {
    const { token, id } = await tokenFor(A.admin.id, "READ", "Old script");
    const revoked = await callAction(page.action, { path: PATH, cookie: cookies.admin, form: { intent: "revoke-api-token", tokenId: id } });
    expect(revoked.status).toBe(303);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).not.toBeNull();
    expect((await api("GET", "/api/v1/deals", { token })).status).toBe(401);
    expect(await prisma.auditEvent.count({ where: { action: "api_token.revoked", subjectId: id } })).toBe(1);
  });

  it("answers another organization's token with the made-up id's 404 and leaves it working", async () => {
    const theirs = await tokenFor(B.admin.id, "READ", "Beta's");
    const foreign = await callAction(page.action, { path: PATH, cookie: cookies.admin, form: { intent: "revoke-api-token", tokenId: theirs.id } });
    const madeUp = await callAction(page.action, { path: PATH, cookie: cookies.admin, form: { intent: "revoke-api-token", tokenId: "made-up-token" } });
    expect(foreign.status).toBe(404);
    expect({ status: foreign.status, body: foreign.body }).toEqual({ status: madeUp.status, body: madeUp.body });
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt).toBeNull();
    expect((await api("GET", "/api/v1/deals", { token: theirs.token })).status).toBe(200);
    const listed = (await callLoader(page.loader, { path: PATH, cookie: cookies.admin })).body as PageData;
    expect(listed.tokens.map((t) => t.id)).not.toContain(theirs.id);
  });

  it("is for admins only: a rep or a manager gets 403 and changes nothing", async () => {
    const own = await tokenFor(A.admin.id, "READ", "Kept");
    const count = await prisma.apiToken.count();
    for (const cookie of [cookies.rep, cookies.manager]) {
      expect((await callLoader(page.loader, { path: PATH, cookie })).status).toBe(403);
      expect((await callAction(page.action, { path: PATH, cookie, form: { intent: "create-api-token", name: "Mine", scope: "READ_WRITE" } })).status).toBe(403);
      expect((await callAction(page.action, { path: PATH, cookie, form: { intent: "revoke-api-token", tokenId: own.id } })).status).toBe(403);
    }
    expect(await prisma.apiToken.count()).toBe(count);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: own.id } })).revokedAt).toBeNull();
  });
});
