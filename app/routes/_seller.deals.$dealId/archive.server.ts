// The deal's archive, restore and delete intents. Post/Redirect/Get: a success answers 303 (to the
// deal, or to the list after a delete), a refusal 400 with the field's error beside the form.
import { data, redirect } from "@remix-run/node";
import { ArchiveDealSchema, DeleteDealSchema } from "~/forms/deal";
import type { SellerActor } from "~/models/actor.server";
import { deleteDeal, setDealArchived } from "~/models/deal.server";
import { intentOutcome } from "~/utils/intent.server";

export const ARCHIVE_INTENTS = new Set(["archive-deal", "restore-deal", "delete-deal"]);

export async function archiveAction(form: FormData, seller: SellerActor, dealId: string) {
  const intent = String(form.get("intent"));
  const outcome =
    intent === "delete-deal"
      ? await intentOutcome(form, DeleteDealSchema, intent, (v) => deleteDeal(seller, dealId, v.confirmName))
      : await intentOutcome(form, ArchiveDealSchema, intent, (v) => setDealArchived(seller, dealId, intent === "archive-deal", v.version));
  if (outcome.status !== 200) return data(outcome.result, { status: outcome.status });
  if (intent === "delete-deal") return redirect("/deals", 303);
  return redirect(`/deals/${dealId}`, 303);
}
