import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const TMP = path.join(ROOT, "tests", ".tmp");
/** A database made once per test run from the migrations; every test file gets a copy. */
export const TEMPLATE_DB = path.join(TMP, "template.db");
