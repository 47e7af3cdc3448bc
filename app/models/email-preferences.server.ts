// Which kinds of non-security email a person gets (app/models/email-kinds.ts). A person's own
// choices are EmailPreference rows, by address, since buyers have no account; without one, their
// organization's default holds (Organization.emailKindsOffByDefault). Saving records as the person's
// own choice only the kinds whose state they changed, and writes an audit row for each kind they
// turned off, as the one-click stop does. Security email is never listed: it always goes.
import { KINDS_ERROR } from "~/forms/email-preferences";
import { prisma, type Tx } from "~/utils/db.server";
import { FieldError, NotFoundError, VersionConflictError } from "~/utils/http.server";
import { assertAdmin, type SellerActor } from "./actor.server";
import { isUniqueViolation, recordAuditEvent, type AuditActor } from "./audit.server";
import { EMAIL_KINDS, emailKindsFor, kindsOffByDefault, type EmailAudience, type EmailKindName } from "./email-kinds";

export interface EmailChoice {
  kind: EmailKindName;
  label: string;
  /** Whether the person gets it now. */
  on: boolean;
  /** Their own choice; null when the organization's default decides. */
  ownChoice: boolean | null;
  onByDefault: boolean;
}

export interface DefaultChoice {
  kind: EmailKindName;
  label: string;
  audience: EmailAudience;
  onByDefault: boolean;
}

const ALL_KINDS = Object.keys(EMAIL_KINDS) as EmailKindName[];

async function choicesOf(db: Tx | typeof prisma, email: string, kinds: EmailKindName[], offByDefault: ReadonlySet<string>): Promise<EmailChoice[]> {
  const rows = await db.emailPreference.findMany({ where: { email, kind: { in: kinds } }, select: { kind: true, enabled: true } });
  const own = new Map(rows.map((row) => [row.kind, row.enabled]));
  return kinds.map((kind) => {
    const onByDefault = !offByDefault.has(kind);
    const ownChoice = own.get(kind) ?? null;
    return { kind, label: EMAIL_KINDS[kind].label, on: ownChoice ?? onByDefault, ownChoice, onByDefault };
  });
}

interface Change {
  email: string;
  kinds: EmailKindName[];
  on: ReadonlySet<string>;
  offByDefault: ReadonlySet<string>;
  audit: { organizationId: string | null; actor: AuditActor; ip?: string | null };
  /**
   * Store every box as the person's own choice, even one that matches the default shown. An address
   * on plans of several organizations sees one default, while each organization sends by its own.
   */
  everyChoiceOwn?: boolean;
}

/** Writes the kinds whose state changed as the person's own choice; one audit row per kind turned off. */
async function applyChoices(tx: Tx, change: Change) {
  const current = await choicesOf(tx, change.email, change.kinds, change.offByDefault);
  for (const choice of current) {
    const wanted = change.on.has(choice.kind);
    const changed = wanted !== choice.on;
    if (!changed && !change.everyChoiceOwn) continue;
    await tx.emailPreference.upsert({
      where: { email_kind: { email: change.email, kind: choice.kind } },
      create: { email: change.email, kind: choice.kind, enabled: wanted },
      update: { enabled: wanted },
    });
    if (changed && !wanted) await recordAuditEvent(tx, { ...change.audit, action: "email.opted_out", detail: { emails: choice.kind } });
  }
}

/** Runs a save again when a simultaneous save of the same address created a row first. */
async function once<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return save();
  }
}

function defaultsOf(organization: { emailKindsOffByDefault: string }): DefaultChoice[] {
  const off = kindsOffByDefault(organization.emailKindsOffByDefault);
  return ALL_KINDS.map((kind) => ({ kind, label: EMAIL_KINDS[kind].label, audience: EMAIL_KINDS[kind].audience, onByDefault: !off.has(kind) }));
}

/** The settings page: the person's own choices and timezone; an admin also gets the organization's defaults. */
export async function ownEmailSettings(actor: SellerActor) {
  const user = await prisma.user.findFirst({
    where: { id: actor.userId, organizationId: actor.organizationId },
    select: { email: true, timezone: true, organization: { select: { timezone: true, emailKindsOffByDefault: true, version: true } } },
  });
  if (!user) throw new NotFoundError();
  const { organization } = user;
  return {
    email: user.email,
    timezone: user.timezone ?? "",
    organizationTimezone: organization.timezone,
    choices: await choicesOf(prisma, user.email, emailKindsFor("SELLER"), kindsOffByDefault(organization.emailKindsOffByDefault)),
    defaults: actor.role === "ADMIN" ? { kinds: defaultsOf(organization), version: organization.version } : null,
  };
}

