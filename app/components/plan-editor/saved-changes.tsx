// A seller's save of a step answers with what it changed (app/routes/_seller.deals.$dealId/
// changes.server.ts) instead of a redirect that reloads every loader. The page lays that answer
// over what it loaded and keeps it there, whatever other forms answer afterwards, until its
// loaders run again (a poll that found someone else's change, or a save that redirected).
import { useState, useSyncExternalStore } from "react";
import type { IntentResult } from "~/forms/intent";
import type { PageNotice } from "./notice";

interface ChangeablePage {
  notice: PageNotice | null;
  changeTag: string;
}

export interface Laid<Page> {
  loaded: Page;
  answer: IntentResult | undefined;
  changes: { parts: Partial<Page>; notice: PageNotice | null } | null;
}

/**
 * What lies over the page after this render: a new load is newer than any answer laid over the
 * old one; a new answer's parts go over the earlier ones (a refused save carries the plan alone);
 * an answer without parts (a 400 on another form) leaves them as they were.
 */
export function layOver<Page>(laid: Laid<Page>, loaded: Page, answer: IntentResult | undefined): Laid<Page> {
  if (laid.loaded === loaded && laid.answer === answer) return laid;
  const kept = laid.loaded === loaded ? laid.changes : null;
  // Built on the server by the same view functions as the loader's parts they replace.
  const parts = answer !== laid.answer ? (answer?.changes as Partial<Page> | undefined) : undefined;
  return { loaded, answer, changes: parts ? { parts: { ...kept?.parts, ...parts }, notice: answer?.notice ?? null } : kept };
}

/** The page as last loaded, with the latest answer of one of its own saves laid over it. */
export function useWithSavedChanges<Page extends ChangeablePage>(loaded: Page, answer: IntentResult | undefined): Page {
  const [laid, setLaid] = useState<Laid<Page>>({ loaded, answer: undefined, changes: null });
  const current = layOver(laid, loaded, answer);
  if (current !== laid) setLaid(current);
  return current.changes ? { ...loaded, ...current.changes.parts, notice: current.changes.notice } : loaded;
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
