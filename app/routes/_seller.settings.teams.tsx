// The organization's teams, for its admins: create, rename, and choose each team's managers.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { SettingsNotice } from "~/components/settings/settings-notice";
import { NewTeamForm, TeamList } from "~/components/settings/team-list";
import { RenameTeamSchema, TeamManagersSchema, TeamNameSchema } from "~/forms/people";
import { createTeam, listTeams, renameTeam, setTeamManagers } from "~/models/team.server";
import { requireAdmin } from "~/utils/auth.server";
import { takeNotice } from "~/utils/flash.server";
import { runIntent, unknownIntent, type Saved } from "~/utils/intent.server";
import { keepRetryAfter } from "~/utils/route-headers";
import { ErrorPage } from "~/root";
import { readForm } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Teams · Mutual" }];

export const headers = keepRetryAfter;

export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

const PAGE = "/settings/teams";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const [{ teams, managerCandidates }, { notice, headers }] = await Promise.all([listTeams(admin), takeNotice(request)]);
  return data({ teams, managerCandidates, notice }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const run = <Schema extends z.ZodType>(schema: Schema, id: string, work: (value: z.output<Schema>) => Promise<Saved>) =>
    runIntent(form, schema, id, PAGE, work);
  const teamForm = `${intent}:${form.get("teamId") ?? ""}`;

  switch (intent) {
    case "create-team":
      return run(TeamNameSchema, intent, (v) => createTeam(admin, v.name).then((team) => at(`team-${team.id}`, "Team created.")));
    case "rename-team":
      return run(RenameTeamSchema, teamForm, (v) => renameTeam(admin, v).then(() => at(`team-${v.teamId}`, "Team renamed.")));
    case "set-managers":
      return run(TeamManagersSchema, teamForm, (v) => setTeamManagers(admin, v).then(() => at(`team-${v.teamId}`, "Managers saved.")));
    default:
      throw unknownIntent();
  }
}

function at(anchor: string, message: string): Saved {
  return { anchor, message };
}

export default function TeamsPage() {
  const { teams, managerCandidates, notice } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Teams</h1>
      <SettingsNotice notice={notice} />
      <NewTeamForm resetKey={notice?.id} />
      <TeamList teams={teams} candidates={managerCandidates} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
