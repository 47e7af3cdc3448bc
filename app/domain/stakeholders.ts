// The stakeholder map (docs/stakeholders.md): six buying roles against relationship strength, the
// rep's reading where recorded, else a suggestion from buyer engagement on the plan; the roles
// missing with their risk, and the high-risk multi-threading flag that feeds deal health.
import { dayNumber } from "./dates";
import type { DealSnapshot } from "./signal-types";
import { plural } from "./signal-wording";
import { STAKEHOLDER_RULES } from "./thresholds";
import type { CalendarDate } from "./types";

export const STAKEHOLDER_ROLES = ["ECONOMIC_BUYER", "CHAMPION", "TECHNICAL_EVALUATOR", "USER_CHAMPION", "PROCUREMENT", "EXECUTIVE_SPONSOR"] as const;
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];

/** Strongest first. */
export const STRENGTHS = ["STRONG", "LUKEWARM", "WEAK", "UNKNOWN"] as const;
export type Strength = (typeof STRENGTHS)[number];

export const STRENGTH_LABELS: Record<Strength, string> = { STRONG: "Strong", LUKEWARM: "Lukewarm", WEAK: "Weak", UNKNOWN: "Unknown" };

/** Unknown < weak < lukewarm < strong. */
export const STRENGTH_RANK: Record<Strength, number> = { UNKNOWN: 0, WEAK: 1, LUKEWARM: 2, STRONG: 3 };

/** What each role decides and what its absence costs (the multi-threading table of the deal-management playbook). */
export const STAKEHOLDER_ROLE_INFO: Record<StakeholderRole, { label: string; decides: string; risk: string }> = {
  ECONOMIC_BUYER: { label: "Economic buyer", decides: "Final yes or no on budget", risk: "the deal stalls at procurement" },
  CHAMPION: { label: "Champion", decides: "Sells internally on your behalf", risk: "no internal advocacy, the deal goes silent" },
  TECHNICAL_EVALUATOR: { label: "Technical evaluator", decides: "Confirms the product works", risk: "a surprise blocker at solution validation" },
  USER_CHAMPION: { label: "User champion", decides: "Confirms day-to-day fit", risk: "adoption risk surfaces after the sale" },
  PROCUREMENT: { label: "Procurement", decides: "Owns contract terms and vendor risk", risk: "six-week delay at signature" },
  EXECUTIVE_SPONSOR: { label: "Executive sponsor", decides: "Removes blockers, signs off on strategy", risk: "no air cover when the budget cycle tightens" },
};

export interface RepReading {
  role: string;
  strength: string;
}

export interface StakeholderCell {
  role: StakeholderRole;
  strength: Strength;
  /** REP: the rep's reading; SUGGESTED: read from buyer engagement on the plan. */
  source: "REP" | "SUGGESTED";
  /** What engagement suggests, and why, whether or not the rep overrode it. */
  suggested: Strength;
  why: string;
  /** No one is known in the role: its risk is named. */
  missing: boolean;
  risk: string | null;
}

export interface StakeholderMap {
  cells: StakeholderCell[];
  weakOrUnknown: number;
  highRisk: boolean;
  /** The flag's reason, as health lists it; null when not flagged. */
  highRiskReason: string | null;
}

type Participants = DealSnapshot["participants"];

/** Strength read from the plan's buyer participants who hold the role (revoked ones do not count). */
export function suggestStrength(participants: Participants, role: StakeholderRole, today: CalendarDate): { strength: Strength; why: string } {
  const holders = participants.filter((p) => p.side === "BUYER" && p.role === role && p.status !== "REVOKED");
  if (holders.length === 0) return { strength: "UNKNOWN", why: "No buyer on the plan holds this role" };
  const active = holders.filter((p) => p.status === "ACTIVE");
  if (active.length === 0) return { strength: "WEAK", why: "Invited to the plan, never active" };
  const lastSeen = active.reduce<CalendarDate | null>((latest, p) => (p.lastActiveOn && (!latest || p.lastActiveOn > latest) ? p.lastActiveOn : latest), null);
  if (lastSeen === null) return { strength: "LUKEWARM", why: "Active on the plan, last visit unknown" };
  const days = dayNumber(today) - dayNumber(lastSeen);
  if (days < STAKEHOLDER_RULES.recentDays)
    return { strength: "STRONG", why: days <= 0 ? "Active on the plan, seen today" : `Active on the plan, seen ${plural(days, "day")} ago` };
  return { strength: "LUKEWARM", why: `Active on the plan, not seen for ${plural(days, "day")}` };
}

function isStrength(value: string): value is Strength {
  return (STRENGTHS as readonly string[]).includes(value);
}

export function missingRoleRisk(role: StakeholderRole): string {
  const { label, risk } = STAKEHOLDER_ROLE_INFO[role];
  return `${label} missing: ${risk}`;
}

/** The six cells, each the rep's reading when recorded, else the suggestion; and the high-risk flag. */
export function stakeholderMap(
  snapshot: Pick<DealSnapshot, "deal" | "participants" | "stakeholders">,
  today: CalendarDate,
  formatAmount: (amount: number) => string = (a) => a.toLocaleString("en-US"),
): StakeholderMap {
  const readings = new Map((snapshot.stakeholders ?? []).filter((r) => isStrength(r.strength)).map((r) => [r.role, r.strength as Strength]));
  const cells = STAKEHOLDER_ROLES.map((role): StakeholderCell => {
    const suggestion = suggestStrength(snapshot.participants, role, today);
    const reading = readings.get(role);
    const strength = reading ?? suggestion.strength;
    const missing = strength === "UNKNOWN";
    return {
      role,
      strength,
      source: reading ? "REP" : "SUGGESTED",
      suggested: suggestion.strength,
      why: suggestion.why,
      missing,
      risk: missing ? missingRoleRisk(role) : null,
    };
  });
  const weakOrUnknown = cells.filter((c) => c.strength === "WEAK" || c.strength === "UNKNOWN").length;
  const { deal } = snapshot;
  const highRisk =
    deal.outcome === "OPEN" &&
    deal.amount > STAKEHOLDER_RULES.highRiskAmount &&
    deal.stage < STAKEHOLDER_RULES.highRiskBeforeStage &&
    weakOrUnknown >= STAKEHOLDER_RULES.highRiskWeakCells;
  const highRiskReason = highRisk
    ? `High-risk multi-threading: ${weakOrUnknown} of ${cells.length} buying roles weak or unknown on a ${formatAmount(deal.amount)} deal before stage ${STAKEHOLDER_RULES.highRiskBeforeStage}`
    : null;
  return { cells, weakOrUnknown, highRisk, highRiskReason };
}
