// Who a comment or a note names with "@": a pure reading of the text against the people who may be
// named there. Which people those are (buyers or only the seller side) is the caller's rule.

/** Someone who can be named: an id of the caller's choosing and the name people know them by. */
export interface Mentionable {
  id: string;
  name: string;
}

// "@" after one of these is inside an address (ana@acme.com) or a word, not a mention.
const INSIDE_WORD = /[\p{L}\p{N}._%+-]/u;
// A name ends where no letter or digit follows, so "@Anabel" does not name "Ana".
const NAME_GOES_ON = /[\p{L}\p{N}_]/u;

function normalized(text: string) {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * The ids of the people `text` mentions, in the order first named, each once. A person is named by
 * their full name or, when no one else shares it, by their first name ("@Ana Buyer", "@ana"), in
 * any case. The longest name that fits wins, so "@Ana Maria" names Ana Maria even when an "Ana" is
 * also on the plan; a name more than one person answers to names nobody.
 */
export function findMentions(text: string, people: readonly Mentionable[]): string[] {
  const names = nameIndex(people);
  const longestFirst = [...names.keys()].sort((a, b) => b.length - a.length);
  const body = normalized(text);
  const found: string[] = [];
  for (let at = body.indexOf("@"); at !== -1; at = body.indexOf("@", at + 1)) {
    if (at > 0 && INSIDE_WORD.test(body[at - 1])) continue;
    const rest = body.slice(at + 1);
    const name = longestFirst.find((candidate) => rest.startsWith(candidate) && !NAME_GOES_ON.test(rest.charAt(candidate.length)));
    const ids = name ? names.get(name)! : [];
    if (ids.length === 1 && !found.includes(ids[0])) found.push(ids[0]);
  }
  return found;
}

/** Each name people may type, with who answers to it: full names first, then first names nobody's full name takes. */
function nameIndex(people: readonly Mentionable[]): Map<string, string[]> {
  const full = new Map<string, Set<string>>();
  const first = new Map<string, Set<string>>();
  const add = (index: Map<string, Set<string>>, name: string, id: string) => index.set(name, (index.get(name) ?? new Set()).add(id));
  for (const person of people) {
    const name = normalized(person.name);
    if (!name) continue;
    add(full, name, person.id);
    const firstName = name.split(" ")[0];
    if (firstName !== name) add(first, firstName, person.id);
  }
  const index = new Map<string, string[]>();
  for (const [name, ids] of first) if (!full.has(name)) index.set(name, [...ids]);
  for (const [name, ids] of full) index.set(name, [...ids]);
  return index;
}
