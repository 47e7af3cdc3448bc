// A background pass that does its work at most once a day, though the job round runs every minute:
// a cursor row remembers when it last did it. Its work must be safe to repeat (a round that did the
// work and crashed before the cursor was written does it again the next minute).
import type { JobPass } from "./job-pass";
import { prisma } from "./db.server";

const DAY_MS = 86_400_000;

export function dailyPass(name: string, work: (now: Date) => Promise<string>): JobPass {
  return {
    name,
    leaseMs: 5 * 60_000,
    async run(now) {
      const last = await prisma.notificationCursor.findUnique({ where: { key: name } });
      if (last && now.getTime() - last.through.getTime() < DAY_MS) return "already done today";
      const done = await work(now);
      await prisma.notificationCursor.upsert({ where: { key: name }, create: { key: name, through: now }, update: { through: now } });
      return done;
    },
  };
}
