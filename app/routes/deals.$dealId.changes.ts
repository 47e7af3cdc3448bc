// The deal page's live-update poll: 304 while nothing on the page changed, otherwise 204 with the
// new tag, and only then does the page run its loaders again (app/components/use-live-updates.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { dealChangeTag } from "~/models/deal-changes.server";
import { requireSeller } from "~/utils/auth.server";
import { notModified } from "~/utils/http.server";
import { asResponse } from "~/utils/intent.server";
import { countingMisses, sellerMisses } from "~/utils/rate-limit.server";

// The deal's id comes from the URL: ids that lead nowhere count against the miss limits.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const tag = await countingMisses(sellerMisses(seller, context), () =>
    dealChangeTag(seller, params.dealId ?? "").catch((error) => {
      throw asResponse(error);
    }),
  );
  const headers = { ETag: tag, "Cache-Control": "private, no-cache" };
  return new Response(null, { status: notModified(request, tag) ? 304 : 204, headers });
}
