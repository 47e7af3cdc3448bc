// Settings → API tokens: the form that makes one, the token shown once, and the list with revoke.
import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { InputField, SelectField } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { formatMoment } from "~/components/format";
import { fieldErrors, useAnswer } from "./settings-notice";

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  createdByName: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const SCOPE_WORDS: Record<string, string> = { READ: "Read only", READ_WRITE: "Read and write" };
const SCOPE_OPTIONS = [
  { value: "READ", label: "Read only" },
  { value: "READ_WRITE", label: "Read and write" },
];

export function NewApiTokenForm({ resetKey }: { resetKey?: string }) {
  const answer = useAnswer("create-api-token");
  return (
    <Panel headingId="new-token-heading" title="New token" className="p-4">
      <Form method="post" key={resetKey} className="mt-3 flex flex-wrap items-end gap-3" noValidate>
        <input type="hidden" name="intent" value="create-api-token" />
        <InputField
          label="Name"
          id="new-token-name"
          name="name"
          required
          maxLength={80}
          placeholder="What uses it, e.g. CRM sync"
          errors={fieldErrors(answer, "name")}
          className="min-w-64"
        />
        <SelectField label="It may" id="new-token-scope" name="scope" options={SCOPE_OPTIONS} defaultValue="READ" errors={fieldErrors(answer, "scope")} />
        <Button type="submit">Create token</Button>
      </Form>
    </Panel>
  );
}

/** The token just made: shown on this page view only, never again. */
export function NewTokenSecret({ token }: { token: string }) {
  return (
    <div role="status" className="rounded-lg bg-amber-50 p-4 text-sm ring-1 ring-amber-200">
      <p className="font-medium">Copy your new token now. It will not be shown again.</p>
      <p className="mt-2 break-all rounded bg-white p-2 font-mono text-sm ring-1 ring-slate-200" data-testid="new-api-token">
        {token}
      </p>
    </div>
  );
}

export function ApiTokenList({ tokens, timezone }: { tokens: ApiTokenView[]; timezone: string }) {
  return (
    <Panel headingId="tokens-heading" title="Tokens" className="p-4">
      {tokens.length === 0 ? <p className="mt-2 text-sm text-slate-600">No token yet.</p> : null}
      <ul className="mt-2 divide-y divide-slate-100">
        {tokens.map((token) => (
          <li key={token.id} id={`token-${token.id}`} data-testid="api-token" className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="min-w-0">
              <p className="flex flex-wrap items-baseline gap-x-3">
                <span className="font-medium">{token.name}</span>
                <span className="font-mono text-sm text-slate-600">{token.prefix}…</span>
                <span className="text-sm text-slate-600">{SCOPE_WORDS[token.scope] ?? "Read only"}</span>
              </p>
              <p className="text-sm text-slate-600">
                Made by {token.createdByName} {formatMoment(token.createdAt, timezone)} ·{" "}
                {token.lastUsedAt ? `last used ${formatMoment(token.lastUsedAt, timezone)}` : "never used"}
                {token.revokedAt ? ` · revoked ${formatMoment(token.revokedAt, timezone)}` : ""}
              </p>
            </div>
            {token.revokedAt ? (
              <span className="text-sm font-medium text-slate-500">Revoked</span>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="revoke-api-token" />
                <input type="hidden" name="tokenId" value={token.id} />
                <Button type="submit" variant="danger" aria-label={`Revoke ${token.name}`}>
                  Revoke
                </Button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
