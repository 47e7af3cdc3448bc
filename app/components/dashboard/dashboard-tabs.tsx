import { NavLink } from "@remix-run/react";

const TABS = [
  { to: "/dashboard", label: "Plans & forecast" },
  { to: "/dashboard/scorecard", label: "Scorecard" },
  { to: "/dashboard/accuracy", label: "Forecast accuracy" },
  { to: "/review", label: "Weekly review" },
] as const;

/** The manager's views of the same scope; the window travels with them (the weekly review has its own week). */
export function DashboardTabs({ query }: { query: string }) {
  return (
    <nav aria-label="Manager views" className="flex flex-wrap gap-1 border-b border-slate-200 text-sm">
      {TABS.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to === "/review" ? tab.to : `${tab.to}?${query}`}
          end
          className={({ isActive }) =>
            `-mb-px rounded-t-md border-b-2 px-3 py-2 ${isActive ? "border-brand-700 font-semibold text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`
          }
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
