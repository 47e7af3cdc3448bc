import { Form } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { FieldErrors, SelectField } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { ROLE_WORDS } from "~/forms/people";
import type { Role } from "~/domain/types";
import { ROLE_OPTIONS, teamOptions } from "./people-invitations";
import { StaleNotice, fieldErrors, useAnswer } from "./settings-notice";

interface Seller {
  id: string;
  name: string;
  email: string;
  title: string;
  role: Role;
  teamId: string | null;
  active: boolean;
  version: number;
  openDeals: number;
}
type Named = { id: string; name: string };

export function PeopleList({ me, sellers, teams, successors }: { me: string; sellers: Seller[]; teams: Named[]; successors: Named[] }) {
  return (
    <Panel headingId="people-heading" title="People" className="p-4">
      <ul className="mt-2 divide-y divide-slate-100">
        {sellers.map((seller) => (
          <PersonRow key={seller.id} seller={seller} isMe={seller.id === me} teams={teams} successors={successors.filter((s) => s.id !== seller.id)} />
        ))}
      </ul>
    </Panel>
  );
}

function PersonRow({ seller, isMe, teams, successors }: { seller: Seller; isMe: boolean; teams: Named[]; successors: Named[] }) {
  const teamName = teams.find((t) => t.id === seller.teamId)?.name ?? "No team";
  return (
    <li id={`person-${seller.id}`} data-testid="person" className="py-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-medium">
          {seller.name}
          {isMe ? <span className="text-slate-500"> (you)</span> : null}
        </span>
        <span className="text-sm text-slate-600">{seller.email}</span>
        {seller.title ? <span className="text-sm text-slate-600">{seller.title}</span> : null}
        <span className="text-sm">
          {ROLE_WORDS[seller.role]} · {teamName}
        </span>
        {seller.active ? <Badge tone="green">Active</Badge> : <Badge tone="gray">Deactivated</Badge>}
        {seller.openDeals > 0 ? (
          <span className="text-sm text-slate-500">
            {seller.openDeals} open {seller.openDeals === 1 ? "deal" : "deals"}
          </span>
        ) : null}
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700">Manage {seller.name}</summary>
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          {seller.active ? <RoleAndTeamForm seller={seller} teams={teams} /> : null}
          {seller.active ? <DeactivateForm seller={seller} successors={successors} /> : <ReactivateForm seller={seller} />}
          {seller.openDeals > 0 ? <ReassignForm seller={seller} successors={successors} /> : null}
        </div>
      </details>
    </li>
  );
}

function RoleAndTeamForm({ seller, teams }: { seller: Seller; teams: Named[] }) {
  const answer = useAnswer(`change-seller:${seller.id}`);
  return (
    <Form method="post" className="space-y-2" key={seller.version}>
      <StaleNotice answer={answer} />
      <input type="hidden" name="intent" value="change-seller" />
      <input type="hidden" name="userId" value={seller.id} />
      <input type="hidden" name="version" value={seller.version} />
      <SelectField label="Role" id={`role-${seller.id}`} name="role" options={ROLE_OPTIONS} defaultValue={seller.role} errors={fieldErrors(answer, "role")} />
      <SelectField
        label="Team"
        id={`team-${seller.id}`}
        name="teamId"
        options={teamOptions(teams)}
        defaultValue={seller.teamId ?? ""}
        errors={fieldErrors(answer, "teamId")}
      />
      <Button type="submit" variant="secondary">
        Save role and team
      </Button>
    </Form>
  );
}

function successorOptions(successors: Named[], none: string) {
  return [{ value: "", label: none }, ...successors.map((s) => ({ value: s.id, label: s.name }))];
}

function DeactivateForm({ seller, successors }: { seller: Seller; successors: Named[] }) {
  const answer = useAnswer(`deactivate:${seller.id}`);
  return (
    <Form method="post" className="space-y-2">
      <StaleNotice answer={answer} />
      <input type="hidden" name="intent" value="deactivate" />
      <input type="hidden" name="userId" value={seller.id} />
      <input type="hidden" name="version" value={seller.version} />
      <p className="text-slate-600">They are signed out everywhere at once and can no longer sign in.</p>
      {seller.openDeals > 0 ? (
        <SelectField
          label="Give their open deals to"
          id={`deactivate-reassign-${seller.id}`}
          name="reassignTo"
          options={successorOptions(successors, "Keep the deals with them")}
          defaultValue=""
          errors={fieldErrors(answer, "reassignTo")}
        />
      ) : null}
      <FieldErrors errors={fieldErrors(answer, "userId")} />
      <Button type="submit" variant="danger">
        Deactivate {seller.name}
      </Button>
    </Form>
  );
}

function ReactivateForm({ seller }: { seller: Seller }) {
  const answer = useAnswer(`reactivate:${seller.id}`);
  return (
    <Form method="post" className="space-y-2">
      <StaleNotice answer={answer} />
      <input type="hidden" name="intent" value="reactivate" />
      <input type="hidden" name="userId" value={seller.id} />
      <input type="hidden" name="version" value={seller.version} />
      <p className="text-slate-600">They can sign in again, with their role and team as they were.</p>
      <Button type="submit" variant="secondary">
        Reactivate {seller.name}
      </Button>
    </Form>
  );
}

function ReassignForm({ seller, successors }: { seller: Seller; successors: Named[] }) {
  const answer = useAnswer(`reassign-deals:${seller.id}`);
  return (
    <Form method="post" className="space-y-2">
      <input type="hidden" name="intent" value="reassign-deals" />
      <input type="hidden" name="userId" value={seller.id} />
      <SelectField
        label={`Give ${seller.name}'s open deals to`}
        id={`reassign-${seller.id}`}
        name="reassignTo"
        options={successorOptions(successors, "Choose a person")}
        defaultValue=""
        errors={fieldErrors(answer, "reassignTo")}
      />
      <Button type="submit" variant="secondary">
        Reassign open deals
      </Button>
    </Form>
  );
}
