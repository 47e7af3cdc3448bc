// The deal page's change tag, read as parts: how a page's own save decides whether the page is
// then current (app/models/deal-changes.server.ts reads the tag; the deal page adopts it).

interface TagParts {
  deal: number;
  plan: number;
  lastActivityId: string | null;
  day: string;
}

export function formatDealTag({ deal, plan, lastActivityId, day }: TagParts): string {
  return `W/"${deal}.${plan}.${lastActivityId ?? "none"}.${day}"`;
}

/** The parts of a tag: the deal's and the plan's versions, the latest history row, and the day. */
function partsOf(tag: string) {
  const match = /^W\/"(\d+)\.(\d+)\.([^."]+)\.(\d{4}-\d{2}-\d{2})"$/.exec(tag);
  return match ? { deal: match[1], plan: match[2], lastActivityId: match[3], day: match[4] } : null;
}

/**
 * The tag a page may adopt after its own save answered with what changed. It may adopt the
 * current tag only when that save is the one thing that changed since the page's tag: the same
 * versions and day, and every history row newer than the page's last one written by the save.
 * Otherwise it keeps its own tag (null here), and its next poll brings the other change.
 * `latestActivityIds` is the deal's newest history, newest first, read just before `currentTag`.
 */
export function tagAfterOwnSave(pageTag: string, currentTag: string, latestActivityIds: readonly string[], savedActivityIds: readonly string[]): string | null {
  const page = partsOf(pageTag);
  const now = partsOf(currentTag);
  if (!page || !now || page.deal !== now.deal || page.plan !== now.plan || page.day !== now.day) return null;
  // A write that landed between the history read and the tag read: the answer does not hold it.
  if (now.lastActivityId !== (latestActivityIds[0] ?? "none")) return null;
  const known = page.lastActivityId === "none" ? latestActivityIds.length : latestActivityIds.indexOf(page.lastActivityId);
  if (known < 0) return null;
  const own = new Set(savedActivityIds);
  return latestActivityIds.slice(0, known).every((id) => own.has(id)) ? currentTag : null;
}
