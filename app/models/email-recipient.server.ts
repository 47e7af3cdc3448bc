// When scheduled email may reach a person: their own timezone where we know it (a seller's profile,
// the zone a buyer's browser reported), else their organization's.
import type { Db, Tx } from "~/utils/db.server";
import { deliverableFrom } from "~/domain/quiet-hours";
import { isValidTimeZone } from "~/domain/dates";

export async function recipientTimeZone(db: Tx | Db, email: string, organizationId: string): Promise<string> {
  const address = email.toLowerCase();
  // One after the other: inside a transaction, queries run one at a time anyway.
  const user = await db.user.findFirst({ where: { email: address, organizationId }, select: { timezone: true } });
  const participant = user?.timezone
    ? null
    : await db.participant.findFirst({
        where: { email: address, organizationId, timezone: { not: null } },
        select: { timezone: true },
        orderBy: { lastSeenAt: "desc" },
      });
  const own = user?.timezone ?? participant?.timezone;
  if (own && isValidTimeZone(own)) return own;
  const organization = await db.organization.findUnique({ where: { id: organizationId }, select: { timezone: true } });
  return organization?.timezone ?? "UTC";
}

/** The moment a scheduled email to this person may go out: now in their daytime, else their next morning. */
export async function scheduledDeliveryFor(db: Tx | Db, email: string, organizationId: string, now: Date): Promise<Date> {
  return deliverableFrom(now, await recipientTimeZone(db, email, organizationId));
}
