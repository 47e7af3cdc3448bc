import { z } from "zod";
import { requiredText } from "./fields";

export const CreateApiTokenSchema = z.object({
  name: requiredText("Name", 80),
  scope: z.enum(["READ", "READ_WRITE"], { error: "Choose what the token may do" }),
});

export const RevokeApiTokenSchema = z.object({ tokenId: z.string().min(1) });
