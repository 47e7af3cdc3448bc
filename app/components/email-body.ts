/** A rendered email's <body>, for showing it inside a page without its document styles leaking into the page. */
export function emailBodyOf(html: string) {
  const match = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return match ? match[1] : html;
}
