// What a seller's save of a step changed on the deal page, answered to the page that asked
// (app/utils/intent.server.ts): the plan, its figures and its history, read once after the save,
// and the change tag the page may then adopt. A stale save changed nothing: its answer is the plan
// as stored now, for the conflict notice. Panels a step does not touch (people's engagement,
// notes, the calendar) stay as loaded; the page's next poll brings anyone else's change.
import { actorToday, type SellerActor } from "~/models/actor.server";
import { listDealActivity } from "~/models/activity.server";
import { tagAfterOwnSave } from "~/models/deal-change-tag";
import { dealChangeTag } from "~/models/deal-changes.server";
import { getDealPlan, getDealWorkspace } from "~/models/deal-workspace.server";
import { figuresOfLoadedDeal } from "~/models/signals.server";
import { toPlanView, type Workspace } from "./view.server";

/** The deal page's parts a step's save can move, built the same way for the page and for the answer. */
export async function planParts(seller: SellerActor, workspace: Workspace) {
  // Computed now from the rows just read, and written nowhere: a GET never writes the signal cache.
  const [{ signals, unreadableDate }, activity] = await Promise.all([
    figuresOfLoadedDeal(workspace, actorToday(seller)),
    listDealActivity(seller, workspace.id),
  ]);
  return { plan: workspace.plan ? toPlanView(workspace.plan) : null, signals, unreadableDate, activity };
}

/** `savedActivityIds` are the history rows the save wrote; null when the save was refused as stale. */
export async function planChangesAfterSave(seller: SellerActor, dealId: string, form: FormData, savedActivityIds: readonly string[] | null) {
  if (!savedActivityIds) {
    const plan = await getDealPlan(seller, dealId);
    return { plan: plan ? toPlanView(plan) : null };
  }
  const workspace = await getDealWorkspace(seller, dealId);
  const pageTag = String(form.get("pageTag") ?? "").slice(0, 200);
  const parts = await planParts(seller, workspace);
  // Read last, so a write landing while the parts are read shows as a mismatch, never as current.
  const currentTag = await dealChangeTag(seller, dealId);
  return { ...parts, changeTag: tagAfterOwnSave(pageTag, currentTag, savedActivityIds.length) ?? pageTag };
}