export async function saveOwnEmailSettings(actor: SellerActor, input: { on: string[]; timezone: string }, ip?: string | null) {
  await once(() =>
    prisma.$transaction(async (tx) => {
      const user = await tx.user.findFirst({
        where: { id: actor.userId, organizationId: actor.organizationId },
        select: { id: true, email: true, timezone: true, organization: { select: { emailKindsOffByDefault: true } } },
      });
      if (!user) throw new NotFoundError();
      await applyChoices(tx, {
        email: user.email,
        kinds: emailKindsFor("SELLER"),
        on: new Set(input.on),
        offByDefault: kindsOffByDefault(user.organization.emailKindsOffByDefault),
        audit: { organizationId: actor.organizationId, actor: { email: user.email, userId: user.id }, ip },
      });
      const timezone = input.timezone || null;
      if (timezone !== user.timezone) await tx.user.update({ where: { id: user.id }, data: { timezone } });
    }),
  );
}

/** The kinds that start on for everyone in the organization who made no choice of their own: admins only. */
export async function saveOrganizationEmailDefaults(actor: SellerActor, input: { on: string[]; version: number }, ip?: string | null) {
  assertAdmin(actor);
  const on = new Set(input.on);
  const off = ALL_KINDS.filter((kind) => !on.has(kind)).join(" ");
  await prisma.$transaction(async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId } });
    const conflict = () => new VersionConflictError({ version: organization.version });
    if (organization.version !== input.version) throw conflict();
    if (off === organization.emailKindsOffByDefault) return;
    const saved = await tx.organization.updateMany({
      where: { id: organization.id, version: input.version },
      data: { emailKindsOffByDefault: off, version: { increment: 1 } },
    });
    if (saved.count === 0) throw conflict();
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      action: "settings.updated",
      actor: { email: actor.email, userId: actor.userId },
      subject: { type: "ORGANIZATION", id: organization.id },
      detail: { fields: "emailKindsOffByDefault" },
      ip,
    });
  });
}

/**
 * The people an address belongs to: a user of an organization (seller kinds, that organization's
 * defaults), a buyer on plans (buyer kinds; a kind is off by default only where every organization
 * whose plans they are on turns it off), or both.
 */
async function addressOwner(email: string) {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, organizationId: true, organization: { select: { emailKindsOffByDefault: true } } },
  });
  const buyerOrganizations = await prisma.organization.findMany({
    where: { participants: { some: { email, side: "BUYER" } } },
    select: { emailKindsOffByDefault: true },
  });
  const isBuyer = buyerOrganizations.length > 0 || !user;
  const kinds = ALL_KINDS.filter((kind) => (user && emailKindsFor("SELLER").includes(kind)) || (isBuyer && emailKindsFor("BUYER").includes(kind)));
  const offSets = user
    ? [kindsOffByDefault(user.organization.emailKindsOffByDefault)]
    : buyerOrganizations.map((o) => kindsOffByDefault(o.emailKindsOffByDefault));
  const offByDefault = new Set(ALL_KINDS.filter((kind) => offSets.length > 0 && offSets.every((set) => set.has(kind))));
  return { user, kinds, offByDefault };
}

/** The page a signed link opens (no sign-in): the choices of whoever the address belongs to. */
export async function emailChoicesByAddress(email: string): Promise<EmailChoice[]> {
  const address = email.toLowerCase();
  const { kinds, offByDefault } = await addressOwner(address);
  return choicesOf(prisma, address, kinds, offByDefault);
}

export async function saveEmailChoicesByAddress(email: string, on: string[], ip?: string | null) {
  const address = email.toLowerCase();
  const { user, kinds, offByDefault } = await addressOwner(address);
  if (!on.every((kind) => (kinds as string[]).includes(kind))) throw new FieldError("on", KINDS_ERROR);
  await once(() =>
    prisma.$transaction((tx) =>
      applyChoices(tx, {
        email: address,
        kinds,
        on: new Set(on),
        offByDefault,
        audit: { organizationId: user?.organizationId ?? null, actor: { email: address, userId: user?.id }, ip },
        everyChoiceOwn: true,
      }),
    ),
  );
}
