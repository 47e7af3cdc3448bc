// npm run org:create -- --name "Acme" --admin you@acme.com --timezone Europe/Berlin
// Creates an organization, its first admin and the default template on any database, so a real
// deployment can start without the demo data.
import { parseArgs } from "node:util";
import { migrateDatabase } from "./migrate";

const { values } = parseArgs({
  options: {
    name: { type: "string" },
    admin: { type: "string" },
    "admin-name": { type: "string" },
    timezone: { type: "string", default: "UTC" },
    "fiscal-year-start": { type: "string", default: "1" },
    domains: { type: "string", default: "" },
  },
});

if (!values.name || !values.admin) {
  console.error('Usage: npm run org:create -- --name "Acme" --admin you@acme.com [--admin-name "Ada Admin"] [--timezone Europe/Berlin] [--fiscal-year-start 1] [--domains "acme.com"]');
  process.exit(2);
}

await migrateDatabase();
const { createOrganization } = await import("~/models/organization.server");
try {
  const { organization, admin } = await createOrganization({
    name: values.name,
    timezone: values.timezone!,
    fiscalYearStartMonth: Number(values["fiscal-year-start"]),
    allowedBuyerDomains: values.domains,
    admin: { email: values.admin, name: values["admin-name"] ?? values.admin.split("@")[0] },
  });
  console.log(`Created ${organization.name} (${organization.timezone}) with admin ${admin.email}. Sign in at /login.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
