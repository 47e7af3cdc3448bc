// Settings → API tokens, for admins: make a token (shown once, stored as a hash) and revoke one.
// The API itself is described at /api/v1/docs.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { ApiTokenList, NewApiTokenForm, NewTokenSecret } from "~/components/settings/api-tokens";
import { SettingsNotice } from "~/components/settings/settings-notice";
import { CreateApiTokenSchema, RevokeApiTokenSchema } from "~/forms/api-token";
import { createApiToken, listApiTokens, revokeApiToken } from "~/models/api-token.server";
import { requireAdmin } from "~/utils/auth.server";
import { takeNotice } from "~/utils/flash.server";
import { readForm } from "~/utils/form-data.server";
import { runIntent, unknownIntent, type Saved } from "~/utils/intent.server";
import { SHOWN_ONCE_CACHE_CONTROL, keepRetryAfter } from "~/utils/route-headers";
import { showOnce, takeShownOnce } from "~/utils/shown-once.server";
import { ErrorPage } from "~/root";

export const meta: MetaFunction = () => [{ title: "API tokens · Mutual" }];

export const headers = keepRetryAfter;

const PAGE = "/settings/api";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const [tokens, { notice, headers }] = await Promise.all([listApiTokens(admin), takeNotice(request)]);
  const { secret, clear } = takeShownOnce(request);
  const answer = new Headers(headers);
  if (clear) answer.append("Set-Cookie", clear);
  if (secret) answer.set("Cache-Control", SHOWN_ONCE_CACHE_CONTROL);
  const views = tokens.map((t) => ({
    ...t,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  }));
  return data({ tokens: views, newToken: secret, notice, timezone: admin.timezone }, { headers: answer });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const run = <Schema extends z.ZodType>(schema: Schema, work: (value: z.output<Schema>) => Promise<Saved>) => runIntent(form, schema, intent, PAGE, work);

  switch (intent) {
    case "create-api-token": {
      let token = "";
      const answer = await run(CreateApiTokenSchema, async (v) => {
        token = (await createApiToken(admin, v)).token;
        return { anchor: "tokens-heading", message: "Token created." };
      });
      return answer instanceof Response && token ? showOnce(answer, PAGE, token) : answer;
    }
    case "revoke-api-token":
      return run(RevokeApiTokenSchema, (v) => revokeApiToken(admin, v.tokenId).then(() => ({ anchor: `token-${v.tokenId}`, message: "Token revoked." })));
    default:
      throw unknownIntent();
  }
}

export default function ApiTokensPage() {
  const { tokens, newToken, notice, timezone } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">API tokens</h1>
      <p className="max-w-2xl text-sm text-slate-600">
        A token lets another system, such as your CRM, read and update your organization’s deals and plans. It sees every deal, as an admin does. Keep it
        secret; revoke it when it is no longer used. See the{" "}
        <Link to="/api/v1/docs" className="text-brand-700 underline">
          API reference
        </Link>
        .
      </p>
      <SettingsNotice notice={notice} />
      {newToken ? <NewTokenSecret token={newToken} /> : null}
      <NewApiTokenForm resetKey={notice?.id} />
      <ApiTokenList tokens={tokens} timezone={timezone} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
