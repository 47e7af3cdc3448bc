// Every API request goes through `apiRequest`: the bearer token (never a session cookie) names the
// organization, the token's rate limit is counted, a read-only token is refused any write, and
// whatever the model layer throws becomes the one error body, `{ error: { code, message } }`.
import type { z } from "zod";
import { authenticateApiToken, type ApiCaller } from "~/models/api-token.server";
import { FieldError, ForbiddenError, NotFoundError, VersionConflictError } from "~/utils/http.server";
import { clientIp, hit, LIMITS } from "~/utils/rate-limit.server";
import { ErrorBody, type ErrorCode } from "./schemas";

/** A refusal with its status, code and words; `fields` for 400s, `current` for 409s. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: ErrorCode,
    message: string,
    public readonly fields?: Record<string, string[]>,
    public readonly current?: unknown,
  ) {
    super(message);
  }
}

const NO_STORE = { "Cache-Control": "no-store" };

/** A body shaped by its schema: the response holds exactly what the OpenAPI document says. */
export function apiJson<Schema extends z.ZodType>(schema: Schema, value: z.input<Schema>, status = 200, headers: Record<string, string> = {}) {
  return Response.json(schema.parse(value), { status, headers: { ...NO_STORE, ...headers } });
}

function errorResponse(error: ApiError, headers: Record<string, string> = {}) {
  const body = { error: { code: error.code, message: error.message, fields: error.fields, current: error.current as Record<string, unknown> | undefined } };
  return apiJson(ErrorBody, body, error.status, headers);
}

interface Access {
  /** The methods the address answers; any other gets a 405 before the token is even read. */
  allow: readonly string[];
  write: boolean;
  /** The resource as stored, for a 409's body. */
  current?: (caller: ApiCaller) => Promise<unknown>;
}

export async function apiRequest(
  { request, context }: { request: Request; context: unknown },
  access: Access,
  run: (caller: ApiCaller) => Promise<Response>,
): Promise<Response> {
  if (!answers(access.allow, request.method)) return methodNotAllowed(access.allow);
  const caller = await callerOf(request);
  if (!caller) {
    // Unknown tokens count against the address like any other miss: guessing is slow and loud.
    const misses = await hit(LIMITS.missesPerIp, clientIp(context));
    if (!misses.allowed) return rateLimited(misses.retryAfterSeconds);
    return errorResponse(new ApiError(401, "unauthorized", "Send a valid API token as Authorization: Bearer <token>."), { "WWW-Authenticate": "Bearer" });
  }
  const verdict = await hit(LIMITS.apiPerToken, caller.actor.apiToken!.id);
  if (!verdict.allowed) return rateLimited(verdict.retryAfterSeconds);
  if (access.write && caller.scope !== "READ_WRITE") {
    return errorResponse(new ApiError(403, "forbidden", "This token can only read. Ask an admin for a read-write token."));
  }
  try {
    return await run(caller);
  } catch (error) {
    return errorResponse(await asApiError(error, () => access.current?.(caller)));
  }
}

function rateLimited(retryAfterSeconds: number) {
  const retry = String(retryAfterSeconds);
  return errorResponse(new ApiError(429, "rate_limited", `Too many requests. Try again in ${retry} seconds.`), { "Retry-After": retry });
}

async function callerOf(request: Request): Promise<ApiCaller | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("Authorization") ?? "");
  return match ? authenticateApiToken(match[1]) : null;
}

async function asApiError(error: unknown, current: () => Promise<unknown> | undefined): Promise<ApiError> {
  if (error instanceof ApiError) return error;
  if (error instanceof NotFoundError) return notFound();
  if (error instanceof ForbiddenError) return new ApiError(403, "forbidden", error.message);
  if (error instanceof FieldError) return new ApiError(400, "bad_request", "Some fields are not valid.", { [error.field]: [error.message] });
  if (error instanceof VersionConflictError) {
    return new ApiError(
      409,
      "conflict",
      "Someone else changed this first. Read it again and send its current version.",
      undefined,
      await current()?.catch(() => undefined),
    );
  }
  // A model function may refuse with a plain Response (a 404 or 403 of its own).
  if (error instanceof Response && error.status === 404) return notFound();
  if (error instanceof Response && error.status === 403) return new ApiError(403, "forbidden", "You are not allowed to do that.");
  console.error("API request failed", error);
  return new ApiError(500, "internal", "Something went wrong on our side. Try again later.");
}

export function notFound() {
  return new ApiError(404, "not_found", "Not found.");
}

function answers(allow: readonly string[], method: string) {
  return allow.includes(method) || (method === "HEAD" && allow.includes("GET"));
}

/** 405 in the API's error shape, with the methods the address does answer. */
export function methodNotAllowed(allow: readonly string[]) {
  const list = allow.join(", ");
  return errorResponse(new ApiError(405, "method_not_allowed", `This address answers ${list}.`), { Allow: list });
}

/** The loader or action of an address that answers none of its methods. */
export const refuseMethods = (allow: readonly string[]) => async () => methodNotAllowed(allow);

/** Zod's issues as per-field messages: `{ "amount": ["Amount must be a number"] }`; the body itself is "_". */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const add = (key: string, message: string) => (fields[key] ??= []).push(message);
  for (const issue of error.issues) {
    const at = issue.path.join(".");
    // A misspelt or unsupported field would otherwise be dropped without a word.
    if (issue.code === "unrecognized_keys") for (const key of issue.keys) add(at ? `${at}.${key}` : key, "This request has no such field.");
    else add(at || "_", issue.message);
  }
  return fields;
}

export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(400, "bad_request", "Some fields are not valid.", fieldErrors(result.error));
  return result.data;
}

export async function readJson<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.output<Schema>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiError(400, "bad_request", "The body must be a JSON object.");
  }
  return parseInput(schema, body);
}

export function readQuery<Schema extends z.ZodType>(request: Request, schema: Schema): z.output<Schema> {
  return parseInput(schema, Object.fromEntries(new URL(request.url).searchParams));
}
