// The organization's audit log for its admins: newest first, 50 rows a page, filtered by person,
// kind and the organization's calendar dates; the filters travel in the address, so they survive
// paging, reloads and the CSV link.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { InputField, SelectField } from "~/components/ui/field";
import { AUDIT_ACTION_OPTIONS, auditRowView } from "~/components/settings/audit-words";
import { AuditFilterSchema, auditQuery } from "~/forms/audit";
import { listAuditEvents } from "~/models/audit-log.server";
import { requireAdmin } from "~/utils/auth.server";
import { STOPPABLE_KINDS } from "~/utils/unsubscribe.server";

export const meta: MetaFunction = () => [{ title: "Audit log · Mutual" }];

const FILTER_KEYS = ["person", "kind", "from", "to"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const params = new URL(request.url).searchParams;
  const typed = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ""])) as Record<(typeof FILTER_KEYS)[number], string>;
  const parsed = AuditFilterSchema.safeParse({ ...typed, after: params.get("after") ?? "" });
  const common = { typed, timezone: admin.timezone, kinds: AUDIT_ACTION_OPTIONS };
  if (!parsed.success) {
    return data({ ...common, rows: [], errors: z.flattenError(parsed.error).fieldErrors, next: null, paged: false, csv: null }, { status: 400 });
  }
  const filters = parsed.data;
  const { rows, next, subjects } = await listAuditEvents(admin, filters);
  return {
    ...common,
    rows: rows.map((row) => auditRowView(row, subjects, admin.timezone, STOPPABLE_KINDS)),
    errors: {} as Record<string, string[] | undefined>,
    next: next ? auditQuery({ ...filters, after: next }) : null,
    paged: Boolean(filters.after),
    csv: `/settings/audit.csv${auditQuery({ ...filters, after: undefined })}`,
  };
}

export default function AuditLogPage() {
  const { rows, typed, errors, next, paged, csv, timezone, kinds } = useLoaderData<typeof loader>();
  const filtered = FILTER_KEYS.some((key) => typed[key]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Audit log</h1>
        {csv ? (
          <a href={csv} className="text-sm font-medium text-brand-700 underline" download>
            Download CSV
          </a>
        ) : null}
      </div>
      <p className="text-sm text-slate-600">
        Sign-ins, sign-outs, lockouts, stopped emails and every change an admin made. Times are in {timezone.replace(/_/g, " ")}.
      </p>
      <Form method="get" className="card grid gap-3 p-4 sm:grid-cols-5 sm:items-end">
        <InputField
          id="audit-person"
          label="Person (email)"
          name="person"
          type="search"
          defaultValue={typed.person}
          errors={errors.person}
          className="sm:col-span-2"
        />
        <SelectField
          id="audit-kind"
          label="Kind"
          name="kind"
          defaultValue={typed.kind}
          options={[{ value: "", label: "Every kind" }, ...kinds]}
          errors={errors.kind}
          className="sm:col-span-3"
        />
        <InputField id="audit-from" label="From" name="from" type="date" defaultValue={typed.from} errors={errors.from} className="sm:col-span-2" />
        <InputField id="audit-to" label="To" name="to" type="date" defaultValue={typed.to} errors={errors.to} className="sm:col-span-2" />
        <div className="flex items-center gap-3">
          <Button type="submit">Filter</Button>
          {filtered ? (
            <Link to="/settings/audit" className="text-sm text-slate-600 underline">
              Clear
            </Link>
          ) : null}
        </div>
      </Form>
      {rows.length === 0 ? (
        <p className="card p-6 text-center text-slate-600" data-testid="audit-empty">
          {filtered ? "Nothing matches these filters." : "Nothing recorded yet."}
        </p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  When
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Person
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  What
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Details
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  From address
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-100 align-top last:border-0" data-testid="audit-row">
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{row.when}</td>
                  <td className="px-3 py-2 break-all">{row.person}</td>
                  <td className="px-3 py-2">
                    {row.kind}
                    {row.about ? <div className="text-slate-500">{row.about}</div> : null}
                  </td>
                  <td className="px-3 py-2 text-slate-700">{row.detail}</td>
                  <td className="px-3 py-2 text-slate-500">{row.ip}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages of the log" className="flex gap-4 text-sm">
        {paged ? (
          <Link to={`/settings/audit${auditQuery({ ...typed, after: undefined })}`} className="text-brand-700 underline">
            Newest entries
          </Link>
        ) : null}
        {next ? (
          <Link to={`/settings/audit${next}`} className="text-brand-700 underline">
            Older entries
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
