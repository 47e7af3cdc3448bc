// Runs before each test file: gives it a fresh copy of the migrated template database, so test
// files never see each other's rows and never touch the development database.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { TEMPLATE_DB, TMP } from "./paths";

const file = path.join(TMP, `vitest-${process.env.VITEST_POOL_ID ?? "0"}-${randomBytes(4).toString("hex")}.db`);
copyFileSync(TEMPLATE_DB, file);
process.env.DATABASE_URL = `file:${file}`;
