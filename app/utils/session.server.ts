import { createCookie, redirect } from "@remix-run/node";
import { prisma } from "./db.server";
import { hashSecret, randomToken } from "./crypto.server";
import { isProduction, sessionSecrets } from "./env.server";

const SESSION_DAYS = 30;
const SESSION_MS = SESSION_DAYS * 86_400_000;
/** A session unused this long ends, whatever its absolute expiry. */
export const SESSION_IDLE_MS = 7 * 86_400_000;
/** lastSeenAt is refreshed at most this often, so reads don't turn into writes. */
const TOUCH_EVERY_MS = 5 * 60_000;

export type SessionKind = "SELLER" | "BUYER";

function sessionCookieNamed(name: string) {
  return createCookie(name, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
    secure: isProduction(),
    secrets: sessionSecrets(),
  });
}

// Sellers and buyers get separate cookies, so a rep who opens a plan as a buyer to check it keeps
// their own session, and neither kind of session can be mistaken for the other.
const COOKIES = {
  SELLER: sessionCookieNamed("mutual_session"),
  BUYER: sessionCookieNamed("mutual_buyer"),
} as const;

interface NewSession {
  kind: SessionKind;
  organizationId: string;
  userId?: string;
  buyerEmail?: string;
  userAgent?: string | null;
}

/** Creates a session row with a fresh token (a new id at every sign-in) and returns its cookie. */
export async function startSession(input: NewSession): Promise<string> {
  const token = randomToken();
  await prisma.session.create({
    data: {
      tokenHash: hashSecret(token),
      kind: input.kind,
      organizationId: input.organizationId,
      userId: input.userId,
      buyerEmail: input.buyerEmail,
      userAgent: input.userAgent?.slice(0, 300),
      expiresAt: new Date(Date.now() + SESSION_MS),
    },
  });
  return COOKIES[input.kind].serialize(token);
}

async function sessionToken(request: Request, kind: SessionKind): Promise<string | null> {
  const value = await COOKIES[kind].parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The stored hash of the session token behind the request's cookie of this kind, or null. */
export async function sessionTokenHash(request: Request, kind: SessionKind): Promise<string | null> {
  const token = await sessionToken(request, kind);
  return token ? hashSecret(token) : null;
}

/**
 * Whether a stored session is still live: before its absolute expiry and used within the idle
 * limit. A dead row is deleted on sight; a live one has its lastSeenAt refreshed, at most every few
 * minutes. (updateMany, not update: with the SQLite adapter a single-row update outside a
 * transaction can be swept into another request's transaction and rolled back with it.)
 */
export async function keepSessionAlive(session: { id: string; expiresAt: Date; lastSeenAt: Date }, now = Date.now()): Promise<boolean> {
  if (session.expiresAt.getTime() <= now || now - session.lastSeenAt.getTime() >= SESSION_IDLE_MS) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return false;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return true;
}

/** The live session of this kind behind the request's cookie, or null. */
export async function findSession(request: Request, kind: SessionKind = "SELLER") {
  const tokenHash = await sessionTokenHash(request, kind);
  if (!tokenHash) return null;
  const session = await prisma.session.findUnique({ where: { tokenHash } });
  if (!session || session.kind !== kind) return null;
  return (await keepSessionAlive(session)) ? session : null;
}

/** Deletes the session row and clears the cookie. */
export async function endSession(request: Request, redirectTo = "/login", kind: SessionKind = "SELLER") {
  const token = await sessionToken(request, kind);
  if (token) await prisma.session.deleteMany({ where: { tokenHash: hashSecret(token) } });
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await COOKIES[kind].serialize("", { maxAge: 0 }) },
  });
}
