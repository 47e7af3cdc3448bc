import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { FieldErrors, InputField } from "~/components/ui/field";
import { Panel } from "~/components/ui/panel";
import { StaleNotice, fieldErrors, useAnswer } from "./settings-notice";

type Named = { id: string; name: string };
interface Team {
  id: string;
  name: string;
  version: number;
  memberCount: number;
  managers: Named[];
}

/** `resetKey` changes after each team created, so the form starts empty for the next one. */
export function NewTeamForm({ resetKey }: { resetKey?: string }) {
  const answer = useAnswer("create-team");
  return (
    <Panel headingId="new-team-heading" title="New team" className="p-4">
      <Form method="post" key={resetKey} className="mt-3 flex flex-wrap items-end gap-3" noValidate>
        <input type="hidden" name="intent" value="create-team" />
        <InputField label="Team name" id="new-team-name" name="name" required maxLength={80} errors={fieldErrors(answer, "name")} className="min-w-64" />
        <Button type="submit">Create team</Button>
      </Form>
    </Panel>
  );
}

export function TeamList({ teams, candidates }: { teams: Team[]; candidates: Named[] }) {
  return (
    <Panel headingId="teams-heading" title="Teams" className="p-4">
      {teams.length === 0 ? <p className="mt-2 text-sm text-slate-600">No team yet.</p> : null}
      <ul className="mt-2 divide-y divide-slate-100">
        {teams.map((team) => (
          <TeamRow key={team.id} team={team} candidates={candidates} />
        ))}
      </ul>
    </Panel>
  );
}

function TeamRow({ team, candidates }: { team: Team; candidates: Named[] }) {
  const rename = useAnswer(`rename-team:${team.id}`);
  const managers = useAnswer(`set-managers:${team.id}`);
  const managerIds = new Set(team.managers.map((m) => m.id));
  // Someone who manages the team but is no longer a candidate (demoted, deactivated) still shows, so saving can remove them.
  const choices = [...candidates, ...team.managers.filter((m) => !candidates.some((c) => c.id === m.id))];
  return (
    <li id={`team-${team.id}`} data-testid="team" className="py-3">
      <p className="flex flex-wrap items-baseline gap-x-3">
        <span className="font-medium">{team.name}</span>
        <span className="text-sm text-slate-600">
          {team.memberCount} {team.memberCount === 1 ? "member" : "members"} · Managed by {team.managers.map((m) => m.name).join(", ") || "nobody yet"}
        </span>
      </p>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700">Manage {team.name}</summary>
        <div className="mt-3 grid gap-4 md:grid-cols-2" key={team.version}>
          <Form method="post" className="space-y-2" noValidate>
            <StaleNotice answer={rename} />
            <input type="hidden" name="intent" value="rename-team" />
            <input type="hidden" name="teamId" value={team.id} />
            <input type="hidden" name="version" value={team.version} />
            <InputField label="Team name" id={`team-name-${team.id}`} name="name" defaultValue={team.name} required errors={fieldErrors(rename, "name")} />
            <Button type="submit" variant="secondary">
              Rename
            </Button>
          </Form>
          <Form method="post" className="space-y-2">
            <StaleNotice answer={managers} />
            <input type="hidden" name="intent" value="set-managers" />
            <input type="hidden" name="teamId" value={team.id} />
            <input type="hidden" name="version" value={team.version} />
            <fieldset>
              <legend className="label">Managers</legend>
              {choices.length === 0 ? <p className="text-slate-600">Make someone a manager on the People page first.</p> : null}
              {choices.map((person) => (
                <label key={person.id} className="mt-1 flex items-center gap-2">
                  <input type="checkbox" name="managerIds" value={person.id} defaultChecked={managerIds.has(person.id)} />
                  {person.name}
                </label>
              ))}
            </fieldset>
            <FieldErrors errors={fieldErrors(managers, "managerIds")} />
            <Button type="submit" variant="secondary">
              Save managers
            </Button>
          </Form>
        </div>
      </details>
    </li>
  );
}
