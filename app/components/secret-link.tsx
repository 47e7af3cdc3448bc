// Pages an emailed link opens with a secret in its query: the secret reaches the server in a
// form's body only, and leaves the address bar once the page has loaded.
import { useLocation } from "@remix-run/react";

/** This page's address without the named query parameters: where its forms post. */
export function useAddressWithout(names: string[]): string {
  const { pathname, search } = useLocation();
  const query = new URLSearchParams(search);
  for (const name of names) query.delete(name);
  const rest = query.toString();
  return rest ? `${pathname}?${rest}` : pathname;
}

/**
 * Drops the named parameters from the address once the page has loaded (public/drop-link-secret.js).
 * A classic script in the body runs before the app's module scripts, so the router starts from
 * the clean address. Without JavaScript the secret stays only in the one GET the email link made.
 * `path` replaces the address's path, for a link whose secret is a path segment.
 */
export function DropFromAddress({ names, path }: { names: string[]; path?: string }) {
  return <script src="/drop-link-secret.js" data-drop={names.join(" ")} data-path={path} />;
}
