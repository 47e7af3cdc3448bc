// Creating a tenant. This runs before anyone can sign in (npm run org:create, the seed, a verified
// workspace sign-up), so it takes no actor; no route reaches it but through a proven address.
import { prisma } from "~/utils/db.server";
import { recordAuditEvent } from "./audit.server";
import { isValidTimeZone } from "~/domain/dates";
import { DEFAULT_TEMPLATE_NAME, DEFAULT_TEMPLATE_STEPS } from "~/domain/default-template";

export interface NewOrganization {
  name: string;
  timezone: string;
  fiscalYearStartMonth?: number;
  allowedBuyerDomains?: string;
  admin: { email: string; name: string };
}

/** A workspace made from the app is an audited act of its first admin; how they proved their address goes in the row. */
export interface CreatedBySignUp {
  via: "link" | "code";
  ip?: string | null;
}

export async function createOrganization(input: NewOrganization, signUp?: CreatedBySignUp) {
  if (!isValidTimeZone(input.timezone)) throw new Error(`Unknown timezone: ${input.timezone}`);
  const month = input.fiscalYearStartMonth ?? 1;
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error("The fiscal year start month must be 1 to 12");
  const email = input.admin.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`Not an email address: ${input.admin.email}`);
  if (await prisma.user.findUnique({ where: { email } })) throw new Error(`${email} already belongs to an organization`);

  return prisma.$transaction(async (tx) => {
    const organization = await tx.organization.create({
      data: {
        name: input.name,
        timezone: input.timezone,
        fiscalYearStartMonth: month,
        allowedBuyerDomains: input.allowedBuyerDomains ?? "",
      },
    });
    const admin = await tx.user.create({
      data: { organizationId: organization.id, email, name: input.admin.name, role: "ADMIN" },
    });
    await tx.template.create({
      data: {
        organizationId: organization.id,
        name: DEFAULT_TEMPLATE_NAME,
        isDefault: true,
        milestones: {
          create: DEFAULT_TEMPLATE_STEPS.map((step, index) => ({ ...step, position: index + 1 })),
        },
      },
    });
    if (signUp) {
      await recordAuditEvent(tx, {
        organizationId: organization.id,
        action: "organization.created",
        actor: { email, userId: admin.id },
        subject: { type: "ORGANIZATION", id: organization.id },
        detail: { via: signUp.via },
        ip: signUp.ip,
      });
    }
    return { organization, admin };
  });
}
