// Every form on a page posts an `intent`; this turns one submission into the one response shape
// the page understands: 400 with field errors, 409 with the stored row, or success.
import { data } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { FieldError, ForbiddenError, NotFoundError, VersionConflictError } from "./http.server";

import type { IntentResult } from "~/forms/intent";

export async function runIntent<Schema extends z.ZodType>(
  formData: FormData,
  schema: Schema,
  formId: string,
  work: (value: z.output<Schema>) => Promise<unknown>,
) {
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return data<IntentResult>({ formId, result: submission.reply() }, { status: 400 });
  }
  try {
    await work(submission.value);
  } catch (error) {
    if (error instanceof FieldError) {
      return data<IntentResult>(
        { formId, result: submission.reply({ fieldErrors: { [error.field]: [error.message] } }) },
        { status: 400 },
      );
    }
    if (error instanceof VersionConflictError) {
      return data<IntentResult>(
        {
          formId,
          // The form resets to the stored row; the banner lists what this user had typed.
          result: submission.reply({ resetForm: true }),
          conflict: { current: toPlain(error.current), yours: submission.payload as Record<string, unknown> },
        },
        { status: 409 },
      );
    }
    throw asResponse(error);
  }
  return data<IntentResult>({ formId, result: submission.reply({ resetForm: true }), ok: true });
}

/** Model errors become 404/403 responses; anything else stays an error (a 500, logged). */
export function asResponse(error: unknown): unknown {
  if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
  if (error instanceof ForbiddenError) return new Response(error.message, { status: 403 });
  return error;
}

function toPlain(value: unknown) {
  return JSON.parse(JSON.stringify(value));
}

export function unknownIntent(): Response {
  return new Response("Unknown action", { status: 400 });
}
