// Your profile: the name and job title colleagues and buyers see.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { ConflictNotice } from "~/components/plan-editor/intent-hooks";
import { NoticeProvider, SavedNotice } from "~/components/plan-editor/notice";
import { Button } from "~/components/ui/button";
import { InputField } from "~/components/ui/field";
import { ProfileSchema } from "~/forms/workspace";
import { ownProfile, updateOwnProfile } from "~/models/profile.server";
import { requireSeller } from "~/utils/auth.server";
import { takeNotice } from "~/utils/flash.server";
import { runIntent } from "~/utils/intent.server";
import { readForm } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Your profile · Mutual" }];

const FORM_ID = "profile";

// Remix skips reloading after a 4xx answer; after a 409 the form must start from what is stored now.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

export async function loader({ request }: LoaderFunctionArgs) {
  const seller = await requireSeller(request);
  const [profile, { notice, headers }] = await Promise.all([ownProfile(seller), takeNotice(request)]);
  return data({ profile, notice }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const seller = await requireSeller(request);
  return runIntent(await readForm(request), ProfileSchema, FORM_ID, "/settings", async (value) => {
    await updateOwnProfile(seller, value);
    return { anchor: FORM_ID };
  });
}

export default function Profile() {
  const { profile, notice } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    // A new stored version starts a fresh form from it: after a save, or after a conflict.
    id: `${FORM_ID}-${profile.version}`,
    lastResult: answer?.result,
    defaultValue: { name: profile.name, title: profile.title },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });

  return (
    <NoticeProvider value={notice}>
      <section id={FORM_ID} className="max-w-xl">
        <h1 className="text-2xl font-semibold">Your profile</h1>
        <p className="mt-1 text-sm text-slate-600">Your colleagues and your buyers see this name and title. You sign in as {profile.email}.</p>
        <ConflictNotice result={answer} className="mt-4" />
        <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
          <input type="hidden" name="version" value={profile.version} />
          <InputField label="Name" {...getInputProps(fields.name, { type: "text" })} autoComplete="name" errors={fields.name.errors} />
          <InputField
            label="Job title"
            {...getInputProps(fields.title, { type: "text" })}
            autoComplete="organization-title"
            hint="Optional, e.g. Account Executive"
            errors={fields.title.errors}
          />
          <div className="flex items-center gap-3">
            <Button type="submit" pending={navigation.state === "submitting"}>
              Save profile
            </Button>
            <SavedNotice anchor={FORM_ID} />
          </div>
        </Form>
      </section>
    </NoticeProvider>
  );
}
