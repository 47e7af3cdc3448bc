// The organization's people, for its admins: invite, change role and team, deactivate and
// reactivate, and hand someone's open deals to another person. Managers and reps get 403 here.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { InviteForm, PendingInvitations } from "~/components/settings/people-invitations";
import { PeopleList } from "~/components/settings/people-list";
import { SettingsNotice } from "~/components/settings/settings-notice";
import {
  ChangeSellerSchema,
  DeactivateSellerSchema,
  InviteSellerSchema,
  ReactivateSellerSchema,
  ReassignDealsSchema,
  RevokeInvitationSchema,
} from "~/forms/people";
import { activePeople, changeRoleAndTeam, deactivateSeller, listPeople, reactivateSeller, reassignOpenDeals } from "~/models/people.server";
import { inviteSeller, revokeInvitation } from "~/models/seller-invitation.server";
import type { SellerActor } from "~/models/actor.server";
import { requireAdmin } from "~/utils/auth.server";
import { kickOutbox } from "~/utils/email.server";
import { appUrl } from "~/utils/env.server";
import { takeNotice } from "~/utils/flash.server";
import { runIntent, unknownIntent, type Saved } from "~/utils/intent.server";
import { LIMITS, enforceLimits } from "~/utils/rate-limit.server";
import { keepRetryAfter } from "~/utils/route-headers";
import { ErrorPage } from "~/root";
import { readForm } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "People · Mutual" }];

export const headers = keepRetryAfter;

// After a 409 the page must show what is stored now; Remix skips reloading after other 4xx answers.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

const PAGE = "/settings/people";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const [people, successors, { notice, headers }] = await Promise.all([listPeople(admin), activePeople(admin), takeNotice(request)]);
  return data(
    {
      me: admin.userId,
      sellers: people.sellers.map((s) => ({ ...s, deactivatedAt: s.deactivatedAt?.toISOString() ?? null })),
      invitations: people.invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString(), createdAt: i.createdAt.toISOString() })),
      teams: people.teams,
      successors,
      notice,
      timezone: admin.timezone,
    },
    { headers },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const formId = (name: string) => `${intent}:${form.get(name) ?? ""}`;
  const run = <Schema extends z.ZodType>(schema: Schema, id: string, work: (value: z.output<Schema>) => Promise<Saved>) =>
    runIntent(form, schema, id, PAGE, work);

  switch (intent) {
    case "invite":
      return invite(request, admin, form);
    case "revoke-invitation":
      return run(RevokeInvitationSchema, intent, (v) => revokeInvitation(admin, v.invitationId).then(() => at("invitations", "Invitation withdrawn.")));
    case "change-seller":
      return run(ChangeSellerSchema, formId("userId"), (v) => changeRoleAndTeam(admin, v).then(() => at(`person-${v.userId}`)));
    case "deactivate":
      return run(DeactivateSellerSchema, formId("userId"), (v) =>
        deactivateSeller(admin, v).then(() => at(`person-${v.userId}`, v.reassignTo ? "Deactivated, and their open deals reassigned." : "Deactivated.")),
      );
    case "reactivate":
      return run(ReactivateSellerSchema, formId("userId"), (v) => reactivateSeller(admin, v).then(() => at(`person-${v.userId}`, "Reactivated.")));
    case "reassign-deals":
      return run(ReassignDealsSchema, formId("userId"), (v) =>
        reassignOpenDeals(admin, v).then((count) => at(`person-${v.userId}`, `${count} open ${count === 1 ? "deal" : "deals"} reassigned.`)),
      );
    default:
      throw unknownIntent();
  }
}

async function invite(request: Request, admin: SellerActor, form: FormData) {
  await enforceLimits([LIMITS.sellerInvitesPerAdmin, admin.userId]);
  const response = await runIntent(form, InviteSellerSchema, "invite", PAGE, (v) =>
    inviteSeller(admin, v, appUrl(request)).then(() => at("invitations", `Invitation sent to ${v.email}.`)),
  );
  kickOutbox();
  return response;
}

function at(anchor: string, message = "Saved"): Saved {
  return { anchor, message };
}

export default function PeoplePage() {
  const { me, sellers, invitations, teams, successors, notice, timezone } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">People</h1>
      <SettingsNotice notice={notice} />
      <InviteForm teams={teams} resetKey={notice?.id} />
      <PendingInvitations invitations={invitations} teams={teams} timezone={timezone} />
      <PeopleList me={me} sellers={sellers} teams={teams} successors={successors} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
