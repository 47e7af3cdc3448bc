import path from "node:path";
import { TMP } from "./paths";

/** The SQLite file the end-to-end servers share (tests/setup/e2e-servers.ts). */
export const E2E_DB = path.join(TMP, "e2e.db");
