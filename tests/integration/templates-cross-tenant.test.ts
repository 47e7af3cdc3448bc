// Tenant isolation of templates: an admin of another organization gets the same 404 for this
// organization's template ids as for made-up ones, on every loader and action, and cannot make a
// plan from them; nothing changes. Positive controls prove the same payloads work at home.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as newDeal from "~/routes/_seller.deals.new";
import * as dealPage from "~/routes/_seller.deals.$dealId/route";
import { createDeal } from "~/models/deal.server";
import { callAction, type RouteResult } from "../fixtures/routes";
import { cookieFor, createTenant, type Tenant } from "../fixtures/world";
import { defaultTemplateOf, editorAction, editorForm, editorLoader, listAction, templateWithSteps, type Form } from "../fixtures/templates";

let A: Tenant;
let B: Tenant;
let aTemplate = "";
let bTemplate = "";
const cookies = { aAdmin: "", bAdmin: "", bRep: "", aRep: "" };
const pick = ({ status, body }: RouteResult) => ({ status, body });

beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
});

beforeAll(async () => {
  A = await createTenant("Alpha");
  B = await createTenant("Beta");
  cookies.aAdmin = await cookieFor(A.admin.id);
  cookies.bAdmin = await cookieFor(B.admin.id);
  cookies.aRep = await cookieFor(A.rep.id);
  cookies.bRep = await cookieFor(B.rep.id);
  aTemplate = (await defaultTemplateOf(A.organization.id)).id;
  bTemplate = (await defaultTemplateOf(B.organization.id)).id;
});

const listForms = (templateId: string): Form[] => [
  { intent: "move-template", templateId, direction: "down" },
  { intent: "duplicate-template", templateId, version: 1 },
  { intent: "archive-template", templateId, version: 1 },
  { intent: "restore-template", templateId, version: 1 },
];

describe("another organization's templates", () => {
  it("are a 404 on the editor page, like a made-up id", async () => {
    const madeUp = pick(await editorLoader(cookies.bAdmin, "made-up-template"));
    expect(madeUp.status).toBe(404);
    expect(pick(await editorLoader(cookies.bAdmin, aTemplate))).toEqual(madeUp);
    expect((await editorLoader(cookies.aAdmin, aTemplate)).status).toBe(200);
  });

  it("are a 404 on the editor's save, and stay unchanged", async () => {
    const before = await templateWithSteps(aTemplate);
    const form = editorForm({ name: "Hijacked", version: before.version, steps: [{ title: "Nope", dayOffset: 1 }] });
    const madeUp = pick(await editorAction(cookies.bAdmin, "made-up-template", form));
    expect(madeUp.status).toBe(404);
    expect(pick(await editorAction(cookies.bAdmin, aTemplate, form))).toEqual(madeUp);
    expect(await templateWithSteps(aTemplate)).toEqual(before);
  });

  it("are a 404 on every list action (move, duplicate, archive, restore), and nothing changes", async () => {
    const before = await prisma.template.findMany({ where: { organizationId: { in: [A.organization.id, B.organization.id] } }, orderBy: { id: "asc" } });
    for (const [foreign, madeUp] of listForms(aTemplate).map((form, i) => [form, listForms("made-up-template")[i]])) {
      const expected = pick(await listAction(cookies.bAdmin, madeUp));
      expect(expected.status).toBe(404);
      expect(pick(await listAction(cookies.bAdmin, foreign))).toEqual(expected);
    }
    expect(await prisma.template.findMany({ where: { organizationId: { in: [A.organization.id, B.organization.id] } }, orderBy: { id: "asc" } })).toEqual(
      before,
    );
    // The same payloads work on one's own template.
    expect((await listAction(cookies.bAdmin, { intent: "duplicate-template", templateId: bTemplate, version: 1 })).status).toBe(303);
  });

  it("cannot seed a plan: a new deal with another organization's template is a 404 and is not created", async () => {
    const form = {
      accountName: "Cross",
      name: "Cross deal",
      amount: 1000,
      currency: "USD",
      stage: 2,
      targetCloseDate: "2027-06-30",
      repForecastCategory: "PIPELINE",
      planMode: "template",
      planStartDate: "2027-01-04",
    };
    const before = await prisma.deal.count({ where: { organizationId: B.organization.id } });
    expect((await callAction(newDeal.action, { path: "/deals/new", cookie: cookies.bRep, form: { ...form, templateId: aTemplate } })).status).toBe(404);
    expect((await callAction(newDeal.action, { path: "/deals/new", cookie: cookies.bAdmin, form: { ...form, templateId: aTemplate } })).status).toBe(404);
    expect(await prisma.deal.count({ where: { organizationId: B.organization.id } })).toBe(before);
    expect((await callAction(newDeal.action, { path: "/deals/new", cookie: cookies.bRep, form: { ...form, templateId: bTemplate } })).status).toBe(303);
  });

  it("cannot seed a plan from the no-plan panel either", async () => {
    const deal = await createDeal(B.repActor, {
      accountName: "Planless",
      name: "Planless deal",
      amount: 1000,
      currency: "USD",
      stage: 2,
      targetCloseDate: "2027-06-30",
      repForecastCategory: "PIPELINE",
      planMode: "none",
    });
    const post = (templateId: string) =>
      callAction(dealPage.action, {
        path: `/deals/${deal.id}`,
        params: { dealId: deal.id },
        cookie: cookies.bRep,
        form: { intent: "create-plan", planMode: "template", planStartDate: "2027-01-04", templateId },
      });
    expect((await post(aTemplate)).status).toBe(404);
    expect(await prisma.plan.count({ where: { dealId: deal.id } })).toBe(0);
    expect((await post(bTemplate)).status).toBe(303);
  });

  it("a plan of another organization (or a deal the rep cannot see) cannot be saved as a template", async () => {
    const save = (cookie: string, dealId: string) =>
      callAction(dealPage.action, { path: `/deals/${dealId}`, params: { dealId }, cookie, form: { intent: "save-as-template", name: "Stolen" } });
    expect((await save(cookies.bAdmin, A.repDeal.deal.id)).status).toBe(404);
    expect((await save(cookies.aRep, A.otherRepDeal.deal.id)).status).toBe(404);
    expect(await prisma.template.count({ where: { name: "Stolen" } })).toBe(0);
    expect((await save(cookies.aRep, A.repDeal.deal.id)).status).toBe(303);
  });
});
