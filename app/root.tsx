import type { LinksFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { config as configureZod } from "zod";
import stylesheet from "./tailwind.css?url";
import { errorCopy } from "./components/error-copy";
import { useNonce } from "./utils/nonce";

// Our Content-Security-Policy forbids eval. Unless told not to, zod probes for it with `new Function`
// when the first form schema is built, and the browser reports that as a violation on every page
// with a form. The root module runs before any route's, so this comes first.
if (typeof document !== "undefined") configureZod({ jitless: true });
import { keepRetryAfter } from "./utils/route-headers";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const headers = keepRetryAfter;

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-full">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}

/** One error page for every route: a status and a plain sentence, never a stack trace. */
export function ErrorPage({ home = { href: "/deals", label: "Go to your deals" } }: { home?: { href: string; label: string } | null }) {
  const error = useRouteError();
  const { title, message } = isRouteErrorResponse(error)
    ? errorCopy(error.status, typeof error.data === "string" ? error.data : error.statusText)
    : errorCopy(500);
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <title>{`${title} · Mutual`}</title>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-3 text-slate-600">{message}</p>
      {home ? (
        <p className="mt-6">
          <a href={home.href} className="font-medium text-brand-700 underline">
            {home.label}
          </a>
        </p>
      ) : null}
    </main>
  );
}
