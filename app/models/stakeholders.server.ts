// The rep's reading of a deal's buying roles (seller-only: buyers never see it). Each save
// refreshes the deal's signal cache, since the high-risk flag feeds health.
import { prisma, type Tx } from "~/utils/db.server";
import { FieldError, NotFoundError, VersionConflictError } from "~/utils/http.server";
import type { StakeholderRoleInput } from "~/forms/stakeholders";
import { visibleDealsWhere, type SellerActor } from "./actor.server";
import { recordActivity, sellerActivityActor } from "./activity.server";
import { isUniqueViolation } from "./audit.server";
import { refreshDealSignals } from "./signals.server";

/** A stored row as the page and a conflict notice read it; version 0 means "not read yet". */
function asForm(row: { role: string; strength: string; participantId: string | null; version: number } | null, role: string) {
  return { role, strength: row?.strength ?? "", holderParticipantId: row?.participantId ?? "", version: row?.version ?? 0 };
}

/** The role's reading as stored now, for a conflict notice. */
async function storedReading(dealId: string, role: string) {
  return asForm(await prisma.stakeholderRole.findUnique({ where: { dealId_role: { dealId, role } } }), role);
}

/**
 * The holder must be a buyer still on this deal's own plan. Someone on the plan who is not (removed
 * since the page was read, or on the seller's side) is refused beside the field; an id from
 * anywhere else is answered like a missing one.
 */
async function checkHolder(tx: Tx, actor: SellerActor, planId: string, holder: string) {
  const person = await tx.participant.findFirst({
    where: { id: holder, planId, organizationId: actor.organizationId },
    select: { side: true, accessState: true },
  });
  if (!person) throw new NotFoundError();
  if (person.side !== "BUYER" || person.accessState === "REVOKED") throw new FieldError("holderParticipantId", "That buyer is no longer on the plan");
}

export async function saveStakeholderRole(actor: SellerActor, dealId: string, input: StakeholderRoleInput) {
  const { role, strength, version } = input;
  const holder = input.holderParticipantId ?? null;
  const changed = await prisma
    .$transaction(async (tx) => {
      const deal = await tx.deal.findFirst({ where: { id: dealId, ...visibleDealsWhere(actor) }, select: { id: true, plan: { select: { id: true } } } });
      if (!deal) throw new NotFoundError();
      // "Suggested" removes the reading, and the person named with it: the rep must choose which they meant.
      if (strength === "" && holder) throw new FieldError("strength", "Choose a strength for the person named, or name no one");
      if (holder) await checkHolder(tx, actor, deal.plan?.id ?? "", holder);
      const current = await tx.stakeholderRole.findUnique({ where: { dealId_role: { dealId, role } } });
      if ((current?.version ?? 0) !== version) throw new VersionConflictError(asForm(current, role));
      if (current && current.strength === strength && current.participantId === holder) return false;
      if (strength === "") {
        if (!current) return false;
        const removed = await tx.stakeholderRole.deleteMany({ where: { id: current.id, version } });
        if (removed.count === 0) throw new VersionConflictError(asForm(await tx.stakeholderRole.findUnique({ where: { id: current.id } }), role));
      } else if (current) {
        const updated = await tx.stakeholderRole.updateMany({
          where: { id: current.id, version },
          data: { strength, participantId: holder, updatedById: actor.userId, version: { increment: 1 } },
        });
        if (updated.count === 0) throw new VersionConflictError(asForm(await tx.stakeholderRole.findUnique({ where: { id: current.id } }), role));
      } else {
        await tx.stakeholderRole.create({
          data: { organizationId: actor.organizationId, dealId, role, strength, participantId: holder, updatedById: actor.userId },
        });
      }
      await recordActivity(tx, sellerActivityActor(actor), {
        organizationId: actor.organizationId,
        dealId,
        planId: deal.plan?.id,
        entityType: "STAKEHOLDER",
        entityId: dealId,
        action: "stakeholder.rated",
        before: current ? { role, strength: current.strength } : null,
        after: { role, strength },
        internalOnly: true,
      });
      return true;
    })
    .catch(async (error) => {
      // Two first readings of one role at once: the later one lost the race, like a stale version.
      if (isUniqueViolation(error)) throw new VersionConflictError(await storedReading(dealId, role));
      throw error;
    });
  if (changed) await refreshDealSignals(actor.organizationId, dealId);
}

/** The rep's stored readings of a deal's roles, for the deal page (the deal is already scoped by the caller). */
export function stakeholderRowsOf(rows: Array<{ role: string; strength: string; participantId: string | null; version: number }>) {
  return new Map(rows.map((r) => [r.role, asForm(r, r.role)]));
}
