// The buyer plan page is complete without JavaScript: every action is a form that posts and is
// answered with a redirect back to the page. This small script, sent instead of React and the
// Remix runtime, makes it pleasant: forms post in place (the page keeps its scroll, its focus and
// whatever else is being typed), a button shows it is working, and other people's changes appear
// while the page is open. It asks for them with the page's validator, so an unchanged plan costs
// the server one small read and a 304.
import { TIMEZONE_COOKIE } from "./timezone-cookie";

const REFRESH_MS = 10_000;
const CONTROLS = "input, select, textarea, button";
const PAGE = "main[data-plan-page]";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement;

let submitting = 0;
let lastApplied = document.querySelector(PAGE)?.outerHTML ?? "";
/** The validator of the page shown (ETag), sent with every refresh; a new one comes with each page fetched. */
let changeTag = document.querySelector<HTMLElement>(PAGE)?.dataset.changeTag ?? "";

/** A control whose value the user changed from what the server rendered. */
function edited(control: Element): boolean {
  if (control instanceof HTMLInputElement) {
    if (control.type === "hidden") return false;
    if (control.type === "checkbox" || control.type === "radio") return control.checked !== control.defaultChecked;
    return control.value !== control.defaultValue;
  }
  if (control instanceof HTMLTextAreaElement) return control.value !== control.defaultValue;
  if (control instanceof HTMLSelectElement) {
    const initial = [...control.options].findIndex((option) => option.defaultSelected);
    return control.selectedIndex !== Math.max(initial, 0);
  }
  return false;
}

/** Holds something the user is in the middle of: the focus, or a value they changed. */
function inUse(element: Element, settled?: Element): boolean {
  if (settled?.contains(element)) return false;
  const active = document.activeElement;
  // Focus counts too, on a button or a summary as much as a field: keyboard users keep their place.
  if (active && active !== document.body && element.contains(active) && !settled?.contains(active)) return true;
  const controls = element.matches(CONTROLS) ? [element] : [...element.querySelectorAll(CONTROLS)];
  return controls.some((control) => edited(control) && !settled?.contains(control));
}

/** `<details>` the user opened stay open when their content is replaced. */
function keepOpen(current: Element, next: Element) {
  const open = [current, ...current.querySelectorAll("details")].filter((d) => d.matches("details[open][id]"));
  for (const details of open) {
    const twin = next.id === details.id ? next : next.querySelector(`#${CSS.escape(details.id)}`);
    if (twin instanceof HTMLDetailsElement) twin.open = true;
  }
}

/**
 * Brings `current` to `next`, except what the user is in the middle of. A form in use keeps all
 * its fields, the hidden version included: saving it after someone else's change must give the
 * conflict, never silently overwrite their change. Text, badges and labels around it update.
 */
function morph(current: Element, next: Element, settled?: Element, inFormInUse = false) {
  const isControl = current.matches(CONTROLS);
  if (isControl && (inFormInUse || inUse(current, settled))) return;
  if (!inUse(current, settled) && !(inFormInUse && current.querySelector(CONTROLS))) {
    keepOpen(current, next);
    current.replaceWith(next);
    return;
  }
  const formInUse = inFormInUse || current.tagName === "FORM";
  const children = [...current.children];
  const nextChildren = [...next.children];
  // Steps carry their ids: a step that moved (re-dated, so re-sorted) is not paired with its neighbour.
  const sameShape =
    children.length === nextChildren.length && children.every((child, i) => child.tagName === nextChildren[i].tagName && child.id === nextChildren[i].id);
  if (!sameShape) return; // steps were added, removed or reordered around the user's typing: that waits for the next refresh
  children.forEach((child, i) => morph(child, nextChildren[i], settled, formInUse));
}

/** Puts a fetched page in place of this one; false when it is not this page (an error page). */
function apply(html: string, settled?: Element): boolean {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const next = doc.querySelector<HTMLElement>(PAGE);
  const current = document.querySelector(PAGE);
  if (!next || !current) return false;
  changeTag = next.dataset.changeTag ?? "";
  if (next.outerHTML === lastApplied && !settled) return true;
  lastApplied = next.outerHTML;
  document.title = doc.title;
  morph(current, next, settled);
  return true;
}

function showPage(html: string) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  document.title = doc.title;
  document.body.replaceWith(document.adoptNode(doc.body));
}

/** What a form is about: its intent and the row it acts on, the same before and after a save. */
function formKey(form: HTMLFormElement): string {
  const value = (name: string) => form.querySelector<HTMLInputElement>(`input[type=hidden][name="${name}"]`)?.value ?? "";
  return `${value("intent")}:${value("milestoneId")}:${value("participantId")}`;
}

function formWithKey(key: string): HTMLFormElement | undefined {
  return [...document.querySelectorAll("form")].find((f) => formKey(f) === key);
}

function restoreValues(key: string, values: FormData) {
  const form = formWithKey(key);
  if (!form) return;
  for (const control of form.querySelectorAll<Control>("input:not([type=hidden]), select, textarea")) {
    const value = values.get(control.name);
    if (control.name && typeof value === "string" && control.type !== "checkbox" && control.type !== "radio") control.value = value;
  }
  form.querySelector("[aria-invalid=true], [role=alert]")?.scrollIntoView({ block: "nearest" });
}

