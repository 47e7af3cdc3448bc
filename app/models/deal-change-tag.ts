// The deal page's change tag, read as parts: how a page's own save decides whether the page is
// then current. The poll reads the tag alone (app/models/deal-changes.server.ts); the page and a
// save's answer read it with their rows (app/models/deal-workspace.server.ts); the page adopts it.

interface TagParts {
  deal: number;
  plan: number;
  /**
   * How many history rows the deal has. Rows are only ever added (they go only with their deal),
   * so the count moves with every write, whatever order writes commit in.
   */
  history: number;
  day: string;
}

export function formatDealTag({ deal, plan, history, day }: TagParts): string {
  return `W/"${deal}.${plan}.${history}.${day}"`;
}

function partsOf(tag: string) {
  const match = /^W\/"(\d+)\.(\d+)\.(\d+)\.(\d{4}-\d{2}-\d{2})"$/.exec(tag);
  return match ? { deal: match[1], plan: match[2], history: Number(match[3]), day: match[4] } : null;
}

/**
 * The tag a page may adopt after its own save answered with what changed: the current tag only
 * when that save is the one thing that changed since the page's tag (the same versions and day,
 * and exactly the history rows the save wrote added since). Otherwise the page keeps its own tag
 * (null here), and its next poll brings the other change. `currentTag` is read in the same
 * statement as the parts the answer carries, so it describes exactly those parts.
 */
export function tagAfterOwnSave(pageTag: string, currentTag: string, savedHistoryRows: number): string | null {
  const page = partsOf(pageTag);
  const now = partsOf(currentTag);
  if (!page || !now || page.deal !== now.deal || page.plan !== now.plan || page.day !== now.day) return null;
  return now.history === page.history + savedHistoryRows ? currentTag : null;
}
