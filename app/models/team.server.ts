// An organization's teams: their names, members and managers. A team may have several managers
// (TeamManager rows), each a manager or an admin; a manager sees the deals of every team they
// manage (app/models/actor.server.ts).
import { prisma, type Tx } from "~/utils/db.server";
import { FieldError, NotFoundError, VersionConflictError } from "~/utils/http.server";
import { assertAdmin, type SellerActor } from "./actor.server";
import { isUniqueViolation, recordAuditEvent } from "./audit.server";

const TAKEN = "Another team already has this name";

export async function listTeams(actor: SellerActor) {
  assertAdmin(actor);
  const organizationId = actor.organizationId;
  const [teams, managerCandidates] = await Promise.all([
    prisma.team.findMany({
      where: { organizationId },
      select: {
        id: true,
        name: true,
        version: true,
        _count: { select: { members: { where: { deactivatedAt: null } } } },
        managers: { select: { user: { select: { id: true, name: true } } } },
      },
      orderBy: { name: "asc" },
    }),
    managersToChoose(prisma, organizationId),
  ]);
  return {
    teams: teams.map((t) => ({
      id: t.id,
      name: t.name,
      version: t.version,
      memberCount: t._count.members,
      managers: t.managers.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name)),
    })),
    managerCandidates,
  };
}

/** Only active managers and admins can manage a team. */
function managersToChoose(db: Tx | typeof prisma, organizationId: string) {
  return db.user.findMany({
    where: { organizationId, deactivatedAt: null, role: { in: ["MANAGER", "ADMIN"] } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

const audited = (actor: SellerActor) => ({ organizationId: actor.organizationId, actor: { email: actor.email, userId: actor.userId } });

/** The database's unique (organization, name) decides a duplicate, so two creates at once cannot both pass. */
async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new FieldError("name", TAKEN);
    throw error;
  }
}

export async function createTeam(actor: SellerActor, name: string) {
  assertAdmin(actor);
  return uniqueName(() =>
    prisma.$transaction(async (tx) => {
      const team = await tx.team.create({ data: { organizationId: actor.organizationId, name } });
      await recordAuditEvent(tx, { ...audited(actor), action: "team.created", subject: { type: "TEAM", id: team.id }, detail: { name } });
      return team;
    }),
  );
}

async function teamAtVersion(tx: Tx, actor: SellerActor, teamId: string, version: number) {
  const team = await tx.team.findFirst({ where: { id: teamId, organizationId: actor.organizationId } });
  if (!team) throw new NotFoundError();
  if (team.version !== version) throw new VersionConflictError({ name: team.name, version: team.version });
  return team;
}

async function bumpVersion(tx: Tx, teamId: string, version: number, data: { name?: string } = {}) {
  const result = await tx.team.updateMany({ where: { id: teamId, version }, data: { ...data, version: { increment: 1 } } });
  if (result.count === 0) {
    const team = await tx.team.findUniqueOrThrow({ where: { id: teamId } });
    throw new VersionConflictError({ name: team.name, version: team.version });
  }
}

export async function renameTeam(actor: SellerActor, input: { teamId: string; version: number; name: string }) {
  assertAdmin(actor);
  await uniqueName(() =>
    prisma.$transaction(async (tx) => {
      const team = await teamAtVersion(tx, actor, input.teamId, input.version);
      if (team.name === input.name) return;
      await bumpVersion(tx, team.id, input.version, { name: input.name });
      await recordAuditEvent(tx, {
        ...audited(actor),
        action: "team.renamed",
        subject: { type: "TEAM", id: team.id },
        detail: { from: team.name, to: input.name },
      });
    }),
  );
}

/** Sets exactly these people as the team's managers. */
export async function setTeamManagers(actor: SellerActor, input: { teamId: string; version: number; managerIds: string[] }) {
  assertAdmin(actor);
  await prisma.$transaction(async (tx) => {
    const team = await teamAtVersion(tx, actor, input.teamId, input.version);
    const wanted = [...new Set(input.managerIds)];
    const people = await tx.user.findMany({
      where: { id: { in: wanted }, organizationId: actor.organizationId },
      select: { id: true, name: true, role: true, deactivatedAt: true },
    });
    if (people.length !== wanted.length) throw new NotFoundError();
    if (people.some((p) => p.role === "REP" || p.deactivatedAt)) throw new FieldError("managerIds", "Only active managers and admins can manage a team");

    const current = await tx.teamManager.findMany({ where: { teamId: team.id }, select: { userId: true } });
    const before = new Set(current.map((m) => m.userId));
    if (before.size === wanted.length && wanted.every((id) => before.has(id))) return;
    await bumpVersion(tx, team.id, input.version);
    await tx.teamManager.deleteMany({ where: { teamId: team.id, userId: { notIn: wanted } } });
    const added = wanted.filter((id) => !before.has(id));
    for (const userId of added) await tx.teamManager.create({ data: { teamId: team.id, userId } });
    const names = people.map((p) => p.name).sort((a, b) => a.localeCompare(b));
    await recordAuditEvent(tx, {
      ...audited(actor),
      action: "team.managers_changed",
      subject: { type: "TEAM", id: team.id },
      detail: { team: team.name, managers: names.join(", ") || "none" },
    });
  });
}
