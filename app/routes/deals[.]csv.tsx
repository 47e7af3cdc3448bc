// The pipeline list (/deals) as CSV: the same deals, filters, search and order as the page, every
// page at once (docs/exports.md).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvDownload } from "~/utils/csv-download";
import { pipelineCsvRows } from "~/components/pipeline/pipeline-columns";
import { parsePipelineQuery } from "~/domain/pipeline";
import { actorToday } from "~/models/actor.server";
import { exportPipeline } from "~/models/pipeline.server";
import { requireSeller } from "~/utils/auth.server";
import { appUrl } from "~/utils/env.server";
import { enforceLimits, LIMITS } from "~/utils/rate-limit.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const query = parsePipelineQuery(new URL(request.url).searchParams);
  await enforceLimits([LIMITS.exportsPerSeller, seller.userId]);
  const exported = await exportPipeline(seller, query);
  const name = `mutual-${query.archived ? "archived-deals" : "pipeline"}-${actorToday(seller)}.csv`;
  return csvDownload(pipelineCsvRows(exported, appUrl(request)), name);
}
