import type { ActivityEntry } from "~/models/activity.types";
import { formatMoment } from "~/components/format";
import { formatCalendarDate, isCalendarDate } from "~/domain/dates";
/** Only ids and titles are needed, to name milestones in the history. */
type Titled = { id: string; title: string };

export function ActivityList({ activity, milestones, timezone }: { activity: ActivityEntry[]; milestones: Titled[]; timezone: string }) {
  const titles = new Map(milestones.map((m) => [m.id, m.title]));
  return (
    <section className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-labelledby="activity-heading">
      <h2 id="activity-heading" className="border-b border-slate-200 px-4 py-3 font-semibold">
        Activity
      </h2>
      {activity.length === 0 ? <p className="px-4 py-3 text-sm text-slate-600">Nothing has happened yet.</p> : null}
      <ol className="divide-y divide-slate-100" data-testid="activity-list">
        {activity.map((entry) => (
          <li key={entry.id} className="px-4 py-2 text-sm" data-testid="activity-entry">
            <p>
              <span className="font-medium">{entry.actorName}</span>
              <span className="text-slate-500"> ({entry.actorSide === "BUYER" ? "buyer" : entry.actorSide === "SELLER" ? "seller" : "system"})</span>{" "}
              {describe(entry, titles)}
            </p>
            <p className="text-xs text-slate-500">
              <time dateTime={entry.at}>{formatMoment(entry.at, timezone)}</time>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "string" && isCalendarDate(value)) return formatCalendarDate(value);
  return String(value);
}

function describe(entry: ActivityEntry, titles: Map<string, string>): string {
  const title = titles.get(entry.entityId) ?? (entry.before?.title as string | undefined) ?? (entry.after?.title as string | undefined) ?? "a milestone";
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  switch (entry.action) {
    case "deal.created":
      return "created the deal";
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
