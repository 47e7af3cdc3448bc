// One step of the buyer's plan as a calendar file, /p/<planId>/steps/<milestoneId>.ics, for the
// plan page's "Add to calendar" links: a plain download, so it works without JavaScript. The
// buyer's session is required, as for the plan page; another plan's step or an internal-only
// one is not found.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { buyerStepCalendar } from "~/models/calendar-read.server";
import { requireBuyerVisit } from "~/utils/buyer-auth.server";
import { appUrl } from "~/utils/env.server";
import { asResponse } from "~/utils/intent.server";
import { LIMITS, clientIp, countingMisses } from "~/utils/rate-limit.server";

const SUFFIX = ".ics";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const planId = params.planId ?? "";
  const name = params.step ?? "";
  // Ids that lead nowhere count against the client's miss limit, as on the plan page.
  const step = await countingMisses([[LIMITS.missesPerIp, clientIp(context)]], async () => {
    const { buyer } = await requireBuyerVisit(request, planId);
    if (!name.endsWith(SUFFIX)) throw new Response("Not found", { status: 404 });
    return buyerStepCalendar(buyer, name.slice(0, -SUFFIX.length), appUrl(request)).catch((error) => {
      throw asResponse(error);
    });
  });
  return new Response(step.text, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName(step.title)}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** A plain file name from the step's title: letters, digits, spaces and dashes. */
function fileName(title: string): string {
  return (
    title
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9 -]/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .slice(0, 60) || "step"
  );
}
