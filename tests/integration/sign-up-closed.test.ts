// A deployment that closed sign-up (SIGN_UP=closed) makes workspaces by invitation or
// `npm run org:create` only: /signup says so, and its posts are refused.
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SIGN_UP = "closed";
});

import { prisma } from "~/utils/db.server";
import { issueVerification } from "~/models/verification.server";
import * as signup from "~/routes/signup";
import * as login from "~/routes/login";
import { callLoader } from "../fixtures/routes";
import { freshIp } from "../fixtures/buyers";
import { postSignUp, postSignUpCode, workspaceForm } from "../fixtures/sign-up";

afterAll(() => {
  delete process.env.SIGN_UP;
});

describe("closed sign-up", () => {
  it("shows the form as closed, and the sign-in page offers no sign-up", async () => {
    expect((await callLoader(signup.loader, { path: "/signup" })).body).toEqual({ open: false, zones: [] });
    expect((await callLoader(login.loader, { path: "/login" })).body).toEqual({ signUpOpen: false });
  });

  it("refuses a sign-up post with 403, sending nothing and storing nothing", async () => {
    const form = workspaceForm();
    const response = await postSignUp(form, freshIp());
    expect(response.status).toBe(403);
    expect(response.body).toBe("This deployment creates workspaces by invitation only.");
    expect(await prisma.verification.count({ where: { target: form.email } })).toBe(0);
    expect(await prisma.emailOutbox.count({ where: { to: form.email } })).toBe(0);
  });

  it("refuses a code sent before sign-up closed, and creates nothing", async () => {
    const { email, ...workspace } = workspaceForm();
    const payload = JSON.stringify({ workspace: { ...workspace, fiscalYearStartMonth: 4 } });
    const { code } = await prisma.$transaction((tx) => issueVerification(tx, { type: "SELLER_SIGN_UP", target: email, payload }));
    const response = await postSignUpCode(email, code, freshIp());
    expect(response.status).toBe(403);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("still takes the join path: joining an organization is that organization's choice", async () => {
    const response = await postSignUp({ intent: "join", email: workspaceForm().email, name: "Joiner" }, freshIp());
    expect(response.status).toBe(303);
  });
});
