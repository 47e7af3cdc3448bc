// Branding shown to buyers: an accent colour checked for contrast, a logo told by its bytes, and the
// logo's own route; the buyer's plan page and invitation show both.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as logoRoute from "~/routes/brand.$organizationId.logo";
import { LOGO_MAX_BYTES } from "~/domain/logo";
import { callLoader } from "../fixtures/routes";
import { cookieFor, createTenant, type Tenant } from "../fixtures/world";
import { buyerLoad, invite, inviteAndSignIn } from "../fixtures/buyers";
import { logoForm, organizationVersion, pngOfSize, settingsPost, settingsUpload } from "../fixtures/settings";

let A: Tenant;
let B: Tenant;
const cookies = { aAdmin: "", aRep: "", bAdmin: "" };

beforeAll(async () => {
  A = await createTenant("Alpha");
  B = await createTenant("Beta");
  cookies.aAdmin = await cookieFor(A.admin.id);
  cookies.aRep = await cookieFor(A.rep.id);
  cookies.bAdmin = await cookieFor(B.admin.id);
});

const errorsOf = (body: unknown) => (body as { result: { error?: Record<string, string[]> } }).result.error ?? {};
const brandingRows = (organizationId: string) =>
  prisma.auditEvent.findMany({ where: { organizationId, action: "branding.updated" }, orderBy: { createdAt: "asc" } });
const accentForm = async (organizationId: string, accentColor: string) => ({
  intent: "update-accent",
  accentColor,
  version: await organizationVersion(organizationId),
});

function logoGet(organizationId: string, search = "", headers: Record<string, string> = {}) {
  return callLoader(logoRoute.loader, { path: `/brand/${organizationId}/logo${search}`, params: { organizationId }, headers });
}

async function upload(cookie: string, organizationId: string, bytes: Uint8Array, type?: string) {
  return settingsUpload(cookie, logoForm(bytes, await organizationVersion(organizationId), type));
}

describe("the accent colour", () => {
  it("refuses a colour white text cannot be read on, saying the ratio", async () => {
    const answer = await settingsPost(cookies.aAdmin, await accentForm(A.organization.id, "#facc15"));
    expect(answer.status).toBe(400);
    expect(errorsOf(answer.body).accentColor?.[0]).toContain("contrast of 1.53:1");
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: A.organization.id } })).accentColor).toBeNull();
  });

  it.each(["blue", "#12345", "#1d4ed8; background:url(x)"])("refuses %j as no colour", async (value) => {
    const answer = await settingsPost(cookies.aAdmin, await accentForm(A.organization.id, value));
    expect(answer.status).toBe(400);
    expect(errorsOf(answer.body).accentColor).toEqual(["Enter a colour like #1d4ed8"]);
  });

  it("saves a readable colour in lower case, with an audit row, and goes back to the default", async () => {
    expect((await settingsPost(cookies.aAdmin, await accentForm(A.organization.id, "#1D4ED8"))).status).toBe(303);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: A.organization.id } })).accentColor).toBe("#1d4ed8");
    const version = await organizationVersion(A.organization.id);
    expect((await settingsPost(cookies.aAdmin, { intent: "remove-accent", version })).status).toBe(303);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: A.organization.id } })).accentColor).toBeNull();
    expect((await brandingRows(A.organization.id)).map((r) => JSON.parse(r.detail!))).toEqual([{ fields: "accentColor" }, { fields: "accentColor" }]);
    expect((await settingsPost(cookies.aAdmin, await accentForm(A.organization.id, "#1d4ed8"))).status).toBe(303);
  });

  it("answers a stale colour form with 409", async () => {
    const answer = await settingsPost(cookies.aAdmin, { intent: "update-accent", accentColor: "#000000", version: 1 });
    expect(answer.status).toBe(409);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: A.organization.id } })).accentColor).toBe("#1d4ed8");
  });
});

