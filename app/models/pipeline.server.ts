// The pipeline list (/deals): one page of the deals a seller may see, filtered, searched and
// sorted in SQL on the signal cache, so it costs the same at 10,000 deals as at 10. Written to run
// on SQLite and PostgreSQL alike: quoted identifiers, true/false, no date functions.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { HEALTH_LABEL_RANK } from "~/domain/health";
import { PIPELINE_EXPORT_LIMIT, PIPELINE_PAGE_SIZE, type PipelineQuery } from "~/domain/pipeline";
import type { DealSignals } from "~/domain/signals";
import { actorToday, visibleDealsSql, type SellerActor } from "./actor.server";
import { COUNTS_AS_DONE } from "./dashboard-sql.server";
import { loadDealFigures } from "./signals.server";

/** The few figures a pipeline row shows, from the cache or, for a row not yet refreshed, the engine. */
export interface RowFigures {
  health: { label: DealSignals["health"]["label"]; score: number };
  planStatus: DealSignals["planStatus"];
  forecast: { derived: DealSignals["forecast"]["derived"]; overCalled: boolean };
  stagePush: { pushed: boolean };
  /** Steps that slipped past their original date. */
  slippedCount: number;
}

export interface PipelineRow {
  id: string;
  accountName: string;
  name: string;
  ownerName: string;
  amount: number;
  currency: string;
  stage: number;
  targetCloseDate: string;
  repForecastCategory: string;
  outcome: string;
  planState: string | null;
  /** The deal's id in the organization's CRM, if it was given one. */
  externalId: string | null;
  /** Which stored date cannot be read, in a person's words; the row's figures are then withheld. */
  unreadableDate: string | null;
  signals: RowFigures | null;
}

