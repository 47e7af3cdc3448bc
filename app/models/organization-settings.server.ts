// An organization's settings and the branding its buyers see, changed by its admins only. Every
// change bumps Organization.version (a stale form gets a 409, and the buyer page's validator
// changes with it) and writes an audit row naming the fields that changed, never their values.
import { prisma, type Tx } from "~/utils/db.server";
import { FieldError, ForbiddenError, VersionConflictError } from "~/utils/http.server";
import { domainOf, domainsIn } from "~/domain/email-domains";
import { logoProblem, sniffLogoType } from "~/domain/logo";
import { SETTINGS_FIELDS, type OrganizationSettingsInput } from "~/forms/organization";
import type { Organization } from "~/generated/prisma/client";
import type { SellerActor } from "./actor.server";
import { recordAuditEvent } from "./audit.server";

function assertAdmin(actor: SellerActor) {
  if (actor.role !== "ADMIN") throw new ForbiddenError("Only an admin of your organization can change its settings.");
}

/** What the settings form shows and a conflict answers with: no ids beyond the organization's own. */
function settingsOf(org: Organization) {
  return {
    name: org.name,
    timezone: org.timezone,
    fiscalYearStartMonth: org.fiscalYearStartMonth,
    allowedBuyerDomains: org.allowedBuyerDomains,
    planDomainFromBuyer: org.planDomainFromBuyer,
    buyerInvitationDays: org.buyerInvitationDays,
    ownDomains: org.ownDomains,
    joinByDomain: org.joinByDomain,
    accentColor: org.accentColor,
    version: org.version,
  };
}

export type OrganizationSettings = ReturnType<typeof settingsOf>;

/** The address the logo is served from; the version in it changes with every new logo, so browsers may keep each one for good. */
export function logoUrl(organizationId: string, updatedAt: Date) {
  return `/brand/${encodeURIComponent(organizationId)}/logo?v=${updatedAt.getTime()}`;
}

export async function getOrganizationSettings(admin: SellerActor) {
  assertAdmin(admin);
  const org = await prisma.organization.findUniqueOrThrow({
    where: { id: admin.organizationId },
    include: { logo: { select: { updatedAt: true } } },
  });
  return { settings: settingsOf(org), logoUrl: org.logo ? logoUrl(org.id, org.logo.updatedAt) : null };
}

interface Audit {
  admin: SellerActor;
  ip?: string | null;
}

/**
 * Writes `data` if the organization is still at `version`, with its audit row, in one
 * transaction. A stale version answers 409 with the stored settings.
 */
async function writeVersioned(
  { admin, ip }: Audit,
  version: number,
  action: "settings.updated" | "branding.updated",
  change: (tx: Tx, current: Organization) => Promise<{ fields: string[]; data?: Partial<Organization>; detail?: Record<string, string> } | null>,
) {
  assertAdmin(admin);
  const organizationId = admin.organizationId;
  return prisma.$transaction(async (tx) => {
    const current = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
    if (current.version !== version) throw new VersionConflictError(settingsOf(current));
    const changed = await change(tx, current);
    if (!changed || changed.fields.length === 0) return current;
    const result = await tx.organization.updateMany({ where: { id: organizationId, version }, data: { ...changed.data, version: { increment: 1 } } });
    if (result.count === 0) throw new VersionConflictError(settingsOf(await tx.organization.findUniqueOrThrow({ where: { id: organizationId } })));
    await recordAuditEvent(tx, {
      organizationId,
      action,
      actor: { email: admin.email, userId: admin.userId },
      subject: { type: "ORGANIZATION", id: organizationId },
      detail: { fields: changed.fields.join(" "), ...changed.detail },
      ip,
    });
    return tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
  });
}

/** Saves the settings form. A new timezone or fiscal year start changes every deal's figures. */
export async function updateOrganizationSettings(admin: SellerActor, input: OrganizationSettingsInput, ip?: string | null) {
  const { version, ...fields } = input;
  return writeVersioned({ admin, ip }, version, "settings.updated", async (tx, current) => {
    const changed = SETTINGS_FIELDS.filter((field) => current[field] !== fields[field]);
    if (changed.includes("ownDomains")) await checkOwnDomains(tx, current.id, fields.ownDomains);
    if (changed.includes("timezone") || changed.includes("fiscalYearStartMonth")) {
      // "Today" and the close quarter move: the background refresh recomputes every marked row
      // (docs/decisions/0009-signal-cache.md), and the pages recompute what they show meanwhile.
      await tx.dealSignalCache.updateMany({ where: { organizationId: current.id }, data: { stale: true } });
    }
    return { fields: changed, data: fields };
  });
}

/**
 * People who prove an address at an organization's own domain may join it: a workspace must not
 * claim another company's domain (or a mail provider's). Each own domain must be the domain of an
 * active admin's address, so claiming one takes an admin who proved an address there.
 */
async function checkOwnDomains(tx: Tx, organizationId: string, ownDomains: string) {
  const admins = await tx.user.findMany({ where: { organizationId, role: "ADMIN", deactivatedAt: null }, select: { email: true } });
  const adminDomains = new Set(admins.map((a) => domainOf(a.email)));
  const foreign = domainsIn(ownDomains).filter((domain) => !adminDomains.has(domain));
  if (foreign.length > 0) {
    throw new FieldError("ownDomains", `Only a domain an admin's own address is at can be yours: ${foreign.join(", ")} is not.`);
  }
}

/** Sets the accent colour (already checked for contrast by its form), or goes back to the default with null. */
export async function updateAccentColour(admin: SellerActor, accentColor: string | null, version: number, ip?: string | null) {
  return writeVersioned({ admin, ip }, version, "branding.updated", async (_tx, current) =>
    current.accentColor === accentColor ? null : { fields: ["accentColor"], data: { accentColor } },
  );
}

/** Stores a new logo: a PNG, JPEG or WebP image of at most 200 KB, told by its bytes. */
export async function saveLogo(admin: SellerActor, bytes: Uint8Array, version: number, ip?: string | null) {
  assertAdmin(admin);
  const problem = logoProblem(bytes);
  if (problem) throw new FieldError("logo", problem);
  const contentType = sniffLogoType(bytes)!;
  return writeVersioned({ admin, ip }, version, "branding.updated", async (tx, current) => {
    const data = { contentType, bytes: Uint8Array.from(bytes), updatedAt: new Date() };
    await tx.organizationLogo.upsert({ where: { organizationId: current.id }, create: { organizationId: current.id, ...data }, update: data });
    return { fields: ["logo"], detail: { logo: "uploaded" } };
  });
}

export async function removeLogo(admin: SellerActor, version: number, ip?: string | null) {
  return writeVersioned({ admin, ip }, version, "branding.updated", async (tx, current) => {
    const removed = await tx.organizationLogo.deleteMany({ where: { organizationId: current.id } });
    return removed.count ? { fields: ["logo"], detail: { logo: "removed" } } : null;
  });
}

/**
 * An organization's logo, for anyone: it is shown on buyers' pages and in their emails, which
 * carry no seller session, and it tells nothing an organization's buyers do not see anyway.
 */
export async function readLogo(organizationId: string) {
  return prisma.organizationLogo.findUnique({ where: { organizationId } });
}
