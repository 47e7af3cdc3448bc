// The weekly digest (app/domain/weekly-digest.ts says when and what): for every active person of an
// organization, their own open deals and those of the teams they manage (TeamManager), as a manager's
// dashboard scopes them; an admin who owns deals gets theirs like a rep. First the week's snapshots are
// written, so next Monday has something to compare with. One digest per person and week
// ("digest:<userId>:<weekOf>"), held until the reader's morning; a cursor marks the week done.
import { isolated } from "~/utils/job-pass";
import { createElement } from "react";
import WeeklyDigestEmail from "../../emails/weekly-digest";
import { formatCalendarDate } from "~/domain/dates";
import { composeDigest, digestWeekDue } from "~/domain/weekly-digest";
import { prisma } from "~/utils/db.server";
import { queueEmail, renderEmail } from "~/utils/email.server";
import { notificationFooter } from "~/utils/unsubscribe.server";
import { isUniqueViolation } from "./audit.server";
import { loadDigestDeals, writeWeekSnapshots, type DigestDeal } from "./digest-facts.server";
import { scheduledDeliveryFor } from "./email-recipient.server";
import { refreshSignalCache } from "./signals.server";

const KIND = "WEEKLY_DIGEST";

interface Organization {
  id: string;
  timezone: string;
  fiscalYearStartMonth: number;
}

export function digestKey(userId: string, weekOf: string) {
  return `digest:${userId}:${weekOf}`;
}

/** One pass: every organization whose Monday morning has come gets its digests. Returns how many were queued. */
export async function sendWeeklyDigests(now: Date, baseUrl: string): Promise<number> {
  const organizations = await prisma.organization.findMany({ select: { id: true, timezone: true, fiscalYearStartMonth: true } });
  let queued = 0;
  for (const org of organizations) {
    queued +=
      (await isolated("weekly-digest", `organization ${org.id}`, async () => {
        const weekOf = digestWeekDue(now, org.timezone);
        if (!weekOf) return 0;
        const doneKey = `weekly-digest:${org.id}:${weekOf}`;
        if (await prisma.notificationCursor.findUnique({ where: { key: doneKey } })) return 0;
        const sent = await digestOrganization(org, weekOf, now, baseUrl);
        await markWeekDone(doneKey, now);
        return sent;
      })) ?? 0;
  }
  return queued;
}

async function markWeekDone(key: string, now: Date) {
  try {
    await prisma.notificationCursor.create({ data: { key, through: now } });
  } catch (error) {
    // A pass beside this one finished the same week first.
    if (!isUniqueViolation(error)) throw error;
  }
}

async function digestOrganization(org: Organization, weekOf: string, now: Date, baseUrl: string): Promise<number> {
  await refreshSignalCache(org.id, null, weekOf);
  await writeWeekSnapshots(org.id, weekOf);
  const deals = await loadDigestDeals(org, weekOf, now);
  const people = await prisma.user.findMany({
    where: { organizationId: org.id },
    select: { id: true, name: true, email: true, teamId: true, deactivatedAt: true, managedTeams: { select: { teamId: true } } },
  });
  const readers = people.filter((person) => person.deactivatedAt === null);
  const sent = await prisma.emailOutbox.findMany({
    where: { idempotencyKey: { in: readers.map((r) => digestKey(r.id, weekOf)) } },
    select: { idempotencyKey: true },
  });
  const alreadySent = new Set(sent.map((row) => row.idempotencyKey));
  const dealsOfOwner = groupByOwner(deals);
  const membersOfTeam = new Map<string, string[]>();
  for (const person of people) if (person.teamId) pushTo(membersOfTeam, person.teamId, person.id);
  const nameOf = new Map(people.map((person) => [person.id, person.name]));

  let queued = 0;
  for (const reader of readers) {
    if (alreadySent.has(digestKey(reader.id, weekOf))) continue;
    const teams = reader.managedTeams.map((m) => m.teamId);
    const owners = new Set([reader.id, ...teams.flatMap((team) => membersOfTeam.get(team) ?? [])]);
    const theirDeals = [...owners].flatMap((owner) =>
      (dealsOfOwner.get(owner) ?? []).map((deal) => ({ ...deal.week, ownerName: owner === reader.id ? null : (nameOf.get(owner) ?? null) })),
    );
    const digest = composeDigest(weekOf, theirDeals, teams.length ? "teams" : "own");
    if (!digest) continue;
    const rendered = await renderEmail(
      digest.subject,
      createElement(WeeklyDigestEmail, {
        weekOf: formatCalendarDate(weekOf),
        summary: digest.summary,
        sections: digest.sections,
        action: teams.length ? { label: "Open your dashboard", href: `${baseUrl}/dashboard` } : { label: "Open your pipeline", href: `${baseUrl}/deals` },
        footer: notificationFooter(
          baseUrl,
          reader.email,
          KIND,
          teams.length
            ? "You get this digest every Monday because you manage a team in Mutual."
            : "You get this digest every Monday because you have open deals in Mutual.",
        ),
      }),
    );
    if (await queueDigest(org.id, reader, weekOf, rendered, now)) queued++;
  }
  return queued;
}

function pushTo<T>(lists: Map<string, T[]>, key: string, item: T) {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}

function groupByOwner(deals: Map<string, DigestDeal>) {
  const byOwner = new Map<string, DigestDeal[]>();
  for (const deal of deals.values()) pushTo(byOwner, deal.ownerId, deal);
  return byOwner;
}

async function queueDigest(
  organizationId: string,
  reader: { id: string; email: string },
  weekOf: string,
  rendered: Awaited<ReturnType<typeof renderEmail>>,
  now: Date,
) {
  try {
    await prisma.$transaction(async (tx) => {
      await queueEmail(tx, {
        ...rendered,
        kind: KIND,
        to: reader.email,
        organizationId,
        containsSecret: false,
        idempotencyKey: digestKey(reader.id, weekOf),
        notBefore: await scheduledDeliveryFor(tx, reader.email, organizationId, now),
      });
    });
    return true;
  } catch (error) {
    // Another pass queued this digest first.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
