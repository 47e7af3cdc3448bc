import { z } from "zod";
import { DATABASE_URL_RULE, DEFAULT_DATABASE_URL, kindOfDatabaseUrl } from "../../prisma/database-url";

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** `file:` for the embedded SQLite database, `postgresql://` for a PostgreSQL server. */
    DATABASE_URL: z
      .string()
      .refine((url) => kindOfDatabaseUrl(url) !== undefined, DATABASE_URL_RULE)
      .default(DEFAULT_DATABASE_URL),
    /** Public base URL used in emailed links, e.g. https://mutual.example.com */
    APP_URL: z.url().optional(),
    /** Signs the session cookie; several comma-separated values allow rotation (first signs). */
    SESSION_SECRET: z.string().min(16).optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    EMAIL_FROM: z.string().min(3).default("Mutual <mutual@localhost>"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    // In production a missing setting is a startup error, never a silent fallback.
    for (const key of ["APP_URL", "SESSION_SECRET", "RESEND_API_KEY"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: `${key} is required in production` });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

export function isProduction(): boolean {
  return env().NODE_ENV === "production";
}

export function sessionSecrets(): string[] {
  const secret = env().SESSION_SECRET;
  return secret ? secret.split(",").map((s) => s.trim()) : ["mutual-development-secret-not-for-production"];
}

/** Base URL for links in emails; outside production it falls back to the request's origin. */
export function appUrl(request?: Request): string {
  const configured = env().APP_URL;
  if (configured) return configured.replace(/\/$/, "");
  if (request) return new URL(request.url).origin;
  return "http://localhost:5173";
}
