import { createContext, useContext } from "react";

// The nonce of this document's Content-Security-Policy, made per response by app/entry.server.tsx.
// Browsers hide a nonce from the page, so in the browser it is empty; the scripts that carry it are
// rendered with suppressHydrationWarning by Remix.
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}
