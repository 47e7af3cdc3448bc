// Runs once per `vitest run` of the postgresql project: makes sure the server answers, then builds
// a template database from prisma/migrations-postgresql; every test file gets a copy of it.
import { migratePostgresql } from "../../prisma/migrate-postgresql";
import { TEMPLATE_DATABASE, dropTestDatabases, ensurePostgres, testDatabaseUrl, withAdminClient } from "./postgres";

export default async function setup() {
  await ensurePostgres();
  await withAdminClient(async (client) => {
    await dropTestDatabases(client, "all");
    // C collation sorts text byte by byte, as SQLite does, so both databases order rows alike.
    await client.query(`CREATE DATABASE "${TEMPLATE_DATABASE}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C'`);
  });
  await migratePostgresql(testDatabaseUrl(TEMPLATE_DATABASE));
  return () => withAdminClient((client) => dropTestDatabases(client, "all"));
}
