import { Link } from "@remix-run/react";

interface Scope {
  kind: "all" | "team" | "rep";
  name: string;
  team: string | null;
  teamName: string | null;
}

/** Page / team / rep: every level above the one shown links back to it, keeping the window. */
export function DrillBreadcrumb({ title, home, scope }: { title: string; home: string; scope: Scope }) {
  return (
    <nav className="text-sm text-slate-600" aria-label="Breadcrumb">
      <Link to={home} className="text-brand-700 underline">
        {title}
      </Link>
      {scope.kind === "rep" && scope.team ? (
        <>
          {" / "}
          <Link to={`${home}&team=${scope.team}`} className="text-brand-700 underline">
            {scope.teamName}
          </Link>
        </>
      ) : null}
      {scope.kind !== "all" ? ` / ${scope.name}` : null}
    </nav>
  );
}
