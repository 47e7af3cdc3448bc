// The audit log's rows that match the page's filters, every page of them, as CSV. Cells that a
// spreadsheet would run as a formula are made text by the same writer as the dashboard's CSV.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/components/dashboard/columns";
import { auditRowView } from "~/components/settings/audit-words";
import { AuditFilterSchema } from "~/forms/audit";
import { allAuditEvents } from "~/models/audit-log.server";
import { requireAdmin } from "~/utils/auth.server";
import { organizationToday } from "~/domain/dates";
import { STOPPABLE_KINDS } from "~/utils/unsubscribe.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const parsed = AuditFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return new Response("These filters cannot be read. Go back to the audit log and filter again.", { status: 400 });
  const { rows, subjects } = await allAuditEvents(admin, parsed.data);
  const header = [`Time (${admin.timezone})`, "Person", "What", "About", "Details", "From address"];
  const body = rows.map((row) => {
    const view = auditRowView(row, subjects, admin.timezone, STOPPABLE_KINDS);
    return [view.at, view.person, view.kind, view.about, view.detail, view.ip];
  });
  const name = `mutual-audit-log-${organizationToday(admin)}.csv`;
  return new Response(toCsv([header, ...body]), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" },
  });
}
