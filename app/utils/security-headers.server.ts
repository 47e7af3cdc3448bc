// Sent with every page: documents rendered by React (entry.server.tsx) and the buyer's plan page,
// which a resource route renders itself.
const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

export function applySecurityHeaders(headers: Headers) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    // A page that holds a secret in its address asks for a stricter policy (app/utils/route-headers.ts).
    if (name === "Referrer-Policy" && headers.has(name)) continue;
    headers.set(name, value);
  }
}
