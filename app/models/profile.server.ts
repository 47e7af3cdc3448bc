// A person's own profile: their name and job title. Everyone edits their own and nobody else's
// here; the actor is the only user these functions ever touch.
import type { SellerActor } from "./actor.server";
import { prisma } from "~/utils/db.server";
import { VersionConflictError } from "~/utils/http.server";

const PROFILE = { name: true, title: true, email: true, version: true } as const;

export function ownProfile(actor: SellerActor) {
  return prisma.user.findFirstOrThrow({ where: { id: actor.userId, organizationId: actor.organizationId }, select: PROFILE });
}

export interface ProfileChange {
  name: string;
  title: string;
  version: number;
}

/** Saves the actor's name and title, unless someone (they, in another tab) saved a newer version first. */
export async function updateOwnProfile(actor: SellerActor, change: ProfileChange) {
  const { name, title, version } = change;
  const saved = await prisma.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: actor.userId, organizationId: actor.organizationId, version },
      data: { name, title, version: { increment: 1 } },
    });
    if (updated.count === 0) return false;
    // Plans show the seller side by their participant rows: buyers should read the new name too.
    await tx.participant.updateMany({
      where: { userId: actor.userId, organizationId: actor.organizationId, side: "SELLER" },
      data: { name, title, version: { increment: 1 } },
    });
    return true;
  });
  if (!saved) throw new VersionConflictError(await ownProfile(actor));
}
