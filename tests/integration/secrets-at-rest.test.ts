// No emailed link or code is ever written to the database in a form that works. Every flow that
// emails a secret runs here with the real `resend` SDK against the local fake Resend server; each
// token that server received is then searched for in every row and, on SQLite, in the raw bytes of
// the database files (main file with its free pages, WAL, shared memory), where old versions of
// pages survive long after a row was changed or deleted.
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKind, sqliteFilePath } from "../../prisma/database-url";
import { startFakeResend, type FakeResend } from "../setup/fake-resend";
import { emailedSecrets, holdsCode, sqliteFilesHolding } from "../setup/secrets-at-rest";

let resend: FakeResend;
// Loaded after the environment points the SDK at the fake server (settings are read once).
let app: {
  db: typeof import("~/utils/db.server");
  mail: typeof import("~/utils/email.server");
  login: typeof import("~/routes/login");
  verify: typeof import("~/routes/auth.verify");
  routes: typeof import("../fixtures/routes");
  buyers: typeof import("../fixtures/buyers");
  world: typeof import("../fixtures/world");
};

beforeAll(async () => {
  resend = await startFakeResend();
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = resend.url;
  app = {
    db: await import("~/utils/db.server"),
    mail: await import("~/utils/email.server"),
    login: await import("~/routes/login"),
    verify: await import("~/routes/auth.verify"),
    routes: await import("../fixtures/routes"),
    buyers: await import("../fixtures/buyers"),
    world: await import("../fixtures/world"),
  };
});

afterAll(async () => {
  await resend.close();
});

const url = () => process.env.DATABASE_URL!;
const onSqlite = () => databaseKind(url()) === "sqlite";

