// Plans made from templates: the seller picks one (the default first), its steps are copied with
// dates counted from the plan's start, and later edits or archiving of the template leave the plan
// as it was. A plan can in turn be saved as a new template.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as newDeal from "~/routes/_seller.deals.new";
import * as dealPage from "~/routes/_seller.deals.$dealId/route";
import { createDeal } from "~/models/deal.server";
import type { NewDealInput } from "~/forms/deal";
import { templateChoices } from "~/models/template.server";
import { callAction, callLoader } from "../fixtures/routes";
import { actorFor, cookieFor, createTenant, type Tenant } from "../fixtures/world";
import { auditCount, editorAction, editorForm, listAction, templateWithSteps, type StepForm } from "../fixtures/templates";

let A: Tenant;
const cookies = { admin: "", rep: "" };
let templateId = "";

const STEPS: StepForm[] = [
  { title: "Kickoff", dayOffset: 0, ownerSide: "JOINT" },
  { title: "Month end check", dayOffset: 3, ownerSide: "SELLER", gatesStage: 3 },
  { title: "Pricing approval", dayOffset: 12, ownerSide: "SELLER", internalOnly: true },
  { title: "Signature", dayOffset: 30, ownerSide: "BUYER", ownerRole: "ECONOMIC_BUYER", gatesStage: 6 },
];

