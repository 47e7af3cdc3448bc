// After the run: is every accepted write in the database, and was every stale write refused?
// Every accepted versioned write moves its step from the version it carried to the next one, so
// the accepted writes of a step must carry distinct versions, one per version the step went
// through. Two accepted writes carrying the same version mean one overwrote the other: a lost
// update. A refused (409) write must carry a version some accepted write moved past.
import { prisma } from "~/utils/db.server";
import type { WriteRecord } from "./editors";

export interface Audit {
  lostUpdates: number;
  details: string[];
  staleWrites: number;
  staleAnswered409: number;
  falseConflicts: number;
  /** Version steps with no acknowledged write (committed, but the answer never arrived). */
  unacknowledged: number;
}

const ACTIONS: Record<WriteRecord["intent"], string> = {
  redate: "milestone.redated",
  complete: "milestone.completed",
  reopen: "milestone.reopened",
  confirm: "milestone.confirmed",
  comment: "comment.added",
};

export async function auditWrites(planId: string, startVersions: Map<string, number>, writes: WriteRecord[]): Promise<Audit> {
  const audit: Audit = { lostUpdates: 0, details: [], staleWrites: 0, staleAnswered409: 0, falseConflicts: 0, unacknowledged: 0 };
  const lost = (detail: string) => {
    audit.lostUpdates++;
    if (audit.details.length < 10) audit.details.push(detail);
  };
  const milestones = await prisma.milestone.findMany({ where: { planId } });
  const activity = await prisma.activity.findMany({ where: { planId, entityType: "MILESTONE" }, select: { entityId: true, action: true, after: true } });
  const comments = new Set((await prisma.comment.findMany({ where: { planId }, select: { body: true } })).map((c) => c.body));

  for (const milestone of milestones) {
    const mine = writes.filter((w) => w.milestoneId === milestone.id && w.baseVersion !== null);
    const accepted = new Map<number, WriteRecord>();
    for (const write of mine.filter((w) => w.saved)) {
      if (accepted.has(write.baseVersion!)) lost(`two saves of step ${milestone.title} both carried version ${write.baseVersion}`);
      else accepted.set(write.baseVersion!, write);
    }
    const start = startVersions.get(milestone.id) ?? 1;
    audit.unacknowledged += Math.max(0, milestone.version - start - accepted.size);
    for (const write of mine.filter((w) => !w.saved)) {
      const stale = accepted.has(write.baseVersion!) || write.baseVersion! < start;
      if (stale) audit.staleWrites++;
      if (stale && write.status === 409) audit.staleAnswered409++;
      if (!stale && write.status === 409) audit.falseConflicts++;
    }
    // Each accepted write left its history row, and the last one left the step as it said.
    const rows = activity.filter((a) => a.entityId === milestone.id);
    for (const write of accepted.values()) {
      const found = rows.findIndex(
        (a) => a.action === ACTIONS[write.intent] && (write.intent !== "redate" || JSON.parse(a.after ?? "{}").targetDate === write.value),
      );
      if (found < 0) lost(`the ${write.intent} of step ${milestone.title} from version ${write.baseVersion} left no history`);
      else rows.splice(found, 1);
    }
    const last = accepted.get(milestone.version - 1);
    if (last?.intent === "redate" && milestone.targetDate !== last.value) lost(`step ${milestone.title} is dated ${milestone.targetDate}, not ${last.value}`);
    if ((last?.intent === "complete" || last?.intent === "confirm") && milestone.status !== "DONE") lost(`step ${milestone.title} is not done`);
    if (last?.intent === "confirm" && !milestone.buyerConfirmedAt) lost(`step ${milestone.title} is not confirmed`);
    if (last?.intent === "reopen" && milestone.status === "DONE") lost(`step ${milestone.title} is still done`);
  }
  for (const write of writes.filter((w) => w.intent === "comment" && w.saved)) {
    if (!comments.has(write.value)) lost(`the comment "${write.value}" is missing`);
  }
  return audit;
}
