import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { InputField, SelectField } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { ROLE_WORDS } from "~/forms/people";
import { ROLES, type Role } from "~/domain/types";
import { fieldErrors, useAnswer } from "./settings-notice";

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_WORDS[role] }));

export function teamOptions(teams: ReadonlyArray<{ id: string; name: string }>) {
  return [{ value: "", label: "No team" }, ...teams.map((t) => ({ value: t.id, label: t.name }))];
}

/** `resetKey` changes after each invitation sent, so the form starts empty for the next one. */
export function InviteForm({ teams, resetKey }: { teams: ReadonlyArray<{ id: string; name: string }>; resetKey?: string }) {
  const answer = useAnswer("invite");
  const navigation = useNavigation();
  const pending = navigation.state === "submitting" && navigation.formData?.get("intent") === "invite";
  return (
    <Panel headingId="invite-heading" title="Invite a teammate" className="p-4">
      <Form method="post" key={resetKey} className="mt-3 grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" noValidate>
        <input type="hidden" name="intent" value="invite" />
        <InputField label="Email" id="invite-email" name="email" type="email" autoComplete="off" required errors={fieldErrors(answer, "email")} />
        <SelectField label="Role" id="invite-role" name="role" options={ROLE_OPTIONS} defaultValue="REP" errors={fieldErrors(answer, "role")} />
        <SelectField label="Team" id="invite-team" name="teamId" options={teamOptions(teams)} defaultValue="" errors={fieldErrors(answer, "teamId")} />
        <Button type="submit" pending={pending}>
          Send invitation
        </Button>
      </Form>
      <p className="mt-2 text-xs text-slate-500">
        The invitation link works once and for 7 days. Inviting the same address again replaces its pending invitation.
      </p>
    </Panel>
  );
}

interface Invitation {
  id: string;
  email: string;
  role: Role;
  teamId: string | null;
  expiresAt: string;
  expired: boolean;
}

export function PendingInvitations({
  invitations,
  teams,
  timezone,
}: {
  invitations: Invitation[];
  teams: ReadonlyArray<{ id: string; name: string }>;
  timezone: string;
}) {
  const teamName = (id: string | null) => teams.find((t) => t.id === id)?.name ?? "No team";
  const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: timezone });
  return (
    <Panel headingId="invitations" title="Pending invitations" className="p-4">
      {invitations.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No invitation is waiting.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {invitations.map((invitation) => (
            <li key={invitation.id} data-testid="pending-invitation" className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-sm">
              <span className="font-medium">{invitation.email}</span>
              <span className="text-slate-600">
                {ROLE_WORDS[invitation.role]} · {teamName(invitation.teamId)}
              </span>
              <span className={invitation.expired ? "text-amber-700" : "text-slate-500"}>
                {invitation.expired ? `Expired ${day(invitation.expiresAt)}` : `Expires ${day(invitation.expiresAt)}`}
              </span>
              <Form method="post" className="ml-auto">
                <input type="hidden" name="intent" value="revoke-invitation" />
                <input type="hidden" name="invitationId" value={invitation.id} />
                <Button type="submit" variant="ghost" aria-label={`Withdraw the invitation of ${invitation.email}`}>
                  Withdraw
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
