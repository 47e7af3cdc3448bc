import { toCsv, type CsvCell } from "~/components/dashboard/columns";

/** A CSV file to download: never kept by a cache, under the name given. */
export function csvDownload(rows: CsvCell[][], fileName: string): Response {
  return new Response(toCsv(rows), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
  });
}
