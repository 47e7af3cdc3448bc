// One sentence per history row, the same on the seller's deal page and the buyer's plan page.
// Sentences name fields by their labels, people by name and dates as dates: never a stored name,
// value or id (docs/product.md).
import { isActivityAction, type ActivityAction, type ActivityEntry } from "~/models/activity.types";
import { fieldList, fieldValue } from "./field-words";

export function actorSideLabel(side: string): string {
  return side === "BUYER" ? "buyer" : side === "SELLER" ? "seller" : "system";
}

/** Names of the plan's milestones and people by id; a history row may outlive either. */
interface Names {
  titles: ReadonlyMap<string, string>;
  people?: ReadonlyMap<string, string>;
}

interface Row {
  entry: ActivityEntry;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** The milestone's title, quoted. */
  step: string;
  /** The participant's name. */
  person: string;
  names: Names;
}

/** The sentence after the actor's name: "moved “Pilot” from 4 Jan 2027 to 11 Jan 2027". */
export function describeActivity(entry: ActivityEntry, titles: ReadonlyMap<string, string>, people?: ReadonlyMap<string, string>): string {
  if (!isActivityAction(entry.action)) return "made a change";
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const title = titles.get(entry.entityId) ?? text(before.title) ?? text(after.title) ?? "a milestone";
  const person = people?.get(entry.entityId) ?? text(after.name) ?? text(before.name) ?? text(after.email) ?? "a buyer contact";
  return sentence(entry.action, { entry, before, after, step: `“${title}”`, person, names: { titles, people } });
}

function sentence(action: ActivityAction, row: Row): string {
  const { before, after, step, person } = row;
  const changed = Object.keys(after);
  switch (action) {
    case "deal.created":
      return "created the deal";
    case "deal.archived":
      return "archived the deal";
    case "deal.restored":
      return "restored the deal from the archive";
    case "deal.updated":
      return changed.length === 1 ? `changed the deal's ${fromTo(row, changed[0], "deal")}` : `changed the deal's ${fieldList(changed, "deal")}`;
    case "plan.created":
      return after.from === "template" ? `created the plan from the template (${Number(after.milestones) || 0} milestones)` : "created a blank plan";
    case "plan.updated":
      return `changed the plan's ${fieldList(changed, "plan")}`;
    case "plan.shared":
      return "shared the plan with the buyer";
    case "plan.accepted":
      return "accepted the plan";
    case "participant.added":
      return `added ${person} to the plan`;
    case "participant.updated":
      return `changed ${person}'s ${fieldList(changed, "person")}`;
    case "participant.revoked":
      return `removed ${person}'s access to the plan`;
    case "participant.invited":
      return `invited ${person}`;
    case "participant.joined":
      return after.via ? "joined the plan through an allowed email domain" : "opened the plan for the first time";
    case "access.requested":
      return `asked for access (${fieldValue("email", after.email)})`;
    case "access.approved":
      return `let ${fieldValue("email", after.email)} join the plan`;
    case "access.declined":
      return `declined ${fieldValue("email", after.email)}'s request to join`;
    case "comment.added":
      return `commented${row.names.titles.has(row.entry.entityId) ? ` on ${step}` : ""}: “${fieldValue("body", after.body)}”`;
    case "note.added":
      // The note's words live only in the notes themselves, never in the history.
      return `left an internal note on ${row.names.titles.has(row.entry.entityId) ? step : "the deal"}`;
    case "meddpicc.scored":
      return before.total === undefined
        ? `scored MEDDPICC ${fieldValue("total", after.total)} of 16`
        : `changed the MEDDPICC score from ${fieldValue("total", before.total)} to ${fieldValue("total", after.total)} of 16`;
    case "stakeholder.rated":
      return after.strength
        ? `rated the ${fieldValue("stakeholderRole", after.role)} role ${fieldValue("strength", after.strength)} on the stakeholder map`
        : `handed the ${fieldValue("stakeholderRole", after.role)} role back to the suggestion from engagement`;
    default:
      return milestoneSentence(action, row);
  }
}

function milestoneSentence(action: Extract<ActivityAction, `milestone.${string}`>, row: Row): string {
  const { before, after, step } = row;
  switch (action) {
    case "milestone.created":
      return `added ${step}`;
    case "milestone.redated": {
      const reason = text(after.reason);
      return `moved ${step} from ${fieldValue("targetDate", before.targetDate)} to ${fieldValue("targetDate", after.targetDate)}${reason ? `: “${reason}”` : ""}`;
    }
    case "milestone.completed":
      return `marked ${step} done`;
    case "milestone.confirmed":
      return `confirmed ${step} is done`;
    case "milestone.reopened":
      return `reopened ${step}`;
    case "milestone.status_changed": {
      const reason = text(after.reason);
      return `set ${step} to ${fieldValue("status", after.status).toLowerCase()}${reason ? `: “${reason}”` : ""}`;
    }
    case "milestone.updated":
      return milestoneEdit(row);
    case "milestone.moved":
      return `moved ${step} in the plan order`;
    case "milestone.deleted":
      return `deleted ${step}`;
  }
}

function milestoneEdit(row: Row): string {
  const { before, after, step } = row;
  const changed = Object.keys(after);
  if (changed.length === 1 && changed[0] === "ownerParticipantId") {
    return after.ownerParticipantId
      ? `assigned ${step} to ${fieldValue("ownerParticipantId", after.ownerParticipantId, row.names.people)}`
      : `unassigned ${step}`;
  }
  if (changed.length === 1 && changed[0] === "title" && text(before.title)) return `renamed “${text(before.title)}” to “${text(after.title) ?? ""}”`;
  return `changed the ${fieldList(changed, "milestone")} of ${step}`;
}

/** "stage from 2. Discovery to 3. Qualification & multi-thread" */
function fromTo(row: Row, field: string, subject: "deal"): string {
  const people = row.names.people;
  return `${fieldList([field], subject)} from ${fieldValue(field, row.before[field], people)} to ${fieldValue(field, row.after[field], people)}`;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
