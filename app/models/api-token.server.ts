// Organization API tokens: an admin creates one (read-only or read-write), sees it once, and can
// revoke it. Only the SHA-256 of a token is stored; the list shows its first characters so people
// can tell tokens apart. A token acts for the whole organization, as an admin sees it.
import { prisma } from "~/utils/db.server";
import { hashSecret, randomToken } from "~/utils/crypto.server";
import { NotFoundError } from "~/utils/http.server";
import { assertAdmin, type SellerActor } from "./actor.server";
import { recordAuditEvent } from "./audit.server";

export const API_TOKEN_SCOPES = ["READ", "READ_WRITE"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** Tokens start with this, so a leaked one is recognisable in logs and by secret scanners. */
const TOKEN_PREFIX = "mutual_";
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
/** lastUsedAt is a hint for admins, not a log: one write a minute per token is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

const audited = (actor: SellerActor) => ({ organizationId: actor.organizationId, actor: { email: actor.email, userId: actor.userId } });

export async function createApiToken(actor: SellerActor, input: { name: string; scope: ApiTokenScope }) {
  assertAdmin(actor);
  const token = TOKEN_PREFIX + randomToken();
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        organizationId: actor.organizationId,
        name: input.name,
        scope: input.scope,
        tokenHash: hashSecret(token),
        prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
        createdById: actor.userId,
        createdByName: actor.name,
      },
    });
    await recordAuditEvent(tx, {
      ...audited(actor),
      action: "api_token.created",
      subject: { type: "API_TOKEN", id: created.id },
      detail: { name: input.name, scope: input.scope },
    });
    return created;
  });
  return { token, row };
}

export async function listApiTokens(actor: SellerActor) {
  assertAdmin(actor);
  return prisma.apiToken.findMany({
    where: { organizationId: actor.organizationId },
    select: { id: true, name: true, prefix: true, scope: true, createdByName: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

/** Revokes a token of the admin's organization; another organization's token is a 404 like a made-up one. */
export async function revokeApiToken(actor: SellerActor, tokenId: string, now = new Date()) {
  assertAdmin(actor);
  await prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, organizationId: actor.organizationId } });
    if (!token) throw new NotFoundError();
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now } });
    await recordAuditEvent(tx, { ...audited(actor), action: "api_token.revoked", subject: { type: "API_TOKEN", id: token.id }, detail: { name: token.name } });
  });
}

export interface ApiCaller {
  actor: SellerActor;
  scope: ApiTokenScope;
}

/**
 * The caller a presented token stands for, or null when it is unknown or revoked. The lookup is by
 * hash, so the token itself is never compared or stored.
 */
export async function authenticateApiToken(token: string, now = new Date()): Promise<ApiCaller | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    include: { organization: { select: { timezone: true, fiscalYearStartMonth: true } } },
  });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional, so concurrent requests of one token write it once.
    await prisma.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { actor: apiTokenActor(row), scope: row.scope as ApiTokenScope };
}

/**
 * A token acts as an admin of its organization would, through the same model functions; it is no
 * user, so history rows name it ("API: CRM sync") and record no user id.
 */
function apiTokenActor(row: {
  id: string;
  name: string;
  organizationId: string;
  organization: { timezone: string; fiscalYearStartMonth: number };
}): SellerActor {
  return {
    kind: "SELLER",
    userId: `api-token:${row.id}`,
    organizationId: row.organizationId,
    role: "ADMIN",
    teamId: null,
    name: `API: ${row.name}`,
    email: "",
    timezone: row.organization.timezone,
    fiscalYearStartMonth: row.organization.fiscalYearStartMonth,
    apiToken: { id: row.id, name: row.name },
  };
}
