// What a seller's save of a step changed on the deal page, answered to the page that asked
// (app/utils/intent.server.ts): the plan, its figures and its history, read once after the save
// in one statement, and the change tag the page may then adopt. A stale save changed nothing: its
// answer is the plan as stored now, for the conflict notice. Panels a step does not touch (people's
// engagement, notes, the calendar) stay as loaded; the page's next poll brings anyone else's change.
import { actorToday, type SellerActor } from "~/models/actor.server";
import { tagAfterOwnSave } from "~/models/deal-change-tag";
import { getDealPlan, readDealPage } from "~/models/deal-workspace.server";
import { figuresOfLoadedDeal } from "~/models/signals.server";
import { toPlanView } from "./view.server";

type DealPage = Awaited<ReturnType<typeof readDealPage>>;

/** The deal page's parts a step's save can move, built the same way for the page and for the answer. */
export function planParts(seller: SellerActor, { workspace, facts, activity }: DealPage) {
  // Computed now from the rows just read, and written nowhere: a GET never writes the signal cache.
  const { signals, unreadableDate } = figuresOfLoadedDeal(workspace, facts, actorToday(seller));
  return { plan: workspace.plan ? toPlanView(workspace.plan) : null, signals, unreadableDate, activity };
}

/** `savedActivityIds` are the history rows the save wrote; null when the save was refused as stale. */
export async function planChangesAfterSave(seller: SellerActor, dealId: string, form: FormData, savedActivityIds: readonly string[] | null) {
  if (!savedActivityIds) {
    const plan = await getDealPlan(seller, dealId);
    return { plan: plan ? toPlanView(plan) : null };
  }
  const page = await readDealPage(seller, dealId);
  const pageTag = String(form.get("pageTag") ?? "").slice(0, 200);
  // The tag and the parts come from one statement: a write landing after the save shows in both.
  return { ...planParts(seller, page), changeTag: tagAfterOwnSave(pageTag, page.changeTag, savedActivityIds.length) ?? pageTag };
}
