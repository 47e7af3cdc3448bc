import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { FieldErrors, InputField, TextareaField } from "~/components/ui/field";
import { answerFor, errorsOf, type IntentResult } from "~/forms/intent";
import { MoveTemplateSchema, NewTemplateSchema, TemplateRowSchema } from "~/forms/template";
import { createTemplate, duplicateTemplate, listTemplates, moveTemplate, setTemplateArchived } from "~/models/template-admin.server";
import { requireAdmin } from "~/utils/auth.server";
import { takeNotice } from "~/utils/flash.server";
import { runIntent, unknownIntent } from "~/utils/intent.server";
import { ErrorPage } from "~/root";
import { readForm } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Templates · Mutual" }];

export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const [templates, { notice, headers }] = await Promise.all([listTemplates(admin), takeNotice(request)]);
  return data({ ...templates, notice }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const rowId = `${intent}:${form.get("templateId") ?? ""}`;
  const page = "/settings/templates";
  switch (intent) {
    case "create-template":
      return runIntent(form, NewTemplateSchema, intent, page, async (v) => {
        const template = await createTemplate(admin, v);
        return { path: `/settings/templates/${template.id}`, anchor: "steps", message: "Template created. Add its steps." };
      });
    case "move-template":
      return runIntent(form, MoveTemplateSchema, rowId, page, (v) => moveTemplate(admin, v.templateId, v.direction).then(() => at(v.templateId, "Moved")));
    case "duplicate-template":
      return runIntent(form, TemplateRowSchema, rowId, page, (v) => duplicateTemplate(admin, v.templateId).then((copy) => at(copy.id, "Duplicated")));
    case "archive-template":
    case "restore-template": {
      const archive = intent === "archive-template";
      return runIntent(form, TemplateRowSchema, rowId, page, (v) =>
        setTemplateArchived(admin, v.templateId, v.version, archive).then(() => at(v.templateId, archive ? "Archived" : "Restored")),
      );
    }
    default:
      throw unknownIntent();
  }
}

function at(templateId: string, message: string) {
  return { anchor: `template-${templateId}`, message };
}

type Row = Awaited<ReturnType<typeof loader>>["data"]["active"][number];

export default function TemplatesPage() {
  const { active, archived, notice } = useLoaderData<typeof loader>();
  const answer = useActionData<IntentResult>();
  const created = answerFor(answer, "create-template");
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Templates</h1>
        <p className="mt-1 text-sm text-slate-600">New plans start from one of these. Changing a template never changes plans already made from it.</p>
      </div>
      <section aria-labelledby="templates-in-use" className="card">
        <h2 id="templates-in-use" className="border-b border-slate-200 px-4 py-3 font-semibold">
          In use <span className="font-normal text-slate-500">({active.length})</span>
        </h2>
        <ol className="divide-y divide-slate-200">
          {active.map((t, index) => (
            <TemplateRow key={t.id} template={t} answer={answer} notice={notice} first={index === 0} last={index === active.length - 1} />
          ))}
        </ol>
      </section>
      {archived.length > 0 ? (
        <section aria-labelledby="templates-archived" className="card">
          <h2 id="templates-archived" className="border-b border-slate-200 px-4 py-3 font-semibold">
            Archived <span className="font-normal text-slate-500">({archived.length})</span>
          </h2>
          <ul className="divide-y divide-slate-200">
            {archived.map((t) => (
              <TemplateRow key={t.id} template={t} answer={answer} notice={notice} first last />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="new-template" className="card p-4">
        <h2 id="new-template" className="font-semibold">
          New template
        </h2>
        <Form method="post" className="mt-3 space-y-3" key={created?.ok ? "done" : "open"}>
          <input type="hidden" name="intent" value="create-template" />
          <InputField label="Name" id="new-template-name" name="name" required maxLength={120} errors={errorsOf(created, "name")} />
          <TextareaField
            label="Description"
            id="new-template-description"
            name="description"
            rows={2}
            maxLength={1000}
            errors={errorsOf(created, "description")}
          />
          <Button type="submit">Create template</Button>
        </Form>
      </section>
    </main>
  );
}

interface RowProps {
  template: Row;
  answer: IntentResult | undefined;
  notice: { anchor: string; message: string } | null;
  first: boolean;
  last: boolean;
}

function TemplateRow({ template: t, answer, notice, first, last }: RowProps) {
  const rowAnswer = answer && answer.formId.endsWith(`:${t.id}`) ? answer : undefined;
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="templateId" value={t.id} />
      <input type="hidden" name="version" value={t.version} />
    </>
  );
  return (
    <li id={`template-${t.id}`} className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="template-row">
      <div className="min-w-0 flex-1">
        <Link to={`/settings/templates/${t.id}`} className="font-medium text-brand-700 underline">
          {t.name}
        </Link>{" "}
        {t.isDefault ? <Badge tone="blue">Default</Badge> : null}
        <p className="text-sm text-slate-600">
          {t.steps} {t.steps === 1 ? "step" : "steps"}
          {t.description ? ` · ${t.description}` : ""}
        </p>
        {notice?.anchor === `template-${t.id}` ? (
          <p role="status" className="text-sm font-medium text-emerald-800">
            {notice.message}
          </p>
        ) : null}
        {rowAnswer?.conflict ? (
          <p role="alert" className="text-sm text-amber-900">
            Someone changed this template first. It is shown as saved now; try again if you still want to.
          </p>
        ) : null}
        <FieldErrors errors={[...(errorsOf(rowAnswer, "version") ?? []), ...(errorsOf(rowAnswer, "templateId") ?? [])]} />
      </div>
      <div className="flex flex-wrap gap-2">
        {t.archivedAt ? (
          <Form method="post">
            {hidden("restore-template")}
            <Button type="submit" variant="secondary">
              Restore
            </Button>
          </Form>
        ) : (
          <>
            {(["up", "down"] as const).map((direction) => (
              <Form method="post" key={direction}>
                {hidden("move-template")}
                <input type="hidden" name="direction" value={direction} />
                <Button type="submit" variant="ghost" disabled={direction === "up" ? first : last} aria-label={`Move ${t.name} ${direction}`}>
                  {direction === "up" ? "↑" : "↓"}
                </Button>
              </Form>
            ))}
            <Form method="post">
              {hidden("duplicate-template")}
              <Button type="submit" variant="secondary" aria-label={`Duplicate ${t.name}`}>
                Duplicate
              </Button>
            </Form>
            {t.isDefault ? null : (
              <Form method="post">
                {hidden("archive-template")}
                <Button type="submit" variant="danger" aria-label={`Archive ${t.name}`}>
                  Archive
                </Button>
              </Form>
            )}
          </>
        )}
      </div>
    </li>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
