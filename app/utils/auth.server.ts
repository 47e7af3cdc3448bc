import { redirect } from "@remix-run/node";
import { toSellerActor, type SellerActor } from "~/models/actor.server";
import { prisma } from "./db.server";
import { endSession, findSession } from "./session.server";

// A page's loaders all run for one request (the layout's and the page's): they share one lookup.
const sellersOfRequests = new WeakMap<Request, Promise<SellerActor | null>>();

/** The signed-in seller, or null. */
export function getSeller(request: Request): Promise<SellerActor | null> {
  let seller = sellersOfRequests.get(request);
  if (!seller) sellersOfRequests.set(request, (seller = lookUpSeller(request)));
  return seller;
}

async function lookUpSeller(request: Request): Promise<SellerActor | null> {
  const session = await findSession(request);
  if (!session || session.kind !== "SELLER" || !session.userId) return null;
  const user = await prisma.user.findUnique({ where: { id: session.userId }, include: { organization: true } });
  if (!user || user.deactivatedAt || user.organizationId !== session.organizationId) return null;
  return toSellerActor(user);
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
