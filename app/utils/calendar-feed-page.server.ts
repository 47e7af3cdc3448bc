// The two intents of a page that lists calendar addresses (the deal page for its plan, Settings →
// Calendar for one's own), and what such a page loads. A new address is shown once, on the page
// the 303 leads to (app/utils/shown-once.server.ts); the database keeps only its hash.
import { CreateCalendarFeedSchema, RevokeCalendarFeedSchema } from "~/forms/calendar";
import { CALENDAR_ANCHOR } from "~/components/calendar-feeds";
import { feedUrl, type FeedListing } from "~/models/calendar-feed.server";
import { appUrl } from "./env.server";
import { runIntent } from "./intent.server";
import { showOnce, takeShownOnce } from "./shown-once.server";
import { enforceLimits, LIMITS } from "./rate-limit.server";

export const CALENDAR_INTENTS = new Set(["create-calendar-feed", "revoke-calendar-feed"]);

interface FeedWork {
  /** Makes an address and returns its token. */
  create: () => Promise<string>;
  revoke: (feedId: string) => Promise<void>;
}

export async function calendarFeedAction(request: Request, form: FormData, page: string, seller: { userId: string }, work: FeedWork) {
  if (form.get("intent") === "revoke-calendar-feed") {
    return runIntent(form, RevokeCalendarFeedSchema, "revoke-calendar-feed", page, (v) =>
      work.revoke(v.feedId).then(() => ({ anchor: CALENDAR_ANCHOR, message: "Calendar address revoked." })),
    );
  }
  await enforceLimits([LIMITS.calendarFeedsPerSeller, seller.userId]);
  let token = "";
  const answer = await runIntent(form, CreateCalendarFeedSchema, "create-calendar-feed", page, async () => {
    token = await work.create();
    return { anchor: CALENDAR_ANCHOR, message: "Calendar address made." };
  });
  return answer instanceof Response && token ? showOnce(answer, page, feedUrl(appUrl(request), token)) : answer;
}

/** The page's live addresses, the one just made if any, and the Set-Cookie (`clear`) that forgets it. */
export function calendarFeedsForPage(request: Request, feeds: FeedListing[]) {
  const { secret, clear } = takeShownOnce(request);
  const views = feeds.map((feed) => ({
    id: feed.id,
    createdAt: feed.createdAt.toISOString(),
    lastFetchedAt: feed.lastFetchedAt?.toISOString() ?? null,
    createdBy: feed.createdBy,
  }));
  return { feeds: views, newUrl: secret, clear };
}
