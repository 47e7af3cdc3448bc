// The plan's history. Every write in the model layer records one row here, in the same
// transaction, so history and state can never disagree.
import { createId } from "@paralleldrive/cuid2";
import type { Tx } from "~/utils/db.server";
import { storedDate } from "~/utils/stored-date";
import type { SellerActor } from "./actor.server";
import { actingUserId } from "./actor.server";
import type { ActivityAction, ActivityEntry } from "./activity.types";
import { recordEventOfActivity } from "./webhook-events.server";

export type EntityType = "DEAL" | "PLAN" | "MILESTONE" | "PARTICIPANT" | "MEDDPICC" | "COMMENT" | "STAKEHOLDER";

export interface ActivityActor {
  side: "SELLER" | "BUYER" | "SYSTEM";
  userId?: string | null;
  participantId?: string | null;
  name: string;
}

export function sellerActivityActor(actor: SellerActor): ActivityActor {
  return { side: "SELLER", userId: actingUserId(actor), name: actor.name };
}

export interface ActivityInput {
  organizationId: string;
  dealId: string;
  planId?: string | null;
  entityType: EntityType;
  entityId: string;
  action: ActivityAction;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  internalOnly?: boolean;
  at?: Date;
}

export async function recordActivity(tx: Tx, who: ActivityActor, input: ActivityInput) {
  // Every recorded change can move the deal's derived figures: the dashboard recomputes it. One
  // lean statement: every write runs it inside its transaction, and an ORM update is compiled each time.
  await tx.$executeRaw`UPDATE "DealSignalCache" SET "stale" = true WHERE "dealId" = ${input.dealId} AND "stale" = false`;
  // Some changes are webhook events too: recorded here, so they commit or roll back with the change.
  await recordEventOfActivity(tx, input);
  // An INSERT of our own, not an ORM create that Prisma compiles on every write (about 0.6 ms on SQLite).
  const id = createId();
  await tx.$executeRaw`
    INSERT INTO "Activity" ("id", "organizationId", "dealId", "planId", "actorSide", "actorUserId", "actorParticipantId", "actorName",
                            "entityType", "entityId", "action", "before", "after", "internalOnly", "at")
    VALUES (${id}, ${input.organizationId}, ${input.dealId}, ${input.planId ?? null}, ${who.side}, ${who.userId ?? null}, ${who.participantId ?? null},
            ${who.name}, ${input.entityType}, ${input.entityId}, ${input.action}, ${input.before ? JSON.stringify(input.before) : null},
            ${input.after ? JSON.stringify(input.after) : null}, ${input.internalOnly ?? false}, ${input.at ?? new Date()})`;
  return { id };
}

/** Only the fields whose values differ, as a before/after pair for the history. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (after[key] !== undefined && after[key] !== before[key]) {
      was[key] = before[key];
      now[key] = after[key];
    }
  }
  return Object.keys(now).length ? { before: was, after: now } : null;
}

/** A stored history row as pages and emails read it (raw reads may give the time as text). */
export function activityEntryOf(
  row: Omit<ActivityEntry, "at" | "before" | "after"> & { at: Date | string; before: string | null; after: string | null },
): ActivityEntry {
  return {
    id: row.id,
    at: storedDate(row.at).toISOString(),
    actorName: row.actorName,
    actorSide: row.actorSide,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    before: row.before ? JSON.parse(row.before) : null,
    after: row.after ? JSON.parse(row.after) : null,
    internalOnly: row.internalOnly,
  };
}
