// A page's private calendar addresses (the deal page's plan feeds, Settings → Calendar's own
// feeds): the new address once, right after it is made, then only when each was made and last
// fetched, with a button that revokes it. Both pages post the same two intents.
import { Form } from "@remix-run/react";
import { formatMoment } from "~/components/format";
import { useIsPending } from "~/components/plan-editor/intent-hooks";
import { SavedNotice } from "~/components/plan-editor/notice";
import { Button } from "~/components/ui/button";

/** Where a page shows its addresses, and the notice after a save. */
export const CALENDAR_ANCHOR = "calendar";

export interface FeedView {
  id: string;
  createdAt: string;
  lastFetchedAt: string | null;
  createdBy: string;
}

interface Props {
  feeds: FeedView[];
  /** The address just made, shown this once. */
  newUrl: string | null;
  timezone: string;
  /** Whether to say who made each address (several people share a plan's). */
  showMaker: boolean;
}

export function CalendarFeedList({ feeds, newUrl, timezone, showMaker }: Props) {
  const creating = useIsPending("create-calendar-feed");
  return (
    <div className="space-y-3">
      {newUrl ? <NewAddress url={newUrl} /> : null}
      <SavedNotice anchor={CALENDAR_ANCHOR} className="block" />
      {feeds.length > 0 ? (
        <ul className="space-y-2 text-sm" aria-label="Calendar addresses">
          {feeds.map((feed) => (
            <FeedRow key={feed.id} feed={feed} timezone={timezone} showMaker={showMaker} />
          ))}
        </ul>
      ) : null}
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value="create-calendar-feed" />
        <Button type="submit" variant="secondary" pending={creating}>
          {feeds.length > 0 ? "Make another calendar address" : "Make a calendar address"}
        </Button>
      </Form>
    </div>
  );
}

function FeedRow({ feed, timezone, showMaker }: { feed: FeedView; timezone: string; showMaker: boolean }) {
  const revoking = useIsPending("revoke-calendar-feed", "feedId", feed.id);
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-2" data-testid="calendar-feed">
      <span>
        Made {formatMoment(feed.createdAt, timezone)}
        {showMaker && feed.createdBy ? ` by ${feed.createdBy}` : ""},{" "}
        {feed.lastFetchedAt ? `last fetched ${formatMoment(feed.lastFetchedAt, timezone)}` : "not fetched yet"}
      </span>
      <Form
        method="post"
        preventScrollReset
        onSubmit={(event) => {
          if (!confirm("Revoke this calendar address? Calendars that subscribed to it stop updating.")) event.preventDefault();
        }}
      >
        <input type="hidden" name="intent" value="revoke-calendar-feed" />
        <input type="hidden" name="feedId" value={feed.id} />
        <Button type="submit" variant="danger" pending={revoking}>
          Revoke
        </Button>
      </Form>
    </li>
  );
}

/** The one time the address is shown: the server keeps only its hash. */
function NewAddress({ url }: { url: string }) {
  return (
    <div role="status" className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-950" data-testid="new-calendar-address">
      <p className="font-medium">Copy this address now: it is shown only once.</p>
      <input
        readOnly
        value={url}
        aria-label="New calendar address"
        className="control font-mono text-xs"
        onFocus={(event) => event.currentTarget.select()}
        data-testid="calendar-address"
      />
      <p>
        Add it to your calendar app as a calendar “from URL” (Google Calendar), “subscribe from web” (Outlook) or a “new calendar subscription” (Apple), or{" "}
        <a href={url.replace(/^https?:/, "webcal:")} className="font-medium underline">
          open it in your calendar app
        </a>
        . Anyone with the address can read these steps; revoke it here if it leaks.
      </p>
    </div>
  );
}
