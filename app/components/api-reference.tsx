// The API reference page's body: a short guide, then every operation with its parameters, body and
// answers, then the shapes it returns. Plain HTML: no script is needed to read it.
import { fieldRows, refName, typeLabel, type FieldRow } from "~/api/reference";

type Schema = Parameters<typeof fieldRows>[0];
interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: Schema;
}
interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters: Parameter[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, { description: string; content?: { "application/json": { schema: Schema } } }>;
  "x-scope": string;
}
export interface ReferenceDocument {
  info: { title: string; description: string };
  servers: Array<{ url: string }>;
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

const METHOD_COLOURS: Record<string, string> = {
  get: "bg-sky-100 text-sky-900",
  post: "bg-emerald-100 text-emerald-900",
  put: "bg-amber-100 text-amber-900",
  patch: "bg-violet-100 text-violet-900",
};

function operationsOf(document: ReferenceDocument) {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation: operation as OperationObject })),
  );
}

export function ApiReference({ document }: { document: ReferenceDocument }) {
  const operations = operationsOf(document);
  const server = (document.servers[0]?.url ?? "").replace(/\/$/, "");
  return (
    <main className="mx-auto max-w-4xl space-y-10 px-4 py-8 text-slate-900 sm:px-6">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold">{document.info.title}</h1>
        <p className="text-slate-700">Deals, their mutual action plans and the figures derived from them, for one organization.</p>
        <Guide server={server} />
        <nav aria-label="Operations" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          {document.tags.map((tag) => (
            <div key={tag.name} className="mt-2 first:mt-0">
              <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{tag.name}</h2>
              <ul className="mt-1 space-y-1">
                {operations
                  .filter((o) => o.operation.tags.includes(tag.name))
                  .map((o) => (
                    <li key={o.operation.operationId}>
                      <a className="text-brand-700 underline" href={`#${o.operation.operationId}`}>
                        {o.operation.summary}
                      </a>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </nav>
      </header>
      {operations.map((o) => (
        <OperationSection key={o.operation.operationId} path={o.path} method={o.method} operation={o.operation} />
      ))}
      <section aria-labelledby="shapes" className="space-y-6">
        <h2 id="shapes" className="text-2xl font-semibold">
          Shapes
        </h2>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <div key={name} id={`schema-${name}`} className="space-y-2">
            <h3 className="font-mono text-lg font-semibold">{name}</h3>
            <Fields rows={fieldRows(schema as Schema)} />
          </div>
        ))}
      </section>
    </main>
  );
}

function Guide({ server }: { server: string }) {
  return (
    <div className="space-y-2 text-sm text-slate-700">
      <p>
        Authenticate every request with an organization API token, made by an admin in Settings → API tokens:{" "}
        <code className="break-all rounded bg-slate-100 px-1">Authorization: Bearer mutual_…</code>. A read-only token may call the reads; a read-write token
        may call everything. A session of the app does not count.
      </p>
      <p>
        Errors have one shape, <code className="rounded bg-slate-100 px-1">{"{ error: { code, message, fields?, current? } }"}</code>: 400 with a message per
        field, 401, 403, 404 (the same for a missing id and one of another organization), 409 with the row as stored, 429 with Retry-After.
      </p>
      <p>
        Lists come a page at a time: pass <code className="rounded bg-slate-100 px-1">nextCursor</code> as{" "}
        <code className="rounded bg-slate-100 px-1">cursor</code> until it is null. Changes carry the <code className="rounded bg-slate-100 px-1">version</code>{" "}
        you read.
      </p>
      <p>
        The machine-readable document:{" "}
        <a className="break-all text-brand-700 underline" href="/api/v1/openapi.json">
          {server}/api/v1/openapi.json
        </a>{" "}
        (OpenAPI 3.1).
      </p>
    </div>
  );
}

function OperationSection({ path, method, operation }: { path: string; method: string; operation: OperationObject }) {
  const body = operation.requestBody?.content["application/json"].schema;
  return (
    <section
      id={operation.operationId}
      aria-labelledby={`${operation.operationId}-title`}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6"
    >
      <h2 id={`${operation.operationId}-title`} className="text-xl font-semibold">
        {operation.summary}
      </h2>
      <p className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <span className={`rounded px-2 py-0.5 font-semibold uppercase ${METHOD_COLOURS[method] ?? ""}`}>{method}</span>
        <span className="break-all">{path}</span>
      </p>
      <p className="text-sm text-slate-600">{operation["x-scope"] === "READ" ? "Any token." : "A read-write token."}</p>
      {operation.description ? <p className="text-sm text-slate-700">{withCode(operation.description)}</p> : null}
      {operation.parameters.length ? (
        <>
          <h3 className="font-semibold">Parameters</h3>
          <Fields
            rows={operation.parameters.map((p) => ({
              name: p.in === "path" ? `${p.name} (in the path)` : p.name,
              type: typeLabel(p.schema),
              required: p.required,
              description: [p.description, p.schema.default !== undefined ? `Default ${String(p.schema.default)}.` : ""].filter(Boolean).join(" "),
            }))}
          />
        </>
      ) : null}
      {body?.$ref ? (
        <>
          <h3 className="font-semibold">Body: {refName(body.$ref)}</h3>
          <p className="text-sm">
            <a className="text-brand-700 underline" href={`#schema-${refName(body.$ref)}`}>
              Its fields
            </a>
          </p>
        </>
      ) : null}
      <h3 className="font-semibold">Answers</h3>
      <ul className="space-y-1 text-sm">
        {Object.entries(operation.responses).map(([status, response]) => {
          const schema = response.content?.["application/json"].schema;
          return (
            <li key={status}>
              <span className="font-mono font-semibold">{status}</span> {withCode(response.description)}{" "}
              {schema?.$ref ? (
                <a className="text-brand-700 underline" href={`#schema-${refName(schema.$ref)}`}>
                  {refName(schema.$ref)}
                </a>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The document's descriptions mark names with backticks (CommonMark): shown as code. */
function withCode(text: string) {
  return text.split("`").map((part, i) =>
    i % 2 ? (
      <code key={i} className="rounded bg-slate-100 px-1">
        {part}
      </code>
    ) : (
      part
    ),
  );
}

/** Fields as a definition list: it stacks on a phone where a table would scroll sideways. */
function Fields({ rows }: { rows: FieldRow[] }) {
  return (
    <dl className="divide-y divide-slate-100 rounded ring-1 ring-slate-200">
      {rows.map((row) => (
        <div key={row.name} className="grid gap-1 p-2 text-sm sm:grid-cols-[14rem_1fr]">
          <dt className="break-all font-mono">
            {row.name}
            {row.required ? <span className="ml-1 text-xs font-sans text-rose-700">required</span> : null}
          </dt>
          <dd className="text-slate-700">
            <span className="font-mono text-xs text-slate-500">{row.type}</span>
            {row.description ? <span className="block">{withCode(row.description)}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
