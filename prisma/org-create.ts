// npm run org:create -- --name "Acme" --admin you@acme.com --timezone Europe/Berlin
// Creates an organization, its first admin and the default template on any database, so a real
// deployment can start without the demo data.
import { parseArgs } from "node:util";
import { CommandError, prepareDatabase, runCommand } from "./command";

const USAGE =
  'Usage: npm run org:create -- --name "Acme" --admin you@acme.com [--admin-name "Ada Admin"] [--timezone Europe/Berlin] [--fiscal-year-start 1] [--domains "acme.com"]';

await runCommand(async () => {
  const { values } = parseOptions();
  const { name, admin: adminEmail } = values;
  if (!name || !adminEmail) throw new CommandError(USAGE);

  await prepareDatabase();
  const { createOrganization } = await import("~/models/organization.server");
  const { organization, admin } = await createOrganization({
    name,
    timezone: values.timezone,
    fiscalYearStartMonth: Number(values["fiscal-year-start"]),
    allowedBuyerDomains: values.domains,
    admin: { email: adminEmail, name: values["admin-name"] ?? adminEmail.split("@")[0] },
  });
  console.log(`Created ${organization.name} (${organization.timezone}) with admin ${admin.email}. Sign in at /login.`);
});

function parseOptions() {
  try {
    return parseArgs({
      options: {
        name: { type: "string" },
        admin: { type: "string" },
        "admin-name": { type: "string" },
        timezone: { type: "string", default: "UTC" },
        "fiscal-year-start": { type: "string", default: "1" },
        domains: { type: "string", default: "" },
      },
    });
  } catch (error) {
    throw new CommandError(`${error instanceof Error ? error.message.split("\n")[0] : error}\n${USAGE}`);
  }
}
