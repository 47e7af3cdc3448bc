// A seller's accent colour reaches pages as a stylesheet of this site (/brand/accent.css), never as
// an inline style: the pages' Content-Security-Policy takes styles only from this site. The colour
// is in the address, so the stylesheet needs no lookup and never changes.

export function accentStylesheetHref(colour: string): string {
  return `/brand/accent.css?c=${colour.replace("#", "").toLowerCase()}`;
}

/** The stylesheet for `?c=rrggbb`, or null for anything that is not a colour. */
export function accentStylesheet(hex: string | null): string | null {
  if (!hex || !/^[0-9a-f]{6}$/.test(hex)) return null;
  const colour = `#${hex}`;
  return [`.brand-accent-border { border-top-color: ${colour}; }`, `.brand-accent-bg, .brand-accent-bg:hover { background-color: ${colour}; }`, ""].join("\n");
}
