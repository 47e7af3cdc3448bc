// Runs before each test file of the postgresql project: gives it a fresh copy of the migrated
// template database (CREATE DATABASE … TEMPLATE copies files, so it takes a fraction of a second).
import { randomBytes } from "node:crypto";
import { TEMPLATE_DATABASE, TEST_DATABASE_PREFIX, testDatabaseUrl, withAdminClient } from "./postgres";

const name = `${TEST_DATABASE_PREFIX}_${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(4).toString("hex")}`;
await withAdminClient((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`));
process.env.DATABASE_URL = testDatabaseUrl(name);