/** Every row of every table, as text. */
async function everyRow(): Promise<string> {
  const { Prisma } = await import("~/generated/prisma/client");
  const client = app.db.prisma as unknown as Record<string, { findMany(): Promise<unknown[]> }>;
  const tables = await Promise.all(Object.values(Prisma.ModelName).map((model) => client[model[0].toLowerCase() + model.slice(1)].findMany()));
  return JSON.stringify(tables, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}

/** Delivers the outbox; a send the fake refused or dropped is retried at once, as the worker would a little later. */
async function deliver() {
  for (let pass = 0; pass < 3; pass++) {
    if ((await app.mail.deliverDueEmails(new Date(Date.now() + 60_000))).failed === 0) return;
  }
}

async function signInAsSeller(email: string, ip: string) {
  const asked = await app.routes.callAction(app.login.action, { path: "/login", form: { email }, ip });
  expect(asked.status).toBe(302);
  await deliver();
}

/** Runs every flow that emails a link or a code, using some of them and leaving others unused. */
async function runEverySecretFlow() {
  const { buyers, world } = app;
  const tenant = await world.createTenant("At rest");

  // A seller's sign-in code and link: the link is used, a second email is left unused.
  const ip = buyers.freshIp();
  await signInAsSeller(tenant.rep.email, ip);
  const signIn = latestSecrets(tenant.rep.email);
  expect((await app.routes.callAction(app.verify.action, { path: "/auth/verify", form: { intent: "link", token: signIn.token }, ip })).status).toBe(302);
  await signInAsSeller(tenant.rep.email, ip);

  // The rep's invitation; the buyer follows its link, then invites a colleague, who is left unused.
  const { deal, plan, buyer } = await world.addDealWithPlan(tenant.repActor);
  await buyers.setAllowedDomains(deal.id, "buyer.example");
  const invited = await buyers.invite(deal.id, [buyer.id]);
  expect(invited.response.status).toBe(303);
  await deliver();
  const invitation = latestSecrets(buyer.email);
  const joined = await buyers.postLink(plan.id, invitation.token);
  const cookie = buyers.buyerCookieOf(joined);
  const colleague = `cal-${world.uniqueSuffix()}@buyer.example`;
  const added = await buyers.buyerPost(plan.id, cookie, { intent: "invite-colleague", name: "Cal", email: colleague, title: "", role: "OTHER" });
  expect(added.status).toBe(303);
  await deliver();

  // A buyer's own code on the plan's page, typed in; a fresh invitation from the used link.
  expect((await buyers.joinPost(plan.id, { intent: "request-code", email: buyer.email }, ip)).status).toBe(303);
  await deliver();
  expect((await buyers.joinPost(plan.id, { intent: "verify-code", email: buyer.email, code: latestSecrets(buyer.email).code }, ip)).status).toBe(302);
  expect((await buyers.joinPost(plan.id, { intent: "renew", token: invitation.token }, ip)).status).toBe(303);
  await deliver();

  // Someone from another domain asks for access, and the rep approves: that email carries a link too.
  const eve = `eve-${world.uniqueSuffix()}@elsewhere.example`;
  await buyers.joinPost(plan.id, { intent: "request-code", email: eve }, ip);
  await deliver();
  expect((await buyers.joinPost(plan.id, { intent: "verify-code", email: eve, code: latestSecrets(eve).code }, ip)).status).toBe(303);
  const request = await app.db.prisma.accessRequest.findFirstOrThrow({ where: { planId: plan.id, email: eve } });
  await buyers.sellerPost(deal.id, { intent: "decide-access", requestId: request.id, decision: "APPROVE" });
  await deliver();
  return { tenant, plan, buyer };
}

/** The link and code of the newest email the provider received for `to`. */
function latestSecrets(to: string) {
  const email = resend.received.findLast((r) => r.body.to === to);
  const [secrets] = emailedSecrets(email ? [email.body] : []);
  if (!secrets?.token || !secrets.code) throw new Error(`No link and code emailed to ${to}`);
  return { token: secrets.token, code: secrets.code };
}

describe("emailed secrets at rest", () => {
  it("are sealed while an email waits for the provider", async () => {
    const tenant = await app.world.createTenant("Waiting");
    resend.failNext(1, 503);
    await app.routes.callAction(app.login.action, { path: "/login", form: { email: tenant.rep.email }, ip: app.buyers.freshIp() });
    await app.mail.deliverDueEmails();
    const waiting = await app.db.prisma.emailOutbox.findFirstOrThrow({ where: { to: tenant.rep.email } });
    expect(waiting.status).toBe("PENDING");
    const rowsWhileWaiting = await everyRow();
    const filesWhileWaiting = onSqlite() ? sqliteSnapshot() : [];

    await deliver();
    const waited = latestSecrets(tenant.rep.email);
    expect(rowsWhileWaiting.includes(waited.token), "a row held the waiting link").toBe(false);
    expect(holdsCode(rowsWhileWaiting, waited.code), "a row held the waiting code").toBe(false);
    expect(
      filesWhileWaiting.some((bytes) => bytes.includes(waited.token)),
      "a database file held the waiting link",
    ).toBe(false);
  }, 60_000);

  it("leave no link or code in any row or database file, used or not", async () => {
    const before = resend.received.length;
    const flows = await runEverySecretFlow();
    const title = flows.plan.title;
    const subjects = resend.received.map((email) => email.body.subject);
    for (const inviter of [flows.tenant.rep.name, flows.buyer.name]) expect(subjects).toContain(`${inviter} invited you to “${title}”`);
    for (const subject of ["Your Mutual sign-in code", `Your code for “${title}”`, `A new link to “${title}”`, `You can now open “${title}”`]) {
      expect(subjects).toContain(subject);
    }

    expect(emailedSecrets(resend.received.slice(before).map((email) => email.body)).filter(({ code }) => code !== null)).toHaveLength(8);
    const secrets = emailedSecrets(resend.received.map((email) => email.body));
    const rows = await everyRow();
    expect(secrets.filter(({ token }) => rows.includes(token)).length, "rows holding an emailed link").toBe(0);
    expect(secrets.filter(({ code }) => holdsCode(rows, code!)).length, "rows holding an emailed code").toBe(0);
    if (onSqlite()) {
      const file = sqliteFilePath(url());
      expect(existsSync(`${file}-wal`)).toBe(true);
      expect(
        sqliteFilesHolding(
          file,
          secrets.map(({ token }) => token),
        ),
      ).toEqual([]);
    }
  }, 120_000);

  it("are deleted securely: SQLite overwrites what a change frees", async () => {
    if (!onSqlite()) return;
    const [{ secure_delete }] = await app.db.prisma.$queryRawUnsafe<Array<{ secure_delete: bigint | number }>>("PRAGMA secure_delete");
    expect(Number(secure_delete)).toBe(1);
  });
});

function sqliteSnapshot(): Buffer[] {
  const file = sqliteFilePath(url());
  return ["", "-wal", "-shm"].filter((suffix) => existsSync(`${file}${suffix}`)).map((suffix) => readFileSync(`${file}${suffix}`));
}
