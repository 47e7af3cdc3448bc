import { createCookie, redirect } from "@remix-run/node";
import { recordAuditEvent } from "~/models/audit.server";
import { prisma } from "./db.server";
import { hashSecret, randomToken } from "./crypto.server";
import { env, isProduction, sessionSecrets } from "./env.server";
import { storedDate } from "./stored-date";

const DAY_MS = 86_400_000;

/** How long sessions last (SESSION_LIFETIME_DAYS after sign-in, SESSION_IDLE_DAYS unused), in milliseconds. */
export function sessionLimits() {
  const idleMs = env().SESSION_IDLE_DAYS * DAY_MS;
  // lastSeenAt is written only when it is this stale, so reads don't turn into writes: a session
  // may end up to 1% of the idle limit early (at most an hour), never late.
  return { lifetimeMs: env().SESSION_LIFETIME_DAYS * DAY_MS, idleMs, touchEveryMs: Math.min(idleMs / 100, 3_600_000) };
}

export type SessionKind = "SELLER" | "BUYER";

function sessionCookieNamed(name: string) {
  return createCookie(name, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: Math.ceil(sessionLimits().lifetimeMs / 1000),
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
  /** What the audit row says: the address proved, how, from where, and for a buyer the plan and participant. */
  signIn: { email: string; via: "code" | "link"; ip?: string | null; participantId?: string; planId?: string };
}

/** Creates a session row with a fresh token (a new id at every sign-in) and its audit row, and returns its cookie. */
export async function startSession(input: NewSession): Promise<string> {
  const token = randomToken();
  const { signIn } = input;
  await prisma.$transaction(async (tx) => {
    await tx.session.create({
      data: {
        tokenHash: hashSecret(token),
        kind: input.kind,
        organizationId: input.organizationId,
        userId: input.userId,
        buyerEmail: input.buyerEmail,
        userAgent: input.userAgent?.slice(0, 300),
        expiresAt: new Date(Date.now() + sessionLimits().lifetimeMs),
      },
    });
    await recordAuditEvent(tx, {
      organizationId: input.organizationId,
      action: input.kind === "SELLER" ? "seller.signed_in" : "buyer.signed_in",
      actor: { email: signIn.email, userId: input.userId, participantId: signIn.participantId },
      subject: signIn.planId ? { type: "PLAN", id: signIn.planId } : null,
      detail: { via: signIn.via },
      ip: signIn.ip,
    });
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
 * limit. A dead row is deleted on sight; a live one has its lastSeenAt refreshed only when it is
 * stale (sessionLimits' touchEveryMs: an hour at the default limits). (updateMany, not update: with the SQLite adapter a single-row update outside a
 * transaction can be swept into another request's transaction and rolled back with it.)
 */
export async function keepSessionAlive(session: { id: string; expiresAt: Date | string; lastSeenAt: Date | string }, now = Date.now()): Promise<boolean> {
  const { idleMs, touchEveryMs } = sessionLimits();
  // Rows read with $queryRaw carry SQLite's dates as text: both kinds of row come here.
  const expiresAt = storedDate(session.expiresAt).getTime();
  const lastSeenAt = storedDate(session.lastSeenAt).getTime();
  if (expiresAt <= now || now - lastSeenAt >= idleMs) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return false;
  }
  if (now - lastSeenAt > touchEveryMs) {
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

/** Who signs out, for the audit row: from where, and for a buyer the plan and participant they left from. */
export interface SignOut {
  ip?: string | null;
  participantId?: string;
  planId?: string;
}

/** Deletes a session the person asked to end, and its audit row, once however many sign-out posts race. */
async function signOutSession(tokenHash: string, kind: SessionKind, signOut: SignOut) {
  await prisma.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { tokenHash }, include: { user: { select: { email: true } } } });
    if (!session) return;
    const ended = await tx.session.deleteMany({ where: { id: session.id } });
    const email = session.user?.email ?? session.buyerEmail;
    if (ended.count === 0 || !email) return;
    await recordAuditEvent(tx, {
      organizationId: session.organizationId,
      action: kind === "SELLER" ? "seller.signed_out" : "buyer.signed_out",
      actor: { email, userId: session.userId, participantId: signOut.participantId },
      subject: signOut.planId ? { type: "PLAN", id: signOut.planId } : null,
      ip: signOut.ip,
    });
  });
}

/** Deletes the session row and clears the cookie. With `signOut` the person asked to leave, which is an audit row. */
export async function endSession(request: Request, redirectTo = "/login", kind: SessionKind = "SELLER", signOut?: SignOut) {
  const tokenHash = await sessionTokenHash(request, kind);
  if (tokenHash && signOut) await signOutSession(tokenHash, kind, signOut);
  else if (tokenHash) await prisma.session.deleteMany({ where: { tokenHash } });
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await COOKIES[kind].serialize("", { maxAge: 0 }) },
  });
}