beforeAll(async () => {
  A = await createTenant("Plans", "Pacific/Auckland");
  cookies.admin = await cookieFor(A.admin.id);
  cookies.rep = await cookieFor(A.rep.id);
  const created = await listAction(cookies.admin, { intent: "create-template", name: "Quick close" });
  templateId = /\/settings\/templates\/([^#?]+)/.exec(created.headers.get("Location") ?? "")![1];
  expect((await editorAction(cookies.admin, templateId, editorForm({ name: "Quick close", version: 1, steps: STEPS }))).status).toBe(303);
});

const dealForm = (extra: Record<string, string>) => ({
  accountName: "Kiwi Ltd",
  name: "Kiwi rollout",
  amount: 12000,
  currency: "USD",
  stage: 2,
  targetCloseDate: "2027-06-30",
  repForecastCategory: "PIPELINE",
  planMode: "template",
  planStartDate: "2027-01-29",
  ...extra,
});

function dealInput(planMode: "template" | "none"): NewDealInput {
  return { ...dealForm({}), amount: 12000, stage: 2, planMode, currency: "USD", repForecastCategory: "PIPELINE" };
}

async function planOf(dealId: string) {
  return prisma.plan.findUniqueOrThrow({ where: { dealId }, include: { milestones: { orderBy: { position: "asc" } } } });
}

describe("picking a template", () => {
  it("offers the templates in use, the default first", async () => {
    const page = await callLoader(newDeal.loader, { path: "/deals/new", cookie: cookies.rep });
    const templates = (page.body as { templates: { name: string; isDefault: boolean; steps: number }[] }).templates;
    expect(templates[0]).toMatchObject({ isDefault: true, steps: 8 });
    expect(templates.map((t) => t.name)).toContain("Quick close");
  });

  it("copies the chosen template's steps into a new deal's plan, dated from its start across a month end", async () => {
    const response = await callAction(newDeal.action, { path: "/deals/new", cookie: cookies.rep, form: dealForm({ templateId }) });
    expect(response.status).toBe(303);
    const dealId = /\/deals\/([^#?]+)/.exec(response.headers.get("Location") ?? "")![1];
    const plan = await planOf(dealId);
    expect(plan.milestones.map((m) => [m.title, m.targetDate, m.originalTargetDate])).toEqual([
      ["Kickoff", "2027-01-29", "2027-01-29"],
      ["Month end check", "2027-02-01", "2027-02-01"],
      ["Pricing approval", "2027-02-10", "2027-02-10"],
      ["Signature", "2027-02-28", "2027-02-28"],
    ]);
    expect(plan.milestones.map((m) => m.internalOnly)).toEqual([false, false, true, false]);
    expect(plan.milestones.map((m) => m.gatesStage)).toEqual([null, 3, null, 6]);
  });

  it("creates a plan from the deal page's no-plan panel with the chosen template", async () => {
    const deal = await createDeal(A.repActor, dealInput("none"));
    const response = await callAction(dealPage.action, {
      path: `/deals/${deal.id}`,
      params: { dealId: deal.id },
      cookie: cookies.rep,
      form: { intent: "create-plan", planMode: "template", planStartDate: "2027-03-01", templateId },
    });
    expect(response.status).toBe(303);
    expect((await planOf(deal.id)).milestones.map((m) => m.targetDate)).toEqual(["2027-03-01", "2027-03-04", "2027-03-13", "2027-03-31"]);
  });

  it("refuses an archived template with a 400 and makes no deal", async () => {
    const created = await listAction(cookies.admin, { intent: "create-template", name: "Retired" });
    const retired = /\/settings\/templates\/([^#?]+)/.exec(created.headers.get("Location") ?? "")![1];
    expect((await listAction(cookies.admin, { intent: "archive-template", templateId: retired, version: 1 })).status).toBe(303);
    expect((await templateChoices(A.repActor)).map((t) => t.id)).not.toContain(retired);
    const before = await prisma.deal.count({ where: { organizationId: A.organization.id } });
    const response = await callAction(newDeal.action, { path: "/deals/new", cookie: cookies.rep, form: dealForm({ templateId: retired }) });
    expect(response.status).toBe(400);
    expect(await prisma.deal.count({ where: { organizationId: A.organization.id } })).toBe(before);
  });
});

describe("plans keep their own steps", () => {
  it("editing, then archiving the template changes no plan made from it", async () => {
    const actor = await actorFor(A.rep.id);
    const deal = await createDeal(actor, { ...dealInput("template"), templateId });
    const before = await planOf(deal.id);
    const version = (await templateWithSteps(templateId)).version;
    const edited = editorForm({ name: "Quick close v2", version, steps: [{ title: "Replaced", dayOffset: 99, internalOnly: true }] });
    expect((await editorAction(cookies.admin, templateId, edited)).status).toBe(303);
    expect((await listAction(cookies.admin, { intent: "archive-template", templateId, version: version + 1 })).status).toBe(303);
    expect(await planOf(deal.id)).toEqual(before);
    expect((await listAction(cookies.admin, { intent: "restore-template", templateId, version: version + 2 })).status).toBe(303);
  });
});

describe("saving a plan as a template", () => {
  it("lets a rep keep their plan's steps, each a whole number of days from the start, never negative", async () => {
    const { deal, plan, milestones, buyer } = A.repDeal;
    // The plan started 2026-12-01; move one step before the start and give one a buyer owner.
    await prisma.milestone.update({ where: { id: milestones[0].id }, data: { targetDate: "2026-11-20" } });
    await prisma.milestone.update({ where: { id: milestones[1].id }, data: { targetDate: "2027-01-31", ownerParticipantId: buyer.id, internalOnly: true } });
    const response = await callAction(dealPage.action, {
      path: `/deals/${deal.id}`,
      params: { dealId: deal.id },
      cookie: cookies.rep,
      form: { intent: "save-as-template", name: "From the Alpha deal" },
    });
    expect(response.status).toBe(303);
    const template = await prisma.template.findFirstOrThrow({
      where: { organizationId: A.organization.id, name: "From the Alpha deal" },
      include: { milestones: { orderBy: { position: "asc" } } },
    });
    const stored = await prisma.milestone.findMany({ where: { planId: plan.id }, orderBy: { position: "asc" } });
    expect(template.milestones.map((m) => m.title)).toEqual(stored.map((m) => m.title));
    expect(template.milestones[0].dayOffset).toBe(0);
    expect(template.milestones[1]).toMatchObject({ dayOffset: 61, ownerRole: "CHAMPION", internalOnly: true });
    expect(template.milestones.map((m) => [m.ownerSide, m.gatesStage, m.output])).toEqual(stored.map((m) => [m.ownerSide, m.gatesStage, m.output]));
    expect(template.milestones.slice(2).map((m) => m.dayOffset)).toEqual(stored.slice(2).map((m) => daysFrom("2026-12-01", m.targetDate)));
    expect(await auditCount(A.organization.id, "template.created", template.id)).toBe(1);
  });

  it("refuses an empty name with a 400", async () => {
    const { deal } = A.repDeal;
    const response = await callAction(dealPage.action, {
      path: `/deals/${deal.id}`,
      params: { dealId: deal.id },
      cookie: cookies.rep,
      form: { intent: "save-as-template", name: "  " },
    });
    expect(response.status).toBe(400);
  });
});

function daysFrom(from: string, to: string) {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
