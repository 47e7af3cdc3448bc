import { z } from "zod";
import { DATABASE_URL_RULE, DEFAULT_DATABASE_URL, kindOfDatabaseUrl } from "../../prisma/database-url";

/** A number of days, such as 7 or 0.5; an empty value means the default. */
function days(fallback: number) {
  return z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce
      .number({ error: `must be a number of days, such as ${fallback}` })
      .positive("must be more than 0 days")
      .max(3650, "must be at most 3650 days")
      .default(fallback),
  );
}

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
    /** A session unused this long ends. */
    SESSION_IDLE_DAYS: days(7),
    /** A session ends this long after sign-in, however often it is used. */
    SESSION_LIFETIME_DAYS: days(30),
    /** `open`: anyone who verifies an email can create a workspace at /signup; `closed`: invitations and `npm run org:create` only. */
    /** `true` lets webhooks reach loopback and private addresses in production (an internal receiver); outside production they always may. */
    WEBHOOK_ALLOW_PRIVATE_URLS: z.preprocess((value) => (value === "" ? undefined : value), z.enum(["true", "false"]).default("false")),
    SIGN_UP: z.preprocess((value) => (value === "" ? undefined : value), z.enum(["open", "closed"], { error: "must be open or closed" }).default("open")),
  })
  .superRefine((env, ctx) => {
    if (env.SESSION_LIFETIME_DAYS > 0 && env.SESSION_IDLE_DAYS > env.SESSION_LIFETIME_DAYS) {
      const message = `must not exceed SESSION_LIFETIME_DAYS (${env.SESSION_IDLE_DAYS} > ${env.SESSION_LIFETIME_DAYS})`;
      ctx.addIssue({ code: "custom", path: ["SESSION_IDLE_DAYS"], message });
    }
    if (env.NODE_ENV !== "production") return;
    // In production a missing setting is a startup error, never a silent fallback.
    for (const key of ["APP_URL", "SESSION_SECRET", "RESEND_API_KEY"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: `${key} is required in production` });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** The settings in `source`, or an error that names every wrong one. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function isProduction(): boolean {
  return env().NODE_ENV === "production";
}

/** Whether anyone may create a workspace at /signup (the SIGN_UP setting). */
export function signUpOpen(): boolean {
  return env().SIGN_UP === "open";
}

export function sessionSecrets(): string[] {
  const secret = env().SESSION_SECRET;
  return secret ? secret.split(",").map((s) => s.trim()) : ["mutual-development-secret-not-for-production"];
}

/** APP_URL without its trailing slash, or null when it is not set. */
export function configuredAppUrl(): string | null {
  return env().APP_URL?.replace(/\/$/, "") ?? null;
}

/** Base URL for links in emails; outside production it falls back to the request's origin. */
export function appUrl(request?: Request): string {
  const configured = configuredAppUrl();
  if (configured) return configured;
  if (request) return new URL(request.url).origin;
  return "http://localhost:5173";
}
