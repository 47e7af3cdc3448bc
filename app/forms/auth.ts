import { z } from "zod";
import { email } from "./fields";

export const SignInRequestSchema = z.object({ email, redirectTo: z.string().optional() });
export const CodeSchema = z.object({
  email,
  code: z
    .string({ error: "Enter the 6-digit code" })
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from the email"),
  redirectTo: z.string().optional(),
});
export const LinkSchema = z.object({ token: z.string().min(1), redirectTo: z.string().optional() });
