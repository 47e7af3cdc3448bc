import { Form, Link, useLocation, useSearchParams } from "@remix-run/react";

const DASHBOARD_CHOICES = [
  { kind: "week", label: "This week" },
  { kind: "quarter", label: "This quarter" },
];

/** This week, this quarter (or the page's own choices) or a custom window, for the page it sits on; the team and rep drill-down are kept. */
export function WindowPicker({
  kind,
  from,
  to,
  choices = DASHBOARD_CHOICES,
}: {
  kind: string;
  from: string;
  to: string;
  choices?: Array<{ kind: string; label: string }>;
}) {
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const keep = ["team", "rep"].filter((k) => params.get(k));
  const link = (window: string) => `${pathname}?${new URLSearchParams({ window, ...Object.fromEntries(keep.map((k) => [k, params.get(k)!])) })}`;
  return (
    <div className="flex flex-wrap items-end gap-2 text-sm">
      {choices.map((choice) => (
        <Link
          key={choice.kind}
          to={link(choice.kind)}
          className={`rounded-md px-3 py-1.5 ring-1 ring-slate-300 ${kind === choice.kind ? "bg-brand-700 text-white" : "bg-white"}`}
          aria-current={kind === choice.kind ? "true" : undefined}
        >
          {choice.label}
        </Link>
      ))}
      <Form method="get" className="flex flex-wrap items-end gap-1">
        <input type="hidden" name="window" value="custom" />
        {keep.map((k) => (
          <input key={k} type="hidden" name={k} value={params.get(k)!} />
        ))}
        <label className="flex flex-col text-xs text-slate-600">
          From
          <input type="date" name="from" defaultValue={from} className="rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          To
          <input type="date" name="to" defaultValue={to} className="rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <button className={`rounded-md px-3 py-1.5 ring-1 ring-slate-300 ${kind === "custom" ? "bg-brand-700 text-white" : "bg-white"}`}>Custom</button>
      </Form>
    </div>
  );
}