function conditions(actor: SellerActor, query: PipelineQuery): Prisma.Sql {
  const where = [visibleDealsSql(actor), query.archived ? Prisma.sql`d."archivedAt" IS NOT NULL` : Prisma.sql`d."archivedAt" IS NULL`];
  if (query.search) {
    // LOWER on both sides: SQLite's LIKE ignores case and PostgreSQL's does not.
    const pattern = `%${query.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(Prisma.sql`(LOWER(d."accountName") LIKE ${pattern} ESCAPE '\\' OR LOWER(d."name") LIKE ${pattern} ESCAPE '\\')`);
  }
  const readable = Prisma.sql`c."unreadableDate" = false`;
  if (query.category) where.push(Prisma.sql`c."derivedCategory" = ${query.category} AND ${readable}`);
  if (query.overCalled) where.push(Prisma.sql`c."overCalled" = true AND ${readable}`);
  if (query.stalled) where.push(Prisma.sql`c."planStatus" = 'STALLED' AND ${readable}`);
  if (query.stagePushed) where.push(Prisma.sql`c."stagePushed" = true AND ${readable}`);
  return Prisma.join(where, " AND ");
}

const severity = Prisma.raw(
  `CASE c."healthLabel" ${Object.entries(HEALTH_LABEL_RANK)
    .map(([label, rank]) => `WHEN '${label}' THEN ${rank}`)
    .join(" ")} ELSE 3 END`,
);

/**
 * Open deals before closed ones. By risk: deals with a date to fix first (they need a person),
 * then stalled, at risk, healthy, the lower score first, then the larger amount. By close date:
 * the earliest first. The id keeps the order total, so pages never overlap.
 */
function order(query: PipelineQuery): Prisma.Sql {
  const closedLast = Prisma.sql`CASE WHEN d."outcome" = 'OPEN' THEN 0 ELSE 1 END`;
  const unreadableFirst = Prisma.sql`CASE WHEN c."unreadableDate" = true THEN 0 ELSE 1 END`;
  if (query.sort === "close") return Prisma.sql`${closedLast}, CASE WHEN c."unreadableDate" = true THEN 1 ELSE 0 END, d."targetCloseDate", d."id"`;
  return Prisma.sql`${closedLast}, ${unreadableFirst}, ${severity}, COALESCE(c."healthScore", 101), d."amount" DESC, d."id"`;
}

type Raw = Record<string, unknown>;

function fromClause(actor: SellerActor, query: PipelineQuery): Prisma.Sql {
  return Prisma.sql`FROM "Deal" d
    JOIN "User" u ON u."id" = d."ownerId"
    LEFT JOIN "Plan" p ON p."dealId" = d."id"
    LEFT JOIN "DealSignalCache" c ON c."dealId" = d."id"
    WHERE ${conditions(actor, query)}`;
}

const ROW_COLUMNS = Prisma.sql`d."id" AS "id", d."accountName" AS "accountName", d."name" AS "name", u."name" AS "ownerName", d."amount" AS "amount",
  d."currency" AS "currency", d."stage" AS "stage", d."targetCloseDate" AS "targetCloseDate", d."externalId" AS "externalId",
  d."repForecastCategory" AS "repForecastCategory", d."outcome" AS "outcome", p."status" AS "planState",
  c."dealId" AS "cachedId", c."computedFor" AS "computedFor", c."stale" AS "stale", c."unreadableDate" AS "unreadableDate",
  c."healthLabel" AS "healthLabel", c."healthScore" AS "healthScore", c."planStatus" AS "planStatus", c."slippedCount" AS "slippedCount",
  c."derivedCategory" AS "derivedCategory", c."overCalled" AS "overCalled", c."stagePushed" AS "stagePushed"`;

/** One page of the pipeline, and how many deals match in all. */
export async function listPipeline(actor: SellerActor, query: PipelineQuery, now = new Date()) {
  const from = fromClause(actor, query);
  const [countRow] = await prisma.$queryRaw<Raw[]>`SELECT COUNT(*) AS matched ${from}`;
  const matched = Number(countRow?.matched ?? 0);
  const pages = Math.max(1, Math.ceil(matched / PIPELINE_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const raw = await prisma.$queryRaw<Raw[]>`
    SELECT ${ROW_COLUMNS}
    ${from}
    ORDER BY ${order(query)}
    LIMIT ${PIPELINE_PAGE_SIZE} OFFSET ${(page - 1) * PIPELINE_PAGE_SIZE}`;
  return { rows: await withFreshFigures(actor, raw, now), matched, page, pages };
}

export interface PipelineExportRow extends PipelineRow {
  /** The plan's steps (the seller's count, internal-only ones included) and those that count as done. */
  steps: { total: number; done: number } | null;
}

export interface PipelineExport {
  deals: PipelineExportRow[];
  /** More deals matched than one file holds: the file says so in its last row. */
  truncated: boolean;
}

/** Every deal the page's filters match, in the page's order (every page at once), with its plan's completion. */
export async function exportPipeline(actor: SellerActor, query: PipelineQuery, now = new Date()): Promise<PipelineExport> {
  const raw = await prisma.$queryRaw<Raw[]>`
    SELECT ${ROW_COLUMNS},
           (SELECT COUNT(*) FROM "Milestone" m WHERE m."planId" = p."id") AS "stepsTotal",
           (SELECT COUNT(*) FROM "Milestone" m WHERE m."planId" = p."id" AND ${COUNTS_AS_DONE}) AS "stepsDone"
    ${fromClause(actor, query)}
    ORDER BY ${order(query)}
    LIMIT ${PIPELINE_EXPORT_LIMIT + 1}`;
  const truncated = raw.length > PIPELINE_EXPORT_LIMIT;
  if (truncated) raw.pop();
  const rows = await withFreshFigures(actor, raw, now);
  const deals = rows.map((row, i) => ({
    ...row,
    steps: raw[i].planState === null ? null : { total: Number(raw[i].stepsTotal), done: Number(raw[i].stepsDone) },
  }));
  return { deals, truncated };
}

/**
 * A GET never writes the cache. Rows the background refresh has not reached yet (changed since,
 * computed for an earlier day, or never computed) and rows with an unreadable date (to name it) are
 * recomputed in memory: at most one page of them. See docs/decisions/0009-signal-cache.md.
 */
async function withFreshFigures(actor: SellerActor, raw: Raw[], now: Date): Promise<PipelineRow[]> {
  const today = actorToday(actor, now);
  const behind = raw.filter((r) => r.cachedId === null || Boolean(r.stale) || r.computedFor !== today || Boolean(r.unreadableDate)).map((r) => String(r.id));
  const live = await loadDealFigures(actor, behind, now);
  return raw.map((r) => {
    const id = String(r.id);
    const computed = live.get(id);
    const figures = computed ? { signals: computed.signals && rowFigures(computed.signals), unreadableDate: computed.unreadableDate } : cachedFigures(r);
    return {
      id,
      accountName: String(r.accountName),
      name: String(r.name),
      ownerName: String(r.ownerName),
      amount: Number(r.amount),
      currency: String(r.currency),
      stage: Number(r.stage),
      targetCloseDate: String(r.targetCloseDate),
      repForecastCategory: String(r.repForecastCategory),
      outcome: String(r.outcome),
      planState: r.planState === null ? null : String(r.planState),
      externalId: r.externalId === null || r.externalId === undefined ? null : String(r.externalId),
      ...figures,
    };
  });
}

function rowFigures(signals: DealSignals): RowFigures {
  return {
    health: { label: signals.health.label, score: signals.health.score },
    planStatus: signals.planStatus,
    forecast: { derived: signals.forecast.derived, overCalled: signals.forecast.overCalled },
    stagePush: { pushed: signals.stagePush.pushed },
    slippedCount: signals.slippedCount,
  };
}

function cachedFigures(r: Raw): Pick<PipelineRow, "signals" | "unreadableDate"> {
  return {
    unreadableDate: null,
    signals: {
      health: { label: r.healthLabel as RowFigures["health"]["label"], score: Number(r.healthScore) },
      planStatus: (r.planStatus ?? null) as RowFigures["planStatus"],
      forecast: { derived: r.derivedCategory as RowFigures["forecast"]["derived"], overCalled: Boolean(r.overCalled) },
      stagePush: { pushed: Boolean(r.stagePushed) },
      slippedCount: Number(r.slippedCount),
    },
  };
}
