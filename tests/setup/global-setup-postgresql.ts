// Runs once per `vitest run` of the postgresql project: makes sure the server answers, then builds
// a template database from prisma/migrations-postgresql; every test file gets a copy of it.
import { migratePostgresql } from "../../prisma/migrate-postgresql";
import { TEMPLATE_DATABASE, createEmptyDatabase, dropTestDatabases, ensurePostgres, withAdminClient } from "./postgres";

export default async function setup() {
  await ensurePostgres();
  await withAdminClient((client) => dropTestDatabases(client, "all"));
  await migratePostgresql(await createEmptyDatabase(TEMPLATE_DATABASE));
  return () => withAdminClient((client) => dropTestDatabases(client, "all"));
}
