import type { Role } from "~/domain/types";

export interface SettingsLink {
  to: string;
  label: string;
  /** Who sees the link; the page itself checks again. */
  roles: readonly Role[];
}

const EVERYONE = ["REP", "MANAGER", "ADMIN"] as const;
const ADMINS = ["ADMIN"] as const;

export const SETTINGS_LINKS: readonly SettingsLink[] = [
  { to: "/settings", label: "Your profile", roles: EVERYONE },
  { to: "/settings/notifications", label: "Email notifications", roles: EVERYONE },
  { to: "/settings/calendar", label: "Calendar", roles: EVERYONE },
  { to: "/settings/organization", label: "Organization", roles: ADMINS },
  { to: "/settings/people", label: "People", roles: ADMINS },
  { to: "/settings/teams", label: "Teams", roles: ADMINS },
  { to: "/settings/templates", label: "Templates", roles: ADMINS },
  { to: "/settings/audit", label: "Audit log", roles: ADMINS },
  { to: "/settings/api", label: "API tokens", roles: ADMINS },
  { to: "/settings/webhooks", label: "Webhooks", roles: ADMINS },
];

export function settingsLinksFor(role: Role): SettingsLink[] {
  return SETTINGS_LINKS.filter((link) => link.roles.includes(role));
}
