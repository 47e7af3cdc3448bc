// The post of a page that takes an emailed link's button or a typed code (sign-in, workspace
// sign-up): rate-limited, parsed, and consumed for the verification types the page accepts.
// A refusal is the answer the page shows; a success hands back the proven address.
import { data } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { CodeSchema, LinkSchema } from "~/forms/auth";
import { consumeCode, consumeLinkToken, type VerificationType, type VerifyFailure } from "~/models/verification.server";
import { LIMITS, clientIp, enforceLimits } from "./rate-limit.server";
import { readForm } from "~/utils/form-data.server";

/** What went wrong, in the words of the page: `thing` is "sign-in link or code", say. */
export function failureMessages(thing: string): Record<VerifyFailure, string> {
  return {
    INVALID: `This ${thing} is not valid.`,
    EXPIRED: `This ${thing} has expired.`,
    USED: `This ${thing} was already used, or a newer one was sent.`,
    TOO_MANY_ATTEMPTS: "Too many wrong codes were entered, so this code no longer works.",
    WRONG_CODE: "That code is not right.",
  };
}

export async function readVerifyPost(request: Request, context: unknown, types: VerificationType[], messages: Record<VerifyFailure, string>) {
  await enforceLimits([LIMITS.verifyPerIp, clientIp(context)]);
  const formData = await readForm(request);
  const viaLink = formData.get("intent") === "link";
  const submission = parseWithZod(formData, { schema: viaLink ? LinkSchema : CodeSchema });
  if (submission.status !== "success") {
    return { ok: false as const, refusal: data({ failure: null, result: submission.reply() }, { status: 400 }) };
  }
  const value = submission.value;
  const ip = clientIp(context);
  const outcome = "token" in value ? await consumeLinkToken(types, value.token) : await consumeCode(types, value.email, value.code, { ip });
  /** A refusal that replaces the form with `failure`, offering a new link. */
  const refuse = (failure: string) => data({ failure, result: submission.reply() }, { status: 400 });

  if (!outcome.ok) {
    if (outcome.reason !== "WRONG_CODE") return { ok: false as const, refusal: refuse(messages[outcome.reason]) };
    const left = outcome.attemptsLeft ?? 0;
    const codeError = `That code is not right. ${left} ${left === 1 ? "try" : "tries"} left.`;
    return { ok: false as const, refusal: data({ failure: null, result: submission.reply({ fieldErrors: { code: [codeError] } }) }, { status: 400 }) };
  }
  return {
    ok: true as const,
    verification: outcome.verification,
    via: "token" in value ? ("link" as const) : ("code" as const),
    redirectTo: value.redirectTo,
    ip,
    refuse,
  };
}
