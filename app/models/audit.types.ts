/**
 * Every kind of audit row, defined once: recordAuditEvent accepts no other, and a page listing an
 * organization's security events can name each one.
 */
export const AUDIT_ACTIONS = [
  "seller.signed_in",
  "seller.signed_out",
  "buyer.signed_in",
  "buyer.signed_out",
  /** Wrong codes left an address no code (and so no link) that works. */
  "code.locked_out",
  /** Someone pressed "Stop these emails" for a kind of email. */
  "email.opted_out",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const KNOWN_ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

/** Rows are stored as text: this tells a known action from anything an older version wrote. */
export function isAuditAction(action: string): action is AuditAction {
  return KNOWN_ACTIONS.has(action);
}
