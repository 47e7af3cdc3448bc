// A seller's save of a step answers with what it changed (app/routes/_seller.deals.$dealId/
// changes.server.ts) instead of a redirect that reloads every loader. The page lays that answer
// over what it loaded, until a later load (a poll that found someone else's change) is newer.
import { useSyncExternalStore } from "react";
import type { IntentResult } from "~/forms/intent";
import type { PageNotice } from "./notice";

interface ChangeablePage {
  loadedAt: number;
  notice: PageNotice | null;
  changeTag: string;
}

/** The page as last loaded, with a newer answer of one of its own saves laid over it. */
export function withSavedChanges<Page extends ChangeablePage>(page: Page, answer: IntentResult | undefined): Page {
  // Built on the server by the same view functions as the loader's parts it replaces.
  const changes = answer?.changes as (Partial<Page> & { answeredAt: number }) | undefined;
  if (!changes || changes.answeredAt < page.loadedAt) return page;
  const { answeredAt: _answeredAt, ...parts } = changes;
  return { ...page, ...parts, notice: answer?.notice ?? page.notice };
}

/** Whether an action's answer already carries what changed, so no loader needs to run again. */
export function answeredWithChanges(actionResult: unknown): boolean {
  return typeof actionResult === "object" && actionResult !== null && "changes" in actionResult;
}

const noSubscription = () => () => {};

/**
 * Asks the action to answer with what changed. Only a hydrated page can merge such an answer, so
 * these fields appear once it is: a form posted without JavaScript gets the usual 303.
 */
export function AskForChanges({ pageTag }: { pageTag: string }) {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!hydrated) return null;
  return (
    <>
      <input type="hidden" name="answer" value="changes" />
      <input type="hidden" name="pageTag" value={pageTag} />
    </>
  );
}
