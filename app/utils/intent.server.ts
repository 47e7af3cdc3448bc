// Every form on a page posts an `intent`; this turns one submission into the one response shape
// the page understands: 400 with field errors, 409 with the stored row, or success.
import { data } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { FieldError, ForbiddenError, NotFoundError, VersionConflictError } from "./http.server";
import { newNoticeId, redirectWithNotice } from "./flash.server";

import type { IntentResult } from "~/forms/intent";

/** One submission's answer: the status, and the result the page shows beside the form. */
export interface IntentOutcome {
  status: 200 | 400 | 409;
  result: IntentResult;
}

export async function intentOutcome<Schema extends z.ZodType>(
  formData: FormData,
  schema: Schema,
  formId: string,
  work: (value: z.output<Schema>) => Promise<unknown>,
): Promise<IntentOutcome> {
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return { status: 400, result: { formId, result: submission.reply() } };
  try {
    await work(submission.value);
  } catch (error) {
    if (error instanceof FieldError) {
      return { status: 400, result: { formId, result: submission.reply({ fieldErrors: { [error.field]: [error.message] } }) } };
    }
    if (error instanceof VersionConflictError) {
      return {
        status: 409,
        result: {
          formId,
          // The form resets to the stored row; the banner lists what this user had typed.
          result: submission.reply({ resetForm: true }),
          conflict: { current: toPlain(error.current), yours: submission.payload as Record<string, unknown> },
        },
      };
    }
    throw asResponse(error);
  }
  return { status: 200, result: { formId, result: submission.reply({ resetForm: true }), ok: true } };
}

/** Where a successful post is shown: the element's anchor on the page, and the words ("Saved"). */
export interface Saved {
  anchor: string;
  message?: string;
  /** Another page than the one posted to, e.g. the deal a new-deal form created. */
  path?: string;
}

/**
 * intentOutcome as a seller page's answer (Post/Redirect/Get): a success is a 303 to the page at
 * the changed element, with a notice shown once; a refusal is the 400/409 result the page renders
 * beside the form, with what was typed. Where the intent can say what it changed (`changes`) and
 * the hydrated page asked, a success or a 409 answers with those parts instead (see below).
 */
export async function runIntent<Schema extends z.ZodType>(
  formData: FormData,
  schema: Schema,
  formId: string,
  page: string,
  work: (value: z.output<Schema>) => Promise<Saved>,
  changes?: () => Promise<unknown>,
) {
  let saved: Saved | undefined;
  const { status, result } = await intentOutcome(formData, schema, formId, async (value) => {
    saved = await work(value);
  });
  // A hydrated page that can show what changed asks for it (its form posts `answer=changes`): a
  // save or a refused stale save then carries the page's new parts, and no loader runs again.
  // A form without JavaScript still gets the 303.
  const answerChanges = changes && formData.get("answer") === "changes" && (status === 200 || status === 409);
  if (status === 200 && saved) {
    const notice = { formId, anchor: saved.anchor, message: saved.message ?? "Saved" };
    if (answerChanges) return data<IntentResult>({ ...result, notice: { ...notice, id: newNoticeId() }, changes: await readChanges(changes) });
    return redirectWithNotice(saved.path ?? page, notice);
  }
  if (answerChanges) return data<IntentResult>({ ...result, changes: await readChanges(changes) }, { status });
  return data<IntentResult>(result, { status });
}

/** The page's new parts: a deal that vanished or was hidden since the save is a 404, as on any read. */
function readChanges(changes: () => Promise<unknown>) {
  return changes().catch((error) => {
    throw asResponse(error);
  });
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
