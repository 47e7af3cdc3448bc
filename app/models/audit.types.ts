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
  /** Someone verified their address and created a workspace, becoming its first admin. */
  "organization.created",
  "invitation.sent",
  "invitation.revoked",
  "invitation.accepted",
  /** Someone who verified an address at one of the organization's own domains joined as a rep. */
  "seller.joined_by_domain",
  "seller.role_changed",
  "seller.team_changed",
  "seller.deactivated",
  "seller.reactivated",
  /** A person's deals moved to another rep in one step. */
  "deals.reassigned",
  "team.created",
  "team.renamed",
  "team.managers_changed",
  "template.created",
  "template.updated",
  "template.duplicated",
  "template.archived",
  "template.restored",
  "templates.reordered",
  "settings.updated",
  "branding.updated",
  "api_token.created",
  "api_token.revoked",
  "webhook.created",
  "webhook.updated",
  "webhook.deleted",
  "webhook.secret_rolled",
  /** Paused by an admin. */
  "webhook.paused",
  /** Deliveries kept failing, so the endpoint stopped receiving until an admin resumes it. */
  "webhook.auto_paused",
  "webhook.resumed",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit row is about, beside the person who acted. */
export const AUDIT_SUBJECT_TYPES = ["PLAN", "USER", "TEAM", "TEMPLATE", "INVITATION", "ORGANIZATION", "API_TOKEN", "WEBHOOK"] as const;

export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

const KNOWN_ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

/** Rows are stored as text: this tells a known action from anything an older version wrote. */
export function isAuditAction(action: string): action is AuditAction {
  return KNOWN_ACTIONS.has(action);
}
