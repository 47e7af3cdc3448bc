import { redirect } from "@remix-run/node";
import { toSellerActor, type SellerActor } from "~/models/actor.server";
import { prisma } from "./db.server";
import { endSession, findSession, keepSessionAlive, sessionTokenHash } from "./session.server";

// A page's loaders all run for one request (the layout's and the page's): they share one lookup.
const sellersOfRequests = new WeakMap<Request, Promise<SellerActor | null>>();

/** The signed-in seller, or null. */
export function getSeller(request: Request): Promise<SellerActor | null> {
  let seller = sellersOfRequests.get(request);
  if (!seller) sellersOfRequests.set(request, (seller = lookUpSeller(request)));
  return seller;
}

interface SellerSessionRow {
  sessionId: string;
  kind: string;
  expiresAt: Date | string;
  lastSeenAt: Date | string;
  sessionOrganizationId: string;
  userId: string | null;
  organizationId: string | null;
  role: string;
  teamId: string | null;
  name: string;
  email: string;
  deactivatedAt: Date | string | null;
  timezone: string | null;
  fiscalYearStartMonth: number | string | null;
}

// Every seller request starts here, so the session, its user and their organization are one
// statement: each ORM query costs far more to prepare than this read costs to run.
async function readSellerSession(tokenHash: string): Promise<SellerSessionRow | undefined> {
  const rows = await prisma.$queryRaw<SellerSessionRow[]>`
    SELECT s."id" AS "sessionId", s."kind", s."expiresAt", s."lastSeenAt", s."organizationId" AS "sessionOrganizationId",
           u."id" AS "userId", u."organizationId", u."role", u."teamId", u."name", u."email", u."deactivatedAt",
           o."timezone", o."fiscalYearStartMonth"
    FROM "Session" s
    LEFT JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Organization" o ON o."id" = u."organizationId"
    WHERE s."tokenHash" = ${tokenHash}`;
  return rows[0];
}

async function lookUpSeller(request: Request): Promise<SellerActor | null> {
  const tokenHash = await sessionTokenHash(request, "SELLER");
  const row = tokenHash ? await readSellerSession(tokenHash) : undefined;
  if (!row || row.kind !== "SELLER") return null;
  if (!(await keepSessionAlive({ id: row.sessionId, expiresAt: row.expiresAt, lastSeenAt: row.lastSeenAt }))) return null;
  const { userId, organizationId, timezone, fiscalYearStartMonth } = row;
  if (!userId || !organizationId || row.deactivatedAt || organizationId !== row.sessionOrganizationId || !timezone) return null;
  return toSellerActor({
    id: userId,
    organizationId,
    role: row.role,
    teamId: row.teamId,
    name: row.name,
    email: row.email,
    organization: { timezone, fiscalYearStartMonth: Number(fiscalYearStartMonth) },
  });
}

/** The signed-in seller; anyone else is sent to sign in and brought back afterwards. */
export async function requireSeller(request: Request): Promise<SellerActor> {
  const seller = await getSeller(request);
  if (seller) return seller;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  if (await findSession(request)) throw await endSession(request, `/login?redirectTo=${encodeURIComponent(back)}`);
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

/** The signed-in seller when they are an admin of their organization; anyone else is answered 403. */
export async function requireAdmin(request: Request): Promise<SellerActor> {
  const seller = await requireSeller(request);
  if (seller.role !== "ADMIN") throw new Response("Only an admin of your organization can open this page.", { status: 403 });
  return seller;
}

/** Only same-site paths, so a crafted redirectTo cannot send people elsewhere after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/deals"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return fallback;
  // Browsers drop tabs and newlines and read "\" as "/": "/\t/evil.example" would leave the site.
  if (/[\s\\]/.test(to) || [...to].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return fallback;
  const base = "http://mutual.invalid";
  return new URL(to, base).origin === base ? to : fallback;
}
