// Email domains, as domain lists are stored (organizations' and plans'): lower case, without "@",
// separated by spaces (app/forms/fields.ts, domainList). Reading tolerates commas and a leading "@".

/** "Ana@Acme.com" → "acme.com"; "" for anything without an "@". */
export function domainOf(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).toLowerCase();
}

/** The domains of a stored list. */
export function domainsIn(list: string): string[] {
  return list
    .toLowerCase()
    .split(/[\s,;]+/)
    .map((domain) => domain.replace(/^@/, ""))
    .filter(Boolean);
}

/** Whether a stored list holds the domain of `email`. */
export function listsDomainOf(list: string, email: string): boolean {
  const domain = domainOf(email);
  return domain !== "" && domainsIn(list).includes(domain);
}
