// What a seller's save of a step changed on the deal page, answered to the page that asked
// (app/utils/intent.server.ts): the plan, its figures and its history, read once after the save
// (or after a stale save was refused, showing what is stored now), and the change tag the page
// may then adopt. Panels a step does not touch (people's engagement,
// notes, the calendar) stay as loaded; the page's next poll brings anyone else's change.
import { actorToday, type SellerActor } from "~/models/actor.server";
import { listDealActivity } from "~/models/activity.server";
import { tagAfterOwnSave } from "~/models/deal-change-tag";
import { dealChangeTag } from "~/models/deal-changes.server";
import { getDealWorkspace } from "~/models/deal.server";
import { figuresOfLoadedDeal } from "~/models/signals.server";
import { toPlanView } from "./view.server";

export async function planChangesAfterSave(seller: SellerActor, dealId: string, form: FormData, savedActivityIds: readonly string[]) {
  const pageTag = String(form.get("pageTag") ?? "").slice(0, 200);
  const workspace = await getDealWorkspace(seller, dealId);
  const [{ signals, unreadableDate }, activity] = await Promise.all([
    figuresOfLoadedDeal(workspace, actorToday(seller)),
    listDealActivity(seller, workspace.id),
  ]);
  // Read last, so a write landing while the parts are read shows as a mismatch, never as current.
  const currentTag = await dealChangeTag(seller, dealId);
  return {
    plan: workspace.plan ? toPlanView(workspace.plan) : null,
    signals,
    unreadableDate,
    activity,
    changeTag: tagAfterOwnSave(pageTag, currentTag, savedActivityIds.length) ?? pageTag,
  };
}
