// The editors. A seller works on the deal page with JavaScript, as its hydrated page posts: the
// form goes to the route's `.data` address and answers with what the save changed; the page
// reloads its loaders only after a refused save, or when its poll finds someone else's change. A
// buyer works on the plan page without JavaScript, as that page is built: a form post, a 303, and
// the page it points to. Each picks a step from the page it just read and posts with that step's
// version, so a save made after someone else's is a stale write and must get a 409.
import { addDays } from "~/domain/dates";
import type { Browser } from "./browser";
import { formsByMilestone, formsOf, type FormFields } from "./html-forms";
import { dealPageView, milestoneFormFields, savedChangesView } from "./remix-data";

/** One write as the editor sent it, for the audit. */
export interface WriteRecord {
  side: "seller" | "buyer";
  intent: "redate" | "complete" | "reopen" | "confirm" | "comment";
  milestoneId: string;
  /** The version the form carried; comments carry none. */
  baseVersion: number | null;
  /** The new date, or the comment's text. */
  value: string;
  status: number;
  saved: boolean;
}

export interface Run {
  dealId: string;
  planId: string;
  today: string;
  until: number;
  thinkMs: number;
  writes: WriteRecord[];
}

const pick = <T>(items: T[]): T | undefined => items[Math.floor(Math.random() * items.length)];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const think = (run: Run) => (run.thinkMs > 0 ? pause(run.thinkMs * (0.5 + Math.random())) : Promise.resolve());

/** A date within the next three months that differs from the current one, so every accepted redate changes the row. */
function anotherDate(run: Run, current: string | undefined): string {
  for (;;) {
    const date = addDays(run.today, 1 + Math.floor(Math.random() * 90));
    if (date !== current) return date;
  }
}

/** How often an open deal page asks whether anything changed (app/components/use-live-updates.ts). */
const POLL_MS = 10_000;

export async function sellerEditor(browser: Browser, run: Run, opened: string) {
  const page = `/deals/${run.dealId}`;
  // The page was opened before the clock started (openPages); from then on Remix asks for `.data`.
  const reload = async () => dealPageView((await browser.get(`${page}.data`)).body);
  let view = (await dealPageView(opened)) ?? (await reload());
  // Every open page polls on its own clock.
  let nextPoll = Date.now() + POLL_MS * Math.random();
  const pollIfDue = async () => {
    if (Date.now() < nextPoll) return;
    nextPoll = Date.now() + POLL_MS;
    const asked = await browser.get(`/deals/${run.dealId}/changes`, { "If-None-Match": view?.changeTag ?? "" });
    if (asked.status !== 304) view = (await reload()) ?? view;
  };
  while (Date.now() < run.until) {
    await think(run);
    await pollIfDue();
    const milestone = pick(view?.milestones ?? []);
    if (Date.now() >= run.until) break;
    if (!milestone || !view) {
      view = await reload();
      continue;
    }
    const fields = milestoneFormFields(milestone);
    let record: Pick<WriteRecord, "intent" | "value">;
    if (Math.random() < 0.5) {
      record = { intent: "redate", value: anotherDate(run, milestone.targetDate) };
      fields.set("targetDate", record.value);
    } else {
      record = milestone.status === "DONE" ? { intent: "reopen", value: "IN_PROGRESS" } : { intent: "complete", value: "DONE" };
      fields.set("status", record.value);
    }
    // The hydrated page asks for what changed (app/components/plan-editor/saved-changes.tsx).
    fields.set("answer", "changes");
    fields.set("pageTag", view.changeTag);
    const answer = await browser.post(`${page}.data`, fields);
    const saved = answer.status === 200;
    run.writes.push({ side: "seller", milestoneId: milestone.id, baseVersion: milestone.version, status: answer.status, saved, ...record });
    // The answer, saved or refused as stale (409), carries the page's new parts.
    view = (await savedChangesView(answer.body, view)) ?? (await reload()) ?? view;
    await think(run);
    await pollIfDue();
  }
}

