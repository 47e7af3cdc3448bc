// Plan templates (docs/product.md, "Default template"): admins create, edit, reorder, duplicate,
// archive and restore them, each with its audit row; nobody else may; bad input is a 400 that
// keeps what was typed, a stale version a 409 with what is stored now.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as redirectRoute from "~/routes/templates";
import { callLoader } from "../fixtures/routes";
import { cookieFor, createTenant, type Tenant } from "../fixtures/world";
import {
  auditCount,
  defaultTemplateOf,
  editorAction,
  editorForm,
  editorLoader,
  listAction,
  listLoader,
  templateWithSteps,
  type Form,
  type StepForm,
} from "../fixtures/templates";

let A: Tenant;
const cookies = { admin: "", rep: "", manager: "" };

beforeAll(async () => {
  A = await createTenant("Templates", "America/New_York");
  cookies.admin = await cookieFor(A.admin.id);
  cookies.rep = await cookieFor(A.rep.id);
  cookies.manager = await cookieFor(A.manager.id);
});

async function createViaPage(name: string) {
  const response = await listAction(cookies.admin, { intent: "create-template", name, description: "For tests" });
  expect(response.status).toBe(303);
  const id = /\/settings\/templates\/([^#?]+)/.exec(response.headers.get("Location") ?? "")?.[1];
  expect(id).toBeTruthy();
  return id!;
}

const SIX_STEPS: StepForm[] = [
  { title: "Kickoff", dayOffset: 0, ownerSide: "JOINT" },
  { title: "Discovery call", dayOffset: 3, ownerSide: "SELLER", gatesStage: 2 },
  { title: "Security review", dayOffset: 10, ownerSide: "BUYER", ownerRole: "TECHNICAL_EVALUATOR", output: "Questionnaire" },
  { title: "Pricing approval", dayOffset: 12, ownerSide: "SELLER", internalOnly: true },
  { title: "Legal redlines", dayOffset: 20, ownerSide: "BUYER", ownerRole: "LEGAL", gatesStage: 5 },
  { title: "Signature", dayOffset: 30, ownerSide: "BUYER", ownerRole: "ECONOMIC_BUYER", gatesStage: 6 },
];

describe("the template list", () => {
  it("shows the seed template from the start, editable like any other", async () => {
    const response = await listLoader(cookies.admin);
    expect(response.status).toBe(200);
    const body = response.body as { active: { id: string; name: string; steps: number; isDefault: boolean }[]; archived: unknown[] };
    expect(body.active[0]).toMatchObject({ name: "Standard B2B plan", steps: 8, isDefault: true });
    const seed = await defaultTemplateOf(A.organization.id);
    const editorPage = await editorLoader(cookies.admin, seed.id);
    expect(editorPage.status).toBe(200);
    const form = editorForm({ name: "Standard B2B plan (ours)", version: seed.version, steps: [{ title: "Only step", dayOffset: 5 }] });
    expect((await editorAction(cookies.admin, seed.id, form)).status).toBe(303);
    expect((await templateWithSteps(seed.id)).milestones.map((m) => m.title)).toEqual(["Only step"]);
  });

  it("redirects /templates to the settings page", async () => {
    const response = await callLoader(redirectRoute.loader, { path: "/templates" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/settings/templates");
  });
});

describe("editing a template", () => {
  it("creates one, saves six steps with every field, and audits each act", async () => {
    const id = await createViaPage("Enterprise");
    expect(await auditCount(A.organization.id, "template.created", id)).toBe(1);
    const response = await editorAction(cookies.admin, id, editorForm({ name: "Enterprise deal", description: "Six steps", version: 1, steps: SIX_STEPS }));
    expect(response.status).toBe(303);
    const saved = await templateWithSteps(id);
    expect(saved).toMatchObject({ name: "Enterprise deal", description: "Six steps", version: 2 });
    expect(saved.milestones.map((m) => [m.position, m.title, m.dayOffset])).toEqual(SIX_STEPS.map((s, i) => [i + 1, s.title, s.dayOffset]));
    expect(saved.milestones[2]).toMatchObject({
      ownerSide: "BUYER",
      ownerRole: "TECHNICAL_EVALUATOR",
      output: "Questionnaire",
      ownerLabel: "Technical evaluator (buyer)",
    });
    expect(saved.milestones[3].internalOnly).toBe(true);
    expect(saved.milestones[4].gatesStage).toBe(5);
    expect(await auditCount(A.organization.id, "template.updated", id)).toBe(1);
  });

  it.each([
    ["a day past a year", { title: "Late", dayOffset: 366 }, "steps[0].dayOffset"],
    ["a negative day", { title: "Early", dayOffset: -1 }, "steps[0].dayOffset"],
    ["half a day", { title: "Half", dayOffset: "1.5" }, "steps[0].dayOffset"],
    ["no day", { title: "None", dayOffset: "" }, "steps[0].dayOffset"],
    ["no title", { title: " ", dayOffset: 2 }, "steps[0].title"],
    ["an unknown role", { title: "Role", dayOffset: 2, ownerRole: "CEO" }, "steps[0].ownerRole"],
  ])("refuses %s with a 400 naming the field, and changes nothing", async (_name, step, field) => {
    const id = await createViaPage("Strict");
    const response = await editorAction(cookies.admin, id, editorForm({ name: "Strict", version: 1, steps: [step] }));
    expect(response.status).toBe(400);
    const body = response.body as { result: { error: Record<string, string[]>; initialValue: { steps: { title: string }[] } } };
    expect(body.result.error[field]?.length).toBeGreaterThan(0);
    expect(body.result.initialValue.steps[0].title).toBe(step.title);
    expect(await templateWithSteps(id)).toMatchObject({ version: 1, milestones: [] });
  });

  it("holds 50 steps at most", async () => {
    const id = await createViaPage("Long");
    const steps = Array.from({ length: 51 }, (_, i) => ({ title: `Step ${i}`, dayOffset: i }));
    expect((await editorAction(cookies.admin, id, editorForm({ name: "Long", version: 1, steps }))).status).toBe(400);
    expect((await editorAction(cookies.admin, id, editorForm({ name: "Long", version: 1, steps: steps.slice(0, 50), op: "add" }))).status).toBe(400);
    expect((await editorAction(cookies.admin, id, editorForm({ name: "Long", version: 1, steps: steps.slice(0, 50) }))).status).toBe(303);
  });

  it("adds, moves and removes steps, saving what was typed with each", async () => {
    const id = await createViaPage("Moves");
    const titles = async () => (await templateWithSteps(id)).milestones.map((m) => `${m.position}:${m.title}`);
    const post = async (op: string, steps: StepForm[]) => {
      const version = (await templateWithSteps(id)).version;
      expect((await editorAction(cookies.admin, id, editorForm({ name: "Moves", version, steps, op }))).status).toBe(303);
    };
    await post("add", []);
    expect(await titles()).toEqual(["1:New step"]);
    await post("add", [{ title: "First", dayOffset: 4 }]);
    expect((await templateWithSteps(id)).milestones.map((m) => [m.title, m.dayOffset])).toEqual([
      ["First", 4],
      ["New step", 5],
    ]);
    await post("up:1", [
      { title: "First", dayOffset: 4 },
      { title: "Second", dayOffset: 6 },
    ]);
    expect(await titles()).toEqual(["1:Second", "2:First"]);
    await post("remove:0", [
      { title: "Second", dayOffset: 6 },
      { title: "First", dayOffset: 4 },
    ]);
    expect(await titles()).toEqual(["1:First"]);
    // A step left half-filled can still be removed: its own errors do not block its removal.
    await post("remove:1", [
      { title: "First", dayOffset: 4 },
      { title: "", dayOffset: "" },
    ]);
    expect(await titles()).toEqual(["1:First"]);
  });

  it("answers a stale version with 409 and the stored template, and keeps both versions' words", async () => {
    const id = await createViaPage("Contested");
    expect((await editorAction(cookies.admin, id, editorForm({ name: "Theirs", version: 1, steps: [{ title: "Their step", dayOffset: 1 }] }))).status).toBe(
      303,
    );
    const response = await editorAction(cookies.admin, id, editorForm({ name: "Mine", version: 1, steps: [{ title: "My step", dayOffset: 2 }] }));
    expect(response.status).toBe(409);
    const body = response.body as { conflict: { current: { name: string; version: number; steps: { title: string }[] }; yours: { name: string } } };
    expect(body.conflict.current).toMatchObject({ name: "Theirs", version: 2, steps: [{ title: "Their step" }] });
    expect(body.conflict.yours.name).toBe("Mine");
    expect(await templateWithSteps(id)).toMatchObject({ name: "Theirs", version: 2 });
  });
});

describe("ordering, duplicating and archiving", () => {
  it("moves a template among those in use, rewriting every position, with one audit row", async () => {
    const first = await createViaPage("Order one");
    const second = await createViaPage("Order two");
    const before = await auditCount(A.organization.id, "templates.reordered");
    expect((await listAction(cookies.admin, { intent: "move-template", templateId: second, direction: "up" })).status).toBe(303);
    const order = (await prisma.template.findMany({ where: { organizationId: A.organization.id, archivedAt: null }, orderBy: { position: "asc" } })).map(
      (t) => t.id,
    );
    expect(order.indexOf(second)).toBe(order.indexOf(first) - 1);
    const positions = (await prisma.template.findMany({ where: { organizationId: A.organization.id, archivedAt: null }, orderBy: { position: "asc" } })).map(
      (t) => t.position,
    );
    expect(positions).toEqual(positions.map((_, i) => i + 1));
    expect(await auditCount(A.organization.id, "templates.reordered")).toBe(before + 1);
  });

  it("duplicates a template with all its steps", async () => {
    const id = await createViaPage("Original");
    await editorAction(cookies.admin, id, editorForm({ name: "Original", version: 1, steps: SIX_STEPS }));
    const response = await listAction(cookies.admin, { intent: "duplicate-template", templateId: id, version: 2 });
    expect(response.status).toBe(303);
    const copy = await prisma.template.findFirstOrThrow({
      where: { organizationId: A.organization.id, name: "Copy of Original" },
      include: { milestones: true },
    });
    const source = await templateWithSteps(id);
    const strip = (m: (typeof source.milestones)[number]) => ({ ...m, id: "", templateId: "" });
    expect([...copy.milestones].sort((a, b) => a.position - b.position).map(strip)).toEqual(source.milestones.map(strip));
    expect(await auditCount(A.organization.id, "template.duplicated", copy.id)).toBe(1);
  });

  it("archives and restores, keeps the default in use, and refuses a stale archive", async () => {
    const id = await createViaPage("Seasonal");
    expect((await listAction(cookies.admin, { intent: "archive-template", templateId: id, version: 2 })).status).toBe(409);
    expect((await listAction(cookies.admin, { intent: "archive-template", templateId: id, version: 1 })).status).toBe(303);
    const listed = (await listLoader(cookies.admin)).body as { active: { id: string }[]; archived: { id: string }[] };
    expect(listed.archived.map((t) => t.id)).toContain(id);
    expect(listed.active.map((t) => t.id)).not.toContain(id);
    expect((await listAction(cookies.admin, { intent: "restore-template", templateId: id, version: 2 })).status).toBe(303);
    expect((await prisma.template.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
    expect(await auditCount(A.organization.id, "template.archived", id)).toBe(1);
    expect(await auditCount(A.organization.id, "template.restored", id)).toBe(1);
    const seed = await defaultTemplateOf(A.organization.id);
    expect((await listAction(cookies.admin, { intent: "archive-template", templateId: seed.id, version: seed.version })).status).toBe(400);
  });
});

describe("only admins", () => {
  it.each(["rep", "manager"] as const)("a %s gets 403 on every page and action, and nothing changes", async (who) => {
    const cookie = cookies[who];
    const seed = await defaultTemplateOf(A.organization.id);
    const before = await templateWithSteps(seed.id);
    expect((await listLoader(cookie)).status).toBe(403);
    expect((await editorLoader(cookie, seed.id)).status).toBe(403);
    const forms: Form[] = [
      { intent: "create-template", name: "Sneaky" },
      { intent: "move-template", templateId: seed.id, direction: "down" },
      { intent: "duplicate-template", templateId: seed.id, version: seed.version },
      { intent: "archive-template", templateId: seed.id, version: seed.version },
      { intent: "restore-template", templateId: seed.id, version: seed.version },
    ];
    for (const form of forms) {
      expect((await listAction(cookie, form)).status).toBe(403);
    }
    expect((await editorAction(cookie, seed.id, editorForm({ name: "Sneaky", version: seed.version, steps: [] }))).status).toBe(403);
    expect(await templateWithSteps(seed.id)).toEqual(before);
    expect(await prisma.template.count({ where: { organizationId: A.organization.id, name: { contains: "Sneaky" } } })).toBe(0);
  });
});