describe("the logo", () => {
  it("refuses a rep with 403 before reading the upload", async () => {
    expect((await upload(cookies.aRep, A.organization.id, pngOfSize())).status).toBe(403);
    expect((await settingsPost(cookies.aRep, { intent: "remove-logo", version: await organizationVersion(A.organization.id) })).status).toBe(403);
    expect(await prisma.organizationLogo.count()).toBe(0);
  });

  it.each([
    ["a GIF", Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"), "image/png", "The logo must be a PNG, JPEG or WebP image"],
    ["HTML sent as a PNG", Buffer.from("<html><script>alert(1)</script></html>"), "image/png", "The logo must be a PNG, JPEG or WebP image"],
    ["an SVG", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), "image/svg+xml", "The logo must be a PNG, JPEG or WebP image"],
    ["a RIFF file that is no WebP", Buffer.from("RIFF\x00\x00\x00\x00WAVEfmt ", "latin1"), "image/webp", "The logo must be a PNG, JPEG or WebP image"],
    ["an empty file", new Uint8Array(), "image/png", "Choose an image file"],
    ["a PNG one byte over 200 KB", pngOfSize(LOGO_MAX_BYTES + 1), "image/png", "The logo is 201 KB; it can be 200 KB at most"],
  ])("refuses %s with a 400 on the file", async (_what, bytes, type, message) => {
    const answer = await upload(cookies.aAdmin, A.organization.id, new Uint8Array(bytes), type);
    expect(answer.status).toBe(400);
    expect(errorsOf(answer.body).logo).toEqual([message]);
    expect(await prisma.organizationLogo.count()).toBe(0);
  });

  it("answers 400, never 500, to a body far over the limit or one that is no multipart form", async () => {
    const huge = await upload(cookies.aAdmin, A.organization.id, pngOfSize(1024 * 1024));
    expect(huge.status).toBe(400);
    expect(errorsOf(huge.body).logo).toEqual(["The logo can be 200 KB at most"]);
    const broken = '--XYZ\r\nContent-Disposition: form-data; name="logo"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG';
    expect((await settingsUpload(cookies.aAdmin, broken, "multipart/form-data; boundary=XYZ")).status).toBe(400);
    expect((await settingsUpload(cookies.aAdmin, "not multipart at all", "multipart/form-data")).status).toBe(400);
    expect((await settingsUpload(cookies.aAdmin, "", "multipart/form-data; boundary=XYZ")).status).toBe(400);
    expect(await prisma.organizationLogo.count()).toBe(0);
  });

  it("stores a PNG at exactly 200 KB and serves it with its type, nosniff, and a long cache only at its versioned address", async () => {
    const bytes = pngOfSize(LOGO_MAX_BYTES);
    const saved = await upload(cookies.aAdmin, A.organization.id, bytes);
    expect(saved.status).toBe(303);
    const logo = await prisma.organizationLogo.findUniqueOrThrow({ where: { organizationId: A.organization.id } });
    expect(logo.contentType).toBe("image/png");
    expect(JSON.parse((await brandingRows(A.organization.id)).at(-1)!.detail!)).toEqual({ fields: "logo", logo: "uploaded" });

    const versioned = await logoGet(A.organization.id, `?v=${logo.updatedAt.getTime()}`);
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get("Content-Type")).toBe("image/png");
    expect(versioned.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(versioned.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(versioned.headers.get("Content-Length")).toBe(String(LOGO_MAX_BYTES));
    for (const search of ["", "?v=1", "?v=old"]) expect((await logoGet(A.organization.id, search)).headers.get("Cache-Control")).toBe("no-cache");
    const etag = versioned.headers.get("ETag")!;
    expect((await logoGet(A.organization.id, "", { "If-None-Match": etag })).status).toBe(304);
  });

  it("takes JPEG and WebP too, told by their bytes whatever type the browser claimed", async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
    expect((await upload(cookies.aAdmin, A.organization.id, jpeg, "application/octet-stream")).status).toBe(303);
    expect((await logoGet(A.organization.id)).headers.get("Content-Type")).toBe("image/jpeg");
    const webp = new Uint8Array(Buffer.from("RIFF\x24\x00\x00\x00WEBPVP8 ", "latin1"));
    expect((await upload(cookies.aAdmin, A.organization.id, webp, "image/png")).status).toBe(303);
    expect((await logoGet(A.organization.id)).headers.get("Content-Type")).toBe("image/webp");
    await upload(cookies.aAdmin, A.organization.id, pngOfSize());
  });

  it("answers a stale upload with 409 and keeps the stored logo", async () => {
    const before = await prisma.organizationLogo.findUniqueOrThrow({ where: { organizationId: A.organization.id } });
    const answer = await settingsUpload(cookies.aAdmin, logoForm(pngOfSize(500), 1));
    expect(answer.status).toBe(409);
    expect(await prisma.organizationLogo.findUniqueOrThrow({ where: { organizationId: A.organization.id } })).toEqual(before);
  });

  it("is 404 for an organization without a logo, and for one that does not exist", async () => {
    expect((await logoGet(B.organization.id)).status).toBe(404);
    expect((await logoGet("made-up")).status).toBe(404);
  });
});

