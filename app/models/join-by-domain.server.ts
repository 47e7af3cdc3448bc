// Joining by email domain: an organization that turned `joinByDomain` on lets anyone who proves
// an address at one of its own domains (`ownDomains`) join it as a rep. A domain that two
// organizations list joins neither: nobody can tell which one the person belongs to.
import { domainOf, listsDomainOf } from "~/domain/email-domains";
import { prisma } from "~/utils/db.server";
import { isUniqueViolation, recordAuditEvent } from "./audit.server";
import type { CreatedBySignUp } from "./organization.server";

export type DomainMatch = { kind: "ONE"; organization: { id: string; name: string } } | { kind: "NONE" } | { kind: "SHARED" };

export async function organizationJoinableBy(email: string): Promise<DomainMatch> {
  const domain = domainOf(email);
  const candidates = await prisma.organization.findMany({
    where: { joinByDomain: true, ownDomains: { contains: domain } },
    select: { id: true, name: true, ownDomains: true },
  });
  const matches = candidates.filter((organization) => listsDomainOf(organization.ownDomains, email));
  if (matches.length === 0) return { kind: "NONE" };
  if (matches.length > 1) return { kind: "SHARED" };
  return { kind: "ONE", organization: { id: matches[0].id, name: matches[0].name } };
}

export type JoinResult = { ok: true; user: { id: string; email: string; organizationId: string } } | { ok: false; reason: "TAKEN" | "NOT_JOINABLE" };

/**
 * Makes a verified address a rep of the organization it asked to join, if that organization
 * still lets its domain join (an admin may have turned it off, or another organization listed
 * the same domain, since the code was sent).
 */
export async function joinOrganizationByDomain(email: string, join: { organizationId: string; name: string }, how: CreatedBySignUp): Promise<JoinResult> {
  const match = await organizationJoinableBy(email);
  if (match.kind !== "ONE" || match.organization.id !== join.organizationId) return { ok: false, reason: "NOT_JOINABLE" };
  try {
    const user = await prisma.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { organizationId: join.organizationId, email, name: join.name, role: "REP" } });
      await recordAuditEvent(tx, {
        organizationId: join.organizationId,
        action: "seller.joined_by_domain",
        actor: { email, userId: created.id },
        subject: { type: "USER", id: created.id },
        detail: { domain: domainOf(email), via: how.via },
        ip: how.ip,
      });
      return created;
    });
    return { ok: true, user: { id: user.id, email: user.email, organizationId: user.organizationId } };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "TAKEN" };
    throw error;
  }
}
