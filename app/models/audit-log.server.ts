// The organization's audit log as its admins read it: newest first, 50 rows a page, filtered by
// person, kind and the organization's calendar dates. Every query is scoped to the admin's own
// organization; rows that belong to none (wrong codes for unknown addresses) are never listed.
import { prisma } from "~/utils/db.server";
import { ForbiddenError } from "~/utils/http.server";
import { daysRangeIn } from "~/domain/day-bounds";
import type { AuditFilters } from "~/forms/audit";
import type { Prisma } from "~/generated/prisma/client";
import type { SellerActor } from "./actor.server";

export const AUDIT_PAGE_SIZE = 50;
const CSV_BATCH = 1000;

function assertAdmin(actor: SellerActor) {
  if (actor.role !== "ADMIN") throw new ForbiddenError("Only an admin of your organization can read its audit log.");
}

function whereOf(admin: SellerActor, filters: AuditFilters): Prisma.AuditEventWhereInput {
  const { start, end } = daysRangeIn(admin.timezone, filters.from ?? null, filters.to ?? null);
  const createdAt = start || end ? { ...(start ? { gte: start } : {}), ...(end ? { lt: end } : {}) } : undefined;
  return {
    organizationId: admin.organizationId,
    ...(filters.person ? { actorEmail: { contains: filters.person } } : {}),
    ...(filters.kind ? { action: filters.kind } : {}),
    ...(createdAt ? { createdAt } : {}),
  };
}

/** Rows strictly older than the cursor "<ms>.<id>" in the log's order (time, then id, both descending). */
function afterCursor(cursor: string | undefined): Prisma.AuditEventWhereInput {
  if (!cursor) return {};
  const [ms, id] = cursor.split(".");
  const at = new Date(Number(ms));
  return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] };
}

const ORDER = [{ createdAt: "desc" as const }, { id: "desc" as const }];
const SELECTED = { id: true, createdAt: true, action: true, actorEmail: true, subjectType: true, subjectId: true, detail: true, ip: true } as const;

export type AuditRow = Prisma.AuditEventGetPayload<{ select: typeof SELECTED }>;

/** One page of the log, and the cursor of the next page when there is one. */
export async function listAuditEvents(admin: SellerActor, filters: AuditFilters) {
  assertAdmin(admin);
  const rows = await prisma.auditEvent.findMany({
    where: { AND: [whereOf(admin, filters), afterCursor(filters.after)] },
    orderBy: ORDER,
    take: AUDIT_PAGE_SIZE + 1,
    select: SELECTED,
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = page[page.length - 1];
  const next = rows.length > AUDIT_PAGE_SIZE && last ? `${last.createdAt.getTime()}.${last.id}` : null;
  return { rows: page, next, subjects: await subjectNames(admin, page) };
}

/** Every row the filters match (all pages), newest first, read in batches. */
export async function allAuditEvents(admin: SellerActor, filters: AuditFilters) {
  assertAdmin(admin);
  const where = whereOf(admin, { ...filters, after: undefined });
  const rows: AuditRow[] = [];
  for (;;) {
    const last = rows[rows.length - 1];
    const batch = await prisma.auditEvent.findMany({
      where: { AND: [where, afterCursor(last ? `${last.createdAt.getTime()}.${last.id}` : undefined)] },
      orderBy: ORDER,
      take: CSV_BATCH,
      select: SELECTED,
    });
    rows.push(...batch);
    if (batch.length < CSV_BATCH) break;
  }
  return { rows, subjects: await subjectNames(admin, rows) };
}

/**
 * What each row is about, by name: a plan's title, a person's address, a team's or a template's
 * name, whom an invitation was for. Looked up in the admin's own organization only; a row about something since deleted names nothing.
 */
async function subjectNames(admin: SellerActor, rows: AuditRow[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.subjectType === type && r.subjectId).map((r) => r.subjectId!))];
  const organizationId = admin.organizationId;
  const [plans, users, teams, templates, invitations] = await Promise.all([
    prisma.plan.findMany({ where: { organizationId, id: { in: idsOf("PLAN") } }, select: { id: true, title: true } }),
    prisma.user.findMany({ where: { organizationId, id: { in: idsOf("USER") } }, select: { id: true, email: true } }),
    prisma.team.findMany({ where: { organizationId, id: { in: idsOf("TEAM") } }, select: { id: true, name: true } }),
    prisma.template.findMany({ where: { organizationId, id: { in: idsOf("TEMPLATE") } }, select: { id: true, name: true } }),
    prisma.sellerInvitation.findMany({ where: { organizationId, id: { in: idsOf("INVITATION") } }, select: { id: true, email: true } }),
  ]);
  return new Map<string, string>([
    ...plans.map((p) => [`PLAN:${p.id}`, `Plan “${p.title}”`] as const),
    ...users.map((u) => [`USER:${u.id}`, u.email] as const),
    ...teams.map((t) => [`TEAM:${t.id}`, `Team “${t.name}”`] as const),
    ...templates.map((t) => [`TEMPLATE:${t.id}`, `Template “${t.name}”`] as const),
    ...invitations.map((i) => [`INVITATION:${i.id}`, `Invitation to ${i.email}`] as const),
  ]);
}
