// One sentence per history row, the same on the seller's deal page and the buyer's plan page.
import type { ActivityEntry } from "~/models/activity.types";
import { formatCalendarDate, isCalendarDate } from "~/domain/dates";

export function actorSideLabel(side: string): string {
  return side === "BUYER" ? "buyer" : side === "SELLER" ? "seller" : "system";
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "string" && isCalendarDate(value)) return formatCalendarDate(value);
  return String(value);
}

export function describeActivity(entry: ActivityEntry, titles: Map<string, string>): string {
  const title = titles.get(entry.entityId) ?? (entry.before?.title as string | undefined) ?? (entry.after?.title as string | undefined) ?? "a milestone";
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  switch (entry.action) {
    case "deal.created":
      return "created the deal";
    case "deal.archived":
      return "archived the deal";
    case "deal.restored":
      return "restored the deal from the archive";
    case "plan.created":
      return after.from === "template" ? `created the plan from the template (${after.milestones} milestones)` : "created a blank plan";
    case "plan.shared":
      return "shared the plan with the buyer";
    case "plan.accepted":
      return "accepted the plan";
    case "milestone.created":
      return `added “${title}”`;
    case "milestone.redated":
      return `moved “${title}” from ${show(before.targetDate)} to ${show(after.targetDate)}${after.reason ? `: “${show(after.reason)}”` : ""}`;
    case "milestone.completed":
      return `marked “${title}” done`;
    case "milestone.confirmed":
      return `confirmed “${title}” is done`;
    case "milestone.reopened":
      return `reopened “${title}”`;
    case "milestone.status_changed":
      return `set “${title}” to ${show(after.status).toLowerCase().replace("_", " ")}`;
    case "milestone.updated":
      if ("ownerParticipantId" in after && Object.keys(after).length === 1) return after.ownerParticipantId ? `reassigned “${title}”` : `unassigned “${title}”`;
      return `edited ${Object.keys(after).join(", ")} of “${title}”`;
    case "milestone.moved":
      return `moved “${title}” in the plan order`;
    case "milestone.deleted":
      return `deleted “${title}”`;
    case "participant.added":
      return `added ${show(after.name)} to the plan`;
    case "participant.revoked":
      return "removed a buyer's access";
    case "participant.invited":
      return `invited ${show(after.name)}`;
    case "participant.joined":
      return after.via ? `joined the plan (${show(after.via)})` : "opened the plan for the first time";
    case "access.requested":
      return `asked for access (${show(after.email)})`;
    case "access.approved":
      return `let ${show(after.email)} join the plan`;
    case "access.declined":
      return `declined ${show(after.email)}'s request to join`;
    case "comment.added":
      return `commented${titles.has(entry.entityId) ? ` on “${title}”` : ""}: “${show(after.body)}”`;
    case "deal.updated":
      return `changed the deal's ${Object.keys(after).join(", ")}`;
    default: {
      const fields = Object.keys(after).join(", ");
      const subject = entry.entityType === "MILESTONE" ? `“${title}”` : entry.entityType.toLowerCase();
      return fields ? `changed ${fields} of ${subject}` : `updated ${subject}`;
    }
  }
}
