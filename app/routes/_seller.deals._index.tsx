import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { PipelineRow } from "~/components/pipeline/pipeline-row";
import { PIPELINE_PAGE_SIZE, isNarrowed, parsePipelineQuery, pipelineCsvHref, pipelineHref, type PipelineQuery } from "~/domain/pipeline";
import { FORECAST_CATEGORIES, FORECAST_LABELS } from "~/domain/types";
import { listPipeline } from "~/models/pipeline.server";
import { requireSeller } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Deals · Mutual" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const query = parsePipelineQuery(new URL(request.url).searchParams);
  const { rows, matched, page, pages } = await listPipeline(seller, query);
  return { deals: rows, matched, query: { ...query, page }, pages, role: seller.role };
}

const CHECKS = [
  ["overcalled", "overCalled", "Over-called"],
  ["stalled", "stalled", "Stalled"],
  ["pushed", "stagePushed", "Stage-pushed"],
] as const;

export default function Deals() {
  const { deals, matched, query, pages, role } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const scope = role === "ADMIN" ? "All deals in your organization" : role === "MANAGER" ? "Your teams' deals" : "Your deals";
  // Selects and boxes apply at once; the search box waits for Enter or its button.
  const applyChoice = (event: FormEvent<HTMLFormElement>) => {
    if ((event.target as HTMLElement).tagName !== "INPUT" || (event.target as HTMLInputElement).type === "checkbox") {
      submit(event.currentTarget, { replace: true, preventScrollReset: true });
    }
  };
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{query.archived ? "Archived deals" : "Deals"}</h1>
          <p className="text-sm text-slate-600">{scope}</p>
        </div>
        <div className="flex items-center gap-3 text-sm">
          {matched > 0 ? (
            <a href={pipelineCsvHref(query)} download className="text-brand-700 underline" data-testid="pipeline-csv">
              Download as CSV
            </a>
          ) : null}
          <Link to={pipelineHref(query, { archived: !query.archived, page: 1 })} className="text-brand-700 underline">
            {query.archived ? "Back to the pipeline" : "Archived"}
          </Link>
          <Link to="/deals/new" className="rounded-md bg-brand-700 px-3 py-2 font-medium text-white hover:bg-brand-800">
            New deal
          </Link>
        </div>
      </div>

      <Form method="get" className="mt-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200" onChange={applyChoice}>
        {query.archived ? <input type="hidden" name="archived" value="1" /> : null}
        <label className="flex flex-col gap-1">
          <span className="font-medium text-slate-700">Search account or deal</span>
          <span className="flex gap-1">
            <input type="search" name="q" defaultValue={query.search} className="rounded-md border border-slate-300 px-2 py-1.5" />
            <button className="rounded-md border border-slate-300 px-3 py-1.5">Search</button>
          </span>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium text-slate-700">Sort</span>
          <select name="sort" defaultValue={query.sort} className="rounded-md border border-slate-300 px-2 py-1.5">
            <option value="risk">Riskiest first</option>
            <option value="close">Close date</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium text-slate-700">Derived category</span>
          <select name="category" defaultValue={query.category ?? ""} className="rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">Any</option>
            {FORECAST_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {FORECAST_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        {CHECKS.map(([name, key, label]) => (
          <label key={name} className="flex items-center gap-1.5 py-1.5">
            <input type="checkbox" name={name} value="1" defaultChecked={query[key]} />
            {label}
          </label>
        ))}
        <noscript>
          <button className="rounded-md border border-slate-300 px-3 py-1.5">Apply</button>
        </noscript>
        {isNarrowed(query) ? (
          <Link
            to={pipelineHref({ ...query, search: "", category: null, overCalled: false, stalled: false, stagePushed: false, page: 1 })}
            className="py-1.5 text-brand-700 underline"
          >
            Clear filters
          </Link>
        ) : null}
      </Form>

      {matched === 0 ? (
        <EmptyList query={query} />
      ) : (
        <>
          <ul className="mt-4 divide-y divide-slate-200 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200" data-testid="pipeline">
            {deals.map((deal) => (
              <PipelineRow key={deal.id} deal={deal} />
            ))}
          </ul>
          <Pager query={query} pages={pages} matched={matched} />
        </>
      )}
    </main>
  );
}

function EmptyList({ query }: { query: PipelineQuery }) {
  if (isNarrowed(query)) return <p className="mt-8 text-center text-slate-600">No deal matches these filters.</p>;
  if (query.archived) return <p className="mt-8 text-center text-slate-600">No archived deals.</p>;
  return (
    <div className="mt-8 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <p className="font-medium">No deals yet</p>
      <p className="mt-1 text-sm text-slate-600">Create a deal and start its plan from the standard template.</p>
    </div>
  );
}

function Pager({ query, pages, matched }: { query: PipelineQuery; pages: number; matched: number }) {
  const first = (query.page - 1) * PIPELINE_PAGE_SIZE + 1;
  const last = Math.min(query.page * PIPELINE_PAGE_SIZE, matched);
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <p>
        {first}–{last} of {matched.toLocaleString("en-US")} {matched === 1 ? "deal" : "deals"}
      </p>
      <p className="flex gap-3">
        {query.page > 1 ? (
          <Link to={pipelineHref(query, { page: query.page - 1 })} className="text-brand-700 underline" rel="prev">
            Previous
          </Link>
        ) : null}
        {query.page < pages ? (
          <Link to={pipelineHref(query, { page: query.page + 1 })} className="text-brand-700 underline" rel="next">
            Next
          </Link>
        ) : null}
      </p>
    </nav>
  );
}
