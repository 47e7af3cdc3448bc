// The one-time "Saved" notice a seller page shows after a successful post (app/utils/flash.server.ts):
// at the changed element, and closing the edit panel that was saved.
import { createContext, useContext, useEffect, useRef } from "react";

export interface PageNotice {
  id: string;
  formId: string;
  anchor: string;
  message: string;
}

const NoticeContext = createContext<PageNotice | null>(null);

export const NoticeProvider = NoticeContext.Provider;

/** Changes each time this form was just saved; undefined otherwise. */
export function useSavedToken(formId: string): string | undefined {
  const notice = useContext(NoticeContext);
  return notice?.formId === formId ? notice.id : undefined;
}

/** The notice's words where its anchor is, e.g. "Saved" beside the milestone just edited. */
export function SavedNotice({ anchor, className = "" }: { anchor: string; className?: string }) {
  const notice = useContext(NoticeContext);
  if (notice?.anchor !== anchor) return null;
  return (
    <span role="status" className={`text-sm font-medium text-emerald-800 ${className}`}>
      {notice.message}
    </span>
  );
}

/**
 * A ref for an edit panel (`<details>`) that closes once its form is saved, leaving focus on its
 * summary. Its `open` prop only follows a failed answer; a panel the person opened by hand is
 * closed here, after the save.
 */
export function useClosingPanel(formId: string) {
  const ref = useRef<HTMLDetailsElement>(null);
  const saved = useSavedToken(formId);
  useEffect(() => {
    const panel = ref.current;
    if (!saved || !panel) return;
    // The saved form's button went with the form; keyboard users carry on from the panel's summary.
    const focusLost = document.activeElement === document.body || panel.contains(document.activeElement);
    panel.open = false;
    if (focusLost) panel.querySelector("summary")?.focus();
  }, [saved]);
  return ref;
}
