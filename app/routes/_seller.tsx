import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { answeredWithChanges } from "~/components/plan-editor/saved-changes";
import { requireSeller } from "~/utils/auth.server";
import { ErrorPage } from "~/root";
import { keepRetryAfter } from "~/utils/route-headers";

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  return { seller: { name: seller.name, email: seller.email, role: seller.role } };
}

export const headers = keepRetryAfter;

// A save that answered with what it changed leaves the signed-in seller as they were.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  !answeredWithChanges(actionResult) && defaultShouldRevalidate;

const ROLE_LABELS = { REP: "Rep", MANAGER: "Manager", ADMIN: "Admin" } as const;

export default function SellerLayout() {
  const { seller } = useLoaderData<typeof loader>();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <NavLink to="/deals" className="text-lg font-bold text-brand-700">
            Mutual
          </NavLink>
          <nav className="flex gap-4 text-sm">
            <NavLink to="/deals" end className={({ isActive }) => (isActive ? "font-semibold text-slate-900" : "text-slate-600 hover:text-slate-900")}>
              Deals
            </NavLink>
            <NavLink to="/deals/new" className={({ isActive }) => (isActive ? "font-semibold text-slate-900" : "text-slate-600 hover:text-slate-900")}>
              New deal
            </NavLink>
            {seller.role !== "REP" ? (
              <NavLink to="/dashboard" className={({ isActive }) => (isActive ? "font-semibold text-slate-900" : "text-slate-600 hover:text-slate-900")}>
                Dashboard
              </NavLink>
            ) : null}
            <NavLink to="/review" className={({ isActive }) => (isActive ? "font-semibold text-slate-900" : "text-slate-600 hover:text-slate-900")}>
              Weekly review
            </NavLink>
            <NavLink to="/settings" className={({ isActive }) => (isActive ? "font-semibold text-slate-900" : "text-slate-600 hover:text-slate-900")}>
              Settings
            </NavLink>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-slate-600">
              {seller.name} <span className="text-slate-400">· {ROLE_LABELS[seller.role]}</span>
            </span>
            <Form method="post" action="/logout">
              <button className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900">Sign out</button>
            </Form>
          </div>
        </div>
      </header>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
