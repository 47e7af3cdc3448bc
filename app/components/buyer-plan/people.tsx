/** @jsxImportSource ~/html */
import { Badge, Button, InputField, PostForm, SelectField } from "~/html/ui";
import { answerFor, errorsOf, type IntentResult } from "~/forms/intent";
import { BUYING_ROLES, BUYING_ROLE_LABELS } from "~/domain/types";
import type { BuyerPlanView } from "~/models/buyer-plan.types";

export function People({ view, answer }: { view: BuyerPlanView; answer?: IntentResult }) {
  const buyers = view.participants.filter((p) => p.side === "BUYER");
  const sellers = view.participants.filter((p) => p.side === "SELLER");
  const invite = answerFor(answer, "invite-colleague");
  const domains = view.plan.allowedDomains;
  return (
    <section className="card p-4" aria-labelledby="people-heading">
      <h2 id="people-heading" className="font-semibold">
        People on the plan
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {buyers.map((p) => (
          <li className="flex flex-wrap items-center gap-2">
            <span>
              {p.name}
              {p.title ? <span className="text-slate-500"> · {p.title}</span> : null}
            </span>
            {p.role ? <Badge tone="blue">{BUYING_ROLE_LABELS[p.role]}</Badge> : null}
            {p.accessState === "INVITED" ? <Badge>Invited</Badge> : null}
          </li>
        ))}
        {sellers.map((p) => (
          <li>
            {p.name} <span className="text-slate-500">({view.plan.sellerCompany})</span>
          </li>
        ))}
      </ul>
      {invite?.ok ? (
        <p className="mt-2 text-sm text-emerald-800" role="status">
          Invitation sent.
        </p>
      ) : null}
      <details id="invite-colleague" className="mt-3" open={Boolean(invite && !invite.ok)}>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Invite a colleague</summary>
        <PostForm intent="invite-colleague" className="mt-2 space-y-2">
          <InputField label="Name" id="invite-name" name="name" required errors={errorsOf(invite, "name")} />
          <InputField
            label="Work email"
            id="invite-email"
            name="email"
            type="email"
            required
            hint={domains.length ? `Addresses at ${domains.join(", ")}` : "Ask the seller which domains may join."}
            errors={errorsOf(invite, "email")}
          />
          <InputField label="Job title" id="invite-title" name="title" errors={errorsOf(invite, "title")} />
          <SelectField
            label="Role in the decision"
            id="invite-role"
            name="role"
            selected="OTHER"
            options={BUYING_ROLES.map((r) => ({ value: r, label: BUYING_ROLE_LABELS[r] }))}
            errors={errorsOf(invite, "role")}
          />
          <Button type="submit" variant="secondary">
            Send invitation
          </Button>
        </PostForm>
      </details>
    </section>
  );
}
