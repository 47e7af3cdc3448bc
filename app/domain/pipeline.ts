// The pipeline list's query: what it filters on, how it sorts, which page. It lives in the query
// string, so a filtered, sorted page can be bookmarked, reloaded and paged through.
import { FORECAST_CATEGORIES, type ForecastCategory } from "./types";

export const PIPELINE_PAGE_SIZE = 50;
/** The most rows one pipeline export holds: the pipeline's filters narrow a larger one. */
export const PIPELINE_EXPORT_LIMIT = 10_000;
export const PIPELINE_SORTS = ["risk", "close"] as const;
export type PipelineSort = (typeof PIPELINE_SORTS)[number];

export interface PipelineQuery {
  /** Words to find in the account or deal name. */
  search: string;
  sort: PipelineSort;
  category: ForecastCategory | null;
  overCalled: boolean;
  stalled: boolean;
  stagePushed: boolean;
  /** The archived deals instead of the pipeline. */
  archived: boolean;
  /** 1-based. */
  page: number;
}

const MAX_SEARCH = 100;
const MAX_PAGE = 100_000;

/** Reads the query string leniently: anything unknown falls back to the default, never an error page. */
export function parsePipelineQuery(params: URLSearchParams): PipelineQuery {
  const category = params.get("category") ?? "";
  const sort = params.get("sort") ?? "";
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    search: (params.get("q") ?? "").trim().slice(0, MAX_SEARCH),
    sort: (PIPELINE_SORTS as readonly string[]).includes(sort) ? (sort as PipelineSort) : "risk",
    category: (FORECAST_CATEGORIES as readonly string[]).includes(category) ? (category as ForecastCategory) : null,
    overCalled: params.get("overcalled") === "1",
    stalled: params.get("stalled") === "1",
    stagePushed: params.get("pushed") === "1",
    archived: params.get("archived") === "1",
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The query string for this query with some parts changed: the pager's and filters' links. */
export function pipelineHref(query: PipelineQuery, changes: Partial<PipelineQuery> = {}): string {
  const q = { ...query, ...changes };
  const params = new URLSearchParams();
  if (q.search) params.set("q", q.search);
  if (q.sort !== "risk") params.set("sort", q.sort);
  if (q.category) params.set("category", q.category);
  if (q.overCalled) params.set("overcalled", "1");
  if (q.stalled) params.set("stalled", "1");
  if (q.stagePushed) params.set("pushed", "1");
  if (q.archived) params.set("archived", "1");
  if (q.page > 1) params.set("page", String(q.page));
  const search = params.toString();
  return search ? `/deals?${search}` : "/deals";
}

/** The same deals as CSV, every page at once. */
export function pipelineCsvHref(query: PipelineQuery): string {
  return pipelineHref(query, { page: 1 }).replace(/^\/deals/, "/deals.csv");
}

/** True when the query narrows the list (so an empty page means "no match", not "no deals"). */
export function isNarrowed(query: PipelineQuery): boolean {
  return Boolean(query.search || query.category || query.overCalled || query.stalled || query.stagePushed);
}
