import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { settingsLinksFor } from "~/components/settings/settings-nav";
import { requireSeller } from "~/utils/auth.server";
import { keepRetryAfter } from "~/utils/route-headers";

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  return { links: settingsLinksFor(seller.role) };
}

export const headers = keepRetryAfter;

export default function SettingsLayout() {
  const { links } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 md:flex-row">
      <nav aria-label="Settings" className="flex gap-2 overflow-x-auto text-sm md:w-48 md:shrink-0 md:flex-col">
        {links.map((link) => (
          <NavLink
            key={link.to}
            to={link.to}
            end
            className={({ isActive }) =>
              `whitespace-nowrap rounded-md px-3 py-2 ${isActive ? "bg-slate-100 font-semibold text-slate-900" : "text-slate-600 hover:bg-slate-50 hover:text-slate-900"}`
            }
          >
            {link.label}
          </NavLink>
        ))}
      </nav>
      <div className="min-w-0 flex-1">
        <Outlet />
      </div>
    </div>
  );
}
