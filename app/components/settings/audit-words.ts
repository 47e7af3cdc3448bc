// The audit log in people's words: a label for every kind of row (a Record over every action, so a
// new action cannot be added without one) and a sentence for a row's detail. Raw action names,
// field names and stored values never reach the page or the CSV.
import { AUDIT_ACTIONS, isAuditAction, type AuditAction } from "~/models/audit.types";
import { fieldLabel, fieldList } from "~/components/field-words";
import { formatCalendarDate } from "~/domain/dates";

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "seller.signed_in": "Seller signed in",
  "seller.signed_out": "Seller signed out",
  "buyer.signed_in": "Buyer signed in",
  "buyer.signed_out": "Buyer signed out",
  "code.locked_out": "Locked out after wrong codes",
  "email.opted_out": "Stopped an email",
  "organization.created": "Workspace created",
  "invitation.sent": "Teammate invited",
  "invitation.revoked": "Invitation withdrawn",
  "invitation.accepted": "Invitation accepted",
  "seller.joined_by_domain": "Joined through the company's domain",
  "seller.role_changed": "Role changed",
  "seller.team_changed": "Team changed",
  "seller.deactivated": "Person deactivated",
  "seller.reactivated": "Person reactivated",
  "deals.reassigned": "Deals reassigned",
  "team.created": "Team created",
  "team.renamed": "Team renamed",
  "team.managers_changed": "Team managers changed",
  "template.created": "Template created",
  "template.updated": "Template edited",
  "template.duplicated": "Template duplicated",
  "template.archived": "Template archived",
  "template.restored": "Template restored",
  "templates.reordered": "Templates reordered",
  "settings.updated": "Settings changed",
  "branding.updated": "Branding changed",
  "api_token.created": "Integration token created",
  "api_token.revoked": "Integration token revoked",
  "webhook.created": "Webhook added",
  "webhook.updated": "Webhook events changed",
  "webhook.deleted": "Webhook deleted",
  "webhook.secret_rolled": "Webhook signing secret replaced",
  "webhook.paused": "Webhook paused",
  "webhook.auto_paused": "Webhook paused after failed deliveries",
  "webhook.resumed": "Webhook resumed",
};

export const AUDIT_ACTION_OPTIONS = AUDIT_ACTIONS.map((action) => ({ value: action, label: AUDIT_ACTION_LABELS[action] }));

/** A stored action as people read it; one an older or newer version wrote is "Other event". */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : "Other event";
}

const SIDES: Record<string, string> = { seller: "seller", buyer: "buyer" };
const ROLE_WORDS: Record<string, string> = { REP: "Rep", MANAGER: "Manager", ADMIN: "Admin" };

/** "MANAGER" → "Manager", "acme_corp" stays; ids and plain values as they are. */
function valueWords(value: unknown): string {
  const text = String(value);
  if (ROLE_WORDS[text]) return ROLE_WORDS[text];
  if (/^[A-Z][A-Z_]+$/.test(text)) return text[0] + text.slice(1).toLowerCase().replace(/_/g, " ");
  if (typeof value === "boolean") return value ? "yes" : "no";
  return text;
}

/**
 * A row's detail as a short sentence: "By link", "Changed: timezone and fiscal year starts in".
 * `emailKinds` names the kinds of email a person can stop.
 */
export function describeAuditDetail(detail: Record<string, unknown> | null, emailKinds: Record<string, string> = {}): string {
  if (!detail) return "";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(detail)) {
    if (key === "via") parts.push(value === "code" ? "By code" : value === "link" ? "By link" : `By ${valueWords(value)}`);
    else if (key === "emails") parts.push(`Stopped ${emailKinds[String(value)] ?? "a kind of email"}`);
    else if (key === "codes") parts.push(`${Number(value)} code${Number(value) === 1 ? "" : "s"} used up`);
    else if (key === "host") parts.push(`Sends to ${String(value)}`);
    else if (key === "side") parts.push(`On the ${SIDES[String(value)] ?? "other"} side`);
    else if (key === "logo") parts.push(value === "removed" ? "Logo removed" : "New logo");
    else if (key === "fields")
      parts.push(
        `Changed: ${fieldList(
          String(value)
            .split(/\s+/)
            .filter(Boolean)
            .filter((f) => f !== "logo" || !("logo" in detail)),
        )}`,
      );
    // Ids name nothing a person can read; what a row is about is shown beside it, by name.
    else if (/Ids?$/.test(key)) continue;
    else parts.push(`${key === "role" ? "Role" : fieldLabel(key)}: ${valueWords(value)}`);
  }
  return parts.filter((part) => part !== "Changed: ").join(". ");
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-30 09:05" in the organization's timezone: sorts as text, and a spreadsheet reads it. */
export function auditTime(at: Date, timeZone: string): string {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    clocks.set(timeZone, clock);
  }
  const part = (type: string, parts: Intl.DateTimeFormatPart[]) => parts.find((p) => p.type === type)?.value ?? "";
  const parts = clock.formatToParts(at);
  return `${part("year", parts)}-${part("month", parts)}-${part("day", parts)} ${part("hour", parts)}:${part("minute", parts)}`;
}

export interface AuditRowView {
  id: string;
  /** "2026-11-30 09:05", for spreadsheets. */
  at: string;
  /** "30 Nov 2026, 09:05", for people. */
  when: string;
  person: string;
  kind: string;
  about: string;
  detail: string;
  ip: string;
}

/** A stored row as the page and the CSV show it; `subjects` names what rows are about ("PLAN:<id>" → its title). */
export function auditRowView(
  row: {
    id: string;
    createdAt: Date;
    action: string;
    actorEmail: string;
    subjectType: string | null;
    subjectId: string | null;
    detail: string | null;
    ip: string | null;
  },
  subjects: ReadonlyMap<string, string>,
  timeZone: string,
  emailKinds: Record<string, string>,
): AuditRowView {
  let detail: Record<string, unknown> | null = null;
  try {
    detail = row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null;
  } catch {
    detail = null;
  }
  const at = auditTime(row.createdAt, timeZone);
  return {
    id: row.id,
    at,
    when: `${formatCalendarDate(at.slice(0, 10))}, ${at.slice(11)}`,
    person: row.actorEmail,
    kind: auditActionLabel(row.action),
    about: row.subjectType && row.subjectId ? (subjects.get(`${row.subjectType}:${row.subjectId}`) ?? "") : "",
    detail: describeAuditDetail(detail, emailKinds),
    ip: row.ip && row.ip !== "local" ? row.ip : "",
  };
}
