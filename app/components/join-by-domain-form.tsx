// The join path of /signup: someone whose colleagues' workspace lets their email domain join
// asks for a code with just their address and name.
import { Form, useNavigation } from "@remix-run/react";
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { JoinSchema } from "~/forms/workspace";

export function JoinByDomainForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "join",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: JoinSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const pending = navigation.state === "submitting" && navigation.formData?.get("intent") === "join";
  return (
    <details open={Boolean(lastResult)} className="rounded-md border border-slate-200 p-3">
      <summary className="cursor-pointer text-sm font-medium text-slate-700">Colleagues already use Mutual? Join their workspace</summary>
      <p className="mt-2 text-sm text-slate-600">
        If their workspace lets addresses at your email domain join, we will email you a code to join it. Otherwise ask one of its admins to invite you.
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="join" />
        <InputField label="Work email" {...getInputProps(fields.email, { type: "email" })} autoComplete="email" errors={fields.email.errors} />
        <InputField label="Your name" {...getInputProps(fields.name, { type: "text" })} autoComplete="name" errors={fields.name.errors} />
        <Button type="submit" variant="secondary" className="w-full" pending={pending}>
          Email me a code to join
        </Button>
      </Form>
    </details>
  );
}