/**
 * Every editor opens their page before the clock starts, a few at a time, as people arrive, and
 * starts from what it shows: the buyer's page, and the seller page's loader data (read as `.data`
 * here, where the hydrated page reads it from the document). Reading them again when the clock
 * starts would send every editor's read in the same instant, which no group of people does.
 */
export async function openPages(browsers: Browser[], run: Pick<Run, "dealId" | "planId">, atOnce = 4) {
  const opened = new Map<Browser, string>();
  const queue = [...browsers];
  const opener = async () => {
    for (let browser = queue.shift(); browser; browser = queue.shift()) {
      const document = await browser.get(browser.side === "seller" ? `/deals/${run.dealId}` : `/p/${run.planId}`);
      opened.set(browser, browser.side === "seller" ? (await browser.get(`/deals/${run.dealId}.data`)).body : document.body);
    }
  };
  await Promise.all(Array.from({ length: atOnce }, opener));
  return opened;
}

export async function buyerEditor(browser: Browser, run: Run, opened: string) {
  const page = `/p/${run.planId}`;
  let html = opened;
  while (Date.now() < run.until) {
    await think(run);
    const choice = Math.random();
    let next: string | null;
    if (choice < 0.35) next = await buyerRedate(browser, run, html);
    else if (choice < 0.7) next = await buyerCompletes(browser, run, html);
    else next = await buyerComments(browser, run, html);
    await think(run);
    html = next ?? (await browser.get(page)).body;
  }
}

/** Posts a buyer form; a saved one answers 303 and the browser follows it to the page. */
async function postAndFollow(browser: Browser, run: Run, action: string, fields: FormFields, record: Omit<WriteRecord, "status" | "saved" | "side">) {
  // A form's action is relative to the page it is on ("?" is the page without its query).
  const target = new URL(action, `http://page/p/${run.planId}`);
  const answer = await browser.post(`${target.pathname}${target.search}`, fields);
  const saved = answer.status === 303;
  run.writes.push({ side: "buyer", ...record, status: answer.status, saved });
  if (saved && answer.location) return (await browser.get(answer.location)).body;
  return answer.status === 409 || answer.status === 400 ? answer.body : null;
}

async function buyerRedate(browser: Browser, run: Run, html: string) {
  const milestoneId = pick([...html.matchAll(/data-milestone-id="([^"]+)"/g)].map((m) => m[1]));
  if (!milestoneId) return null;
  // The date form opens on its own address (the "Change date or owner" link), read like any page.
  const opened = await browser.get(`/p/${run.planId}?change=${encodeURIComponent(milestoneId)}`);
  const form = formsByMilestone(opened.body, "redate").get(milestoneId);
  if (!form) return opened.body;
  await think(run);
  const fields = new Map(form.fields);
  const value = anotherDate(run, fields.get("targetDate"));
  fields.set("targetDate", value);
  fields.set("reason", "Moved under load");
  return postAndFollow(browser, run, form.action, fields, { intent: "redate", milestoneId, baseVersion: Number(fields.get("version")), value });
}

/** Confirms a step the seller marked done, or marks one of the buyer's own steps done. */
async function buyerCompletes(browser: Browser, run: Run, html: string) {
  const confirm = pick([...formsByMilestone(html, "confirm").values()]);
  const form = confirm ?? pick([...formsByMilestone(html, "mark-done").values()]);
  if (!form) return buyerComments(browser, run, html);
  const milestoneId = form.fields.get("milestoneId")!;
  const intent = confirm ? "confirm" : "complete";
  return postAndFollow(browser, run, form.action, form.fields, { intent, milestoneId, baseVersion: Number(form.fields.get("version")), value: "DONE" });
}

let commentCount = 0;

async function buyerComments(browser: Browser, run: Run, html: string) {
  const form = pick(formsOf(html).filter((f) => f.fields.get("intent") === "comment" && f.fields.get("milestoneId")));
  if (!form) return null;
  const fields = new Map(form.fields);
  const value = `Load comment ${process.pid}-${++commentCount}`;
  fields.set("body", value);
  return postAndFollow(browser, run, form.action, fields, { intent: "comment", milestoneId: fields.get("milestoneId")!, baseVersion: null, value });
}
