import type { LinksFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useMatches, useRouteError } from "@remix-run/react";
import stylesheet from "./tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/**
 * A route can opt out of hydration: its page is complete as server-rendered HTML with forms that
 * post, and it names the few small scripts that enhance it instead of React and the Remix runtime.
 */
export interface PageHandle {
  hydrate?: false;
  scripts?: string[];
}

function useStaticPage() {
  const handles = useMatches().map((match) => match.handle as PageHandle | undefined);
  if (!handles.some((handle) => handle?.hydrate === false)) return null;
  return { scripts: handles.flatMap((handle) => handle?.scripts ?? []) };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const staticPage = useStaticPage();
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
        {staticPage ? (
          staticPage.scripts.map((src) => <script key={src} type="module" src={src} />)
        ) : (
          <>
            <ScrollRestoration />
            <Scripts />
          </>
        )}
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
  let title = "Something went wrong";
  let message = "The error was logged. Try again in a moment.";
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "Not found";
      message = "This page does not exist, or you do not have access to it.";
    } else if (error.status === 403) {
      title = "Not allowed";
      message = typeof error.data === "string" && error.data ? error.data : "You are not allowed to do that.";
    } else if (error.status === 429) {
      title = "Too many attempts";
      message = typeof error.data === "string" ? error.data : "Wait a few minutes and try again.";
    } else if (error.status < 500) {
      title = `Error ${error.status}`;
      message = typeof error.data === "string" && error.data ? error.data : error.statusText;
    }
  }
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
