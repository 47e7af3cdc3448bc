// Reads the forms of a server-rendered page as a browser would submit them: hidden inputs, text
// and date inputs, ticked checkboxes, the selected option of each select, and textareas.

export type FormFields = Map<string, string>;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'", "#39": "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (_, name: string) => ENTITIES[name]);
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g)) found.set(match[1].toLowerCase(), decode(match[2] ?? ""));
  return found;
}

function fieldsOf(body: string): FormFields {
  const fields: FormFields = new Map();
  for (const [tag] of body.matchAll(/<input\b[^>]*>/g)) {
    const attrs = attributes(tag.slice(6));
    const name = attrs.get("name");
    if (!name) continue;
    const type = attrs.get("type") ?? "text";
    if ((type === "checkbox" || type === "radio") && !attrs.has("checked")) continue;
    fields.set(name, attrs.get("value") ?? (type === "checkbox" ? "on" : ""));
  }
  for (const [, open, options] of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attributes(open).get("name");
    if (!name) continue;
    const all = [...options.matchAll(/<option\b([^>]*)>/g)].map(([, attrs]) => attributes(attrs));
    const chosen = all.find((o) => o.has("selected")) ?? all[0];
    fields.set(name, chosen?.get("value") ?? "");
  }
  for (const [, open, text] of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attributes(open).get("name");
    if (name) fields.set(name, decode(text));
  }
  return fields;
}

/** Every form on the page, with the address it posts to (empty: the page itself). */
export function formsOf(html: string): Array<{ action: string; fields: FormFields }> {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map(([, open, body]) => ({
    action: attributes(open).get("action") ?? "",
    fields: fieldsOf(body),
  }));
}

/** The forms posting one intent, keyed by the milestone they act on. */
export function formsByMilestone(html: string, intent: string): Map<string, { action: string; fields: FormFields }> {
  const found = new Map<string, { action: string; fields: FormFields }>();
  for (const form of formsOf(html)) {
    const id = form.fields.get("milestoneId");
    if (form.fields.get("intent") === intent && id) found.set(id, form);
  }
  return found;
}