describe("what buyers see", () => {
  it("shows the seller's logo and accent on the plan page and in the invitation", async () => {
    const { deal, buyer } = A.repDeal;
    const { emails } = await invite(deal.id, [buyer.id]);
    const logo = await prisma.organizationLogo.findUniqueOrThrow({ where: { organizationId: A.organization.id } });
    const html = emails.get(buyer.id)?.[0].html ?? "";
    expect(html).toContain("background-color:#1d4ed8");
    expect(html).toMatch(new RegExp(`<img[^>]+src="https?://[^"]+/brand/${A.organization.id}/logo\\?v=${logo.updatedAt.getTime()}"`));
    const { cookie, planId } = await inviteAndSignIn(deal.id, buyer.id);
    const page = await buyerLoad(planId, cookie);
    expect(page.status).toBe(200);
    expect(page.view.branding).toEqual({ accentColor: "#1d4ed8", logoUrl: `/brand/${A.organization.id}/logo?v=${logo.updatedAt.getTime()}` });
    expect(page.body).toContain(`src="/brand/${A.organization.id}/logo?v=${logo.updatedAt.getTime()}"`);
    // The page takes the accent from a stylesheet of this site: its policy allows no inline style.
    expect(page.body).toContain('<link rel="stylesheet" href="/brand/accent.css?c=1d4ed8"/>');
    expect(page.body).not.toContain("style=");
  });

  it("changes the page's validator when the branding changes, so a held page is not reused", async () => {
    const { deal, buyer } = A.otherRepDeal;
    const { cookie, planId } = await inviteAndSignIn(deal.id, buyer.id);
    const first = await buyerLoad(planId, cookie);
    const etag = first.headers.get("ETag")!;
    expect(etag).toBeTruthy();
    expect((await settingsPost(cookies.aAdmin, { intent: "remove-logo", version: await organizationVersion(A.organization.id) })).status).toBe(303);
    const second = await buyerLoad(planId, cookie);
    expect(second.headers.get("ETag")).not.toBe(etag);
    expect(second.view.branding.logoUrl).toBeNull();
    expect(second.body).not.toContain(`/brand/${A.organization.id}/logo`);
    expect((await logoGet(A.organization.id)).status).toBe(404);
  });

  it("shows another organization's buyers nothing of this branding", async () => {
    const { deal, buyer } = B.repDeal;
    const { cookie, planId } = await inviteAndSignIn(deal.id, buyer.id);
    const page = await buyerLoad(planId, cookie);
    expect(page.view.branding).toEqual({ accentColor: null, logoUrl: null });
    expect(page.body).not.toContain("#1d4ed8");
    expect(page.body).not.toContain("accent.css");
  });
});
