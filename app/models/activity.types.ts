/** One line of a plan's history as pages receive it. */
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
