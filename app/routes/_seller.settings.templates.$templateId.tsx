import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { editorValues, TemplateEditor, type EditorValues } from "~/components/settings/template-editor";
import { Badge } from "~/components/ui/badge";
import { answerFor, type IntentResult } from "~/forms/intent";
import { EditTemplateSchema, withoutRemovedStep } from "~/forms/template";
import { getTemplate, saveTemplate } from "~/models/template-admin.server";
import { requireAdmin } from "~/utils/auth.server";
import { takeNotice } from "~/utils/flash.server";
import { asResponse, runIntent, unknownIntent } from "~/utils/intent.server";
import { ErrorPage } from "~/root";
import { readForm } from "~/utils/form-data.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.template.name} · Templates · Mutual` : "Template · Mutual" }];

export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const template = await getTemplate(admin, params.templateId ?? "").catch((error) => {
    throw asResponse(error);
  });
  const { notice, headers } = await takeNotice(request);
  const values: EditorValues = {
    name: template.name,
    description: template.description,
    steps: template.milestones.map((m) => ({
      title: m.title,
      output: m.output,
      ownerSide: m.ownerSide,
      ownerRole: m.ownerRole ?? "",
      dayOffset: String(m.dayOffset),
      gatesStage: m.gatesStage ? String(m.gatesStage) : "",
      internalOnly: m.internalOnly,
    })),
  };
  const view = { id: template.id, name: template.name, version: template.version, isDefault: template.isDefault, archived: Boolean(template.archivedAt) };
  return data({ template: view, values, notice }, { headers });
}

const SAVED_WORDS = { save: "Saved", add: "Step added", removed: "Step removed", up: "Moved", down: "Moved" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const templateId = params.templateId ?? "";
  const form = withoutRemovedStep(await readForm(request));
  if (form.get("intent") !== "save-template") throw unknownIntent();
  return runIntent(form, EditTemplateSchema, "save-template", `/settings/templates/${templateId}`, async (value) => {
    const { op, steps } = await saveTemplate(admin, templateId, value);
    const anchor = op.kind === "add" ? `step-${steps}` : op.kind === "up" || op.kind === "down" ? `step-${op.index + (op.kind === "up" ? 0 : 2)}` : "steps";
    return { anchor, message: SAVED_WORDS[op.kind] };
  });
}

export default function TemplatePage() {
  const { template, values, notice } = useLoaderData<typeof loader>();
  const answer = answerFor(useActionData<IntentResult>(), "save-template");
  return (
    <main className="space-y-6">
      <div>
        <p className="text-sm">
          <Link to="/settings/templates" className="text-brand-700 underline">
            Templates
          </Link>
        </p>
        <h1 className="mt-1 flex items-center gap-2 text-2xl font-semibold">
          {template.name} {template.isDefault ? <Badge tone="blue">Default</Badge> : null}
          {template.archived ? <Badge>Archived</Badge> : null}
        </h1>
        <p className="mt-1 text-sm text-slate-600">Day N is N days after a plan starts. Plans already made from this template keep their own steps.</p>
        {notice ? (
          <p role="status" className="mt-2 text-sm font-medium text-emerald-800">
            {notice.message}
          </p>
        ) : null}
      </div>
      <TemplateEditor key={answer ? "typed" : template.version} values={editorValues(values, answer)} version={template.version} answer={answer} />
    </main>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
