/**
 * Every kind of history row, defined once. The signals engine reads some of them (re-dates,
 * buyer actions), the history sentence is written for each, and recordActivity accepts no other.
 */
export const ACTIVITY_ACTIONS = [
  "deal.created",
  "deal.updated",
  "deal.archived",
  "deal.restored",
  "plan.created",
  "plan.updated",
  "plan.shared",
  "plan.accepted",
  "milestone.created",
  "milestone.redated",
  "milestone.updated",
  "milestone.completed",
  "milestone.confirmed",
  "milestone.reopened",
  "milestone.status_changed",
  "milestone.moved",
  "milestone.deleted",
  "participant.added",
  "participant.updated",
  "participant.revoked",
  "participant.invited",
  "participant.joined",
  "access.requested",
  "access.approved",
  "access.declined",
  "comment.added",
  "note.added",
  "meddpicc.scored",
  "stakeholder.rated",
] as const;

export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

const KNOWN_ACTIONS: ReadonlySet<string> = new Set(ACTIVITY_ACTIONS);

/** Rows are stored as text: this tells a known action from anything an older version wrote. */
export function isActivityAction(action: string): action is ActivityAction {
  return KNOWN_ACTIONS.has(action);
}

/** One line of a plan's history as pages receive it. `action` is the stored text, narrowed by isActivityAction. */
export interface ActivityEntry {
  id: string;
  at: string;
  actorName: string;
  actorSide: string;
  entityType: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  internalOnly: boolean;
}