/**
 * Where the focus was in a form, so that it can return to the same control of the same form once
 * the page around it is replaced; if the form is gone (a confirmed step), to the step's card.
 */
function focusPlace(form: HTMLFormElement) {
  const index = [...form.elements].indexOf(document.activeElement as Element);
  const card = form.closest<HTMLElement>("[data-milestone-id]")?.id;
  return { key: formKey(form), index, card };
}

function restoreFocus(place: ReturnType<typeof focusPlace>) {
  if (place.index < 0 || (document.activeElement && document.activeElement !== document.body)) return;
  const control = formWithKey(place.key)?.elements[place.index];
  if (control instanceof HTMLElement) return control.focus({ preventScroll: true });
  const card = place.card ? document.getElementById(place.card) : null;
  if (!card) return;
  card.tabIndex = -1;
  card.focus({ preventScroll: true });
}

/** The same state `Button pending` renders; the spinner is CSS on aria-busy (app/tailwind.css). */
function setPending(button: HTMLElement | null, pending: boolean) {
  if (!(button instanceof HTMLButtonElement)) return;
  button.disabled = pending;
  if (pending) button.setAttribute("aria-busy", "true");
  else button.removeAttribute("aria-busy");
}

function formBody(values: FormData): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of values) if (typeof value === "string") body.append(name, value);
  return body;
}

async function submit(form: HTMLFormElement, submitter: HTMLElement | null) {
  const values = new FormData(form, submitter);
  const key = formKey(form);
  const focus = focusPlace(form);
  setPending(submitter, true);
  submitting++;
  try {
    // A saved form is answered 303 to the page; fetch follows it, so the answer is the page either way.
    const response = await fetch(form.action, { method: "POST", body: formBody(values), headers: { Accept: "text/html" }, cache: "no-store" });
    const html = await response.text();
    const answeredAt = new URL(response.url);
    if (answeredAt.pathname !== location.pathname) return location.assign(response.url);
    const answered = [200, 400, 409].includes(response.status) && apply(html, form);
    if (!answered) return showPage(html);
    // The address follows the answer (a saved date closes its step's forms), so refreshes agree.
    history.replaceState(null, "", answeredAt.pathname + answeredAt.search);
    // Refused input comes back with what was typed; a conflict shows the stored row, and the
    // notice beside it lists what was typed with a button to keep it.
    if (response.status === 400) restoreValues(key, values);
    restoreFocus(focus);
  } catch {
    setPending(submitter, false);
    const note = document.createElement("p");
    note.setAttribute("role", "alert");
    note.className = "mt-1 text-sm text-red-700";
    note.textContent = "Could not reach the server. What you entered is still here: try again.";
    form.append(note);
  } finally {
    submitting--;
  }
}

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method !== "post" || event.defaultPrevented) return;
  event.preventDefault();
  if (form.querySelector("[aria-busy=true]")) return;
  void submit(form, event.submitter);
});

/**
 * Links marked data-inplace change what this page shows (a step's date and owner forms open or
 * closed): fetched and put in place like a refresh, then the focus moves to what opened.
 */
async function follow(link: HTMLAnchorElement) {
  const url = new URL(link.href);
  try {
    const response = await fetch(url, { headers: { Accept: "text/html" }, cache: "no-store" });
    const html = await response.text();
    if (!response.ok || !apply(html, link)) return showPage(html);
    history.replaceState(null, "", url.pathname + url.search);
    const target = url.hash ? document.getElementById(decodeURIComponent(url.hash.slice(1))) : null;
    const fields = "input:not([type=hidden]), select, textarea, button";
    const focusable = target?.matches(`a, ${fields}`) ? target : target?.querySelector<HTMLElement>(fields);
    focusable?.focus();
  } catch {
    location.assign(url);
  }
}

document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[data-inplace]") : null;
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  void follow(link);
});

async function refresh() {
  if (document.visibilityState !== "visible" || submitting > 0) return;
  try {
    const headers: Record<string, string> = { Accept: "text/html" };
    if (changeTag) headers["If-None-Match"] = changeTag;
    // no-store: the answer reaches this script as the server gave it, a 304 included.
    const response = await fetch(location.href, { headers, cache: "no-store" });
    // Unchanged (304), or signed out or removed meanwhile: the next action shows why; nothing is swapped under the user.
    if (response.status === 200 && submitting === 0) apply(await response.text());
  } catch {
    // Offline for a moment: the next tick tries again.
  }
}

/** Tells the server the reader's timezone, so that reminders reach them in their daytime; set again only when it changes. */
function reportTimeZone() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) return;
  const pair = `${TIMEZONE_COOKIE}=${encodeURIComponent(zone)}`;
  if (document.cookie.split("; ").includes(pair)) return;
  document.cookie = `${pair}; Path=/p; Max-Age=31536000; SameSite=Lax${location.protocol === "https:" ? "; Secure" : ""}`;
}

reportTimeZone();
window.setInterval(() => void refresh(), REFRESH_MS);
document.addEventListener("visibilitychange", () => void refresh());
