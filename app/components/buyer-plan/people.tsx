import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { InputField, SelectField } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { answerFor, errorsOf, type IntentResult } from "~/forms/intent";
import { BUYING_ROLES, BUYING_ROLE_LABELS } from "~/domain/types";
import type { BuyerPlanView } from "~/models/buyer-plan.types";
import { PostForm, SavedNotice, typedValue } from "./post-form";

export function People({ view, answer, saved }: { view: BuyerPlanView; answer?: IntentResult; saved: boolean }) {
  const buyers = view.participants.filter((p) => p.side === "BUYER");
  const sellers = view.participants.filter((p) => p.side === "SELLER");
  const invite = answerFor(answer, "invite-colleague");
  const typed = (field: string) => typedValue(invite, field);
  const domains = view.plan.allowedDomains;
  return (
    <Panel headingId="people-heading" title="People on the plan" className="p-4">
      <ul id="people" className="mt-2 space-y-1 text-sm">
        {buyers.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center gap-2">
            <span>
              {p.name}
              {p.title ? <span className="text-slate-500"> · {p.title}</span> : null}
            </span>
            {p.role ? <Badge tone="blue">{BUYING_ROLE_LABELS[p.role]}</Badge> : null}
            {p.accessState === "INVITED" ? <Badge>Invited</Badge> : null}
          </li>
        ))}
        {sellers.map((p) => (
          <li key={p.id}>
            {p.name} <span className="text-slate-500">({view.plan.sellerCompany})</span>
          </li>
        ))}
      </ul>
      <SavedNotice shown={saved}>Invitation sent.</SavedNotice>
      <details id="invite-colleague" className="mt-3" open={Boolean(invite && !invite.ok)}>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Invite a colleague</summary>
        <PostForm intent="invite-colleague" className="mt-2 space-y-2">
          <InputField label="Name" id="invite-name" name="name" required defaultValue={typed("name")} errors={errorsOf(invite, "name")} />
          <InputField
            label="Work email"
            id="invite-email"
            name="email"
            type="email"
            required
            defaultValue={typed("email")}
            hint={domains.length ? `Addresses at ${domains.join(", ")}` : "Ask the seller which domains may join."}
            errors={errorsOf(invite, "email")}
          />
          <InputField label="Job title" id="invite-title" name="title" defaultValue={typed("title")} errors={errorsOf(invite, "title")} />
          <SelectField
            label="Role in the decision"
            id="invite-role"
            name="role"
            defaultValue={typed("role") ?? "OTHER"}
            options={BUYING_ROLES.map((r) => ({ value: r, label: BUYING_ROLE_LABELS[r] }))}
            errors={errorsOf(invite, "role")}
          />
          <Button type="submit" variant="secondary">
            Send invitation
          </Button>
        </PostForm>
      </details>
    </Panel>
  );
}
