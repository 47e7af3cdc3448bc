// Whether a person still wants a kind of email: asked when it is queued, and again when it is sent,
// because scheduled email may wait hours for the reader's morning and a stop pressed meanwhile counts.
import type { Db, Tx } from "./db.server";
import { isEmailKind, wantsEmail } from "~/models/email-kinds";

export async function recipientWants(db: Tx | Db, to: string, kind: string, organizationId: string | null): Promise<boolean> {
  if (!isEmailKind(kind)) return true;
  const choice = await db.emailPreference.findUnique({ where: { email_kind: { email: to.toLowerCase(), kind } }, select: { enabled: true } });
  if (choice) return choice.enabled;
  const organization = organizationId ? await db.organization.findUnique({ where: { id: organizationId }, select: { emailKindsOffByDefault: true } }) : null;
  return wantsEmail(kind, null, organization?.emailKindsOffByDefault ?? null);
}
