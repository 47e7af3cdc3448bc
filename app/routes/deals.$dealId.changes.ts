// The deal page's live-update poll: 304 while nothing on the page changed, otherwise 200 with the
// new tag, and only then does the page run its loaders again (app/components/use-live-updates.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { dealChangeTag } from "~/models/deal-changes.server";
import { requireSeller } from "~/utils/auth.server";
import { notModified } from "~/utils/http.server";
import { asResponse } from "~/utils/intent.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const tag = await dealChangeTag(seller, params.dealId ?? "").catch((error) => {
    throw asResponse(error);
  });
  const headers = { ETag: tag, "Cache-Control": "private, no-cache" };
  return new Response(null, { status: notModified(request, tag) ? 304 : 204, headers });
}
