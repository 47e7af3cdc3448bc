import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { errorsOf } from "~/forms/intent";
import { useIntentResult, useIsPending } from "./intent-hooks";
import { SavedNotice } from "./notice";

/** Keeps this plan's steps as a new template: titles, outputs, owners, gates and each step's Day from the start. */
export function SaveAsTemplate({ planTitle, steps }: { planTitle: string; steps: number }) {
  const result = useIntentResult("save-as-template");
  const pending = useIsPending("save-as-template");
  if (steps === 0) return null;
  return (
    <details id="save-as-template" className="card scroll-mt-4 p-4" open={Boolean(result && !result.ok)}>
      <summary className="cursor-pointer font-semibold">
        Save as a template <SavedNotice anchor="save-as-template" className="ml-2" />
      </summary>
      <p className="mt-2 text-sm text-slate-600">
        New plans can start from these {steps} steps. Each step keeps its day counted from this plan&apos;s start; later changes to this plan do not change the
        template.
      </p>
      <Form method="post" className="mt-3 flex flex-wrap items-end gap-3" preventScrollReset>
        <input type="hidden" name="intent" value="save-as-template" />
        <InputField
          label="Template name"
          id="save-as-template-name"
          name="name"
          defaultValue={planTitle.replace(/: mutual action plan$/, "")}
          required
          maxLength={120}
          errors={errorsOf(result, "name")}
        />
        <Button type="submit" variant="secondary" pending={pending}>
          Save template
        </Button>
      </Form>
    </details>
  );
}
