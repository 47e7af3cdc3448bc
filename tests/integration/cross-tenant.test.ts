// Tenant isolation: every protected loader and action, called with a foreign, a same-org-but-not-
// visible, or a made-up id, answers the same 404 and changes nothing. Valid payloads throughout,
// so a 404 can only come from scoping; positive controls prove the same payloads succeed.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as layout from "~/routes/_seller";
import * as list from "~/routes/_seller.deals._index";
import * as newDeal from "~/routes/_seller.deals.new";
import * as dealPage from "~/routes/_seller.deals.$dealId/route";
import * as dealChanges from "~/routes/deals.$dealId.changes";
import * as dashboardRoute from "~/routes/_seller.dashboard";
import * as csvRoute from "~/routes/dashboard[.]csv";
import * as reviewRoute from "~/routes/_seller.review";
import { createDeal } from "~/models/deal.server";
import { callAction, callLoader, type RouteResult } from "../fixtures/routes";
import { addDealWithPlan, addUser, cookieFor, createTenant, uniqueSuffix, type Tenant } from "../fixtures/world";

type Form = Record<string, string | number>;
type Ids = { dealId: string; planId: string; milestoneId: string; participantId: string; requestId: string };
type DealFixture = Tenant["repDeal"];

let A: Tenant;
let B: Tenant;
const cookies = { aRep: "", bRep: "", aManager: "", aAdmin: "" };
const MADE_UP: Ids = {
  dealId: "made-up-deal",
  planId: "made-up-plan",
  milestoneId: "made-up-milestone",
  participantId: "made-up-participant",
  requestId: "made-up-request",
};
/** A pending access request on each fixture plan, so decide-access has a real target to forge. */
const requests = new Map<string, string>();

async function pendingRequestOn(planId: string, organizationId: string) {
  const request = await prisma.accessRequest.create({ data: { planId, organizationId, email: `asker-${uniqueSuffix()}@elsewhere.example` } });
  requests.set(planId, request.id);
  return request.id;
}
/** What a made-up deal id gives on the deal page: every other 404 must look exactly like it. */
let notFound: Pick<RouteResult, "status" | "body">;

// Each case is one visit: the per-person limit on ids that lead nowhere (which this file's
// hundreds of 404s from one rep would reach) starts afresh, as it does at each e2e sign-in.
beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
});

beforeAll(async () => {
  A = await createTenant("Alpha");
  B = await createTenant("Beta");
  cookies.aRep = await cookieFor(A.rep.id);
  cookies.bRep = await cookieFor(B.rep.id);
  cookies.aManager = await cookieFor(A.manager.id);
  cookies.aAdmin = await cookieFor(A.admin.id);
  notFound = pick(await dealLoader(cookies.aRep, MADE_UP.dealId));
  for (const t of [A, B]) for (const d of [t.repDeal, t.otherRepDeal]) await pendingRequestOn(d.plan.id, t.organization.id);
});

// ---------------------------------------------------------------------------------------------
// Helpers

const pick = ({ status, body }: RouteResult) => ({ status, body });

function idsOf(d: DealFixture): Ids {
  return { dealId: d.deal.id, planId: d.plan.id, milestoneId: d.milestones[0].id, participantId: d.buyer.id, requestId: requests.get(d.plan.id) ?? "none" };
}

function dealLoader(cookie: string | undefined, dealId: string) {
  return callLoader(dealPage.loader, { path: `/deals/${dealId}`, params: { dealId }, cookie });
}

function dealAction(cookie: string | undefined, dealId: string, form: Form) {
  return callAction(dealPage.action, { path: `/deals/${dealId}`, params: { dealId }, cookie, form });
}

/** The stored version, read right before the request; a made-up row gets a plausible 1. */
async function versionOf(row: Promise<{ version: number } | null>) {
  return (await row)?.version ?? 1;
}

const DEAL_FIELDS = {
  accountName: "Forged Co",
  name: "Forged deal",
  amount: 1,
  currency: "USD",
  stage: 2,
  targetCloseDate: "2027-06-30",
  repForecastCategory: "COMMIT",
  outcome: "OPEN",
};
const MILESTONE_FIELDS = {
  title: "Forged step",
  output: "Forged output",
  ownerSide: "BUYER",
  ownerParticipantId: "",
  targetDate: "2027-02-01",
  status: "IN_PROGRESS",
  gatesStage: "",
};

/** A valid payload for each intent of the deal page, aimed at the given ids. */
const PAYLOADS = {
  "update-deal": async (t: Ids): Promise<Form> => ({
    ...DEAL_FIELDS,
    version: await versionOf(prisma.deal.findUnique({ where: { id: t.dealId } })),
  }),
  "create-plan": async (): Promise<Form> => ({ planMode: "template", planStartDate: "2027-01-04" }),
  "update-plan": async (t: Ids): Promise<Form> => ({
    title: "Forged plan",
    summary: "Forged summary",
    allowedDomains: "forged.example",
    version: await versionOf(prisma.plan.findUnique({ where: { id: t.planId } })),
  }),
  "share-plan": async (t: Ids): Promise<Form> => ({
    version: await versionOf(prisma.plan.findUnique({ where: { id: t.planId } })),
  }),
  "add-milestone": async (): Promise<Form> => ({ ...MILESTONE_FIELDS }),
  "update-milestone": async (t: Ids): Promise<Form> => ({
    milestoneId: t.milestoneId,
    ...MILESTONE_FIELDS,
    version: await versionOf(prisma.milestone.findUnique({ where: { id: t.milestoneId } })),
  }),
  "move-milestone": async (t: Ids): Promise<Form> => ({
    milestoneId: t.milestoneId,
    direction: "down",
    version: await versionOf(prisma.milestone.findUnique({ where: { id: t.milestoneId } })),
  }),
  "delete-milestone": async (t: Ids): Promise<Form> => ({
    milestoneId: t.milestoneId,
    version: await versionOf(prisma.milestone.findUnique({ where: { id: t.milestoneId } })),
  }),
  "add-participant": async (): Promise<Form> => ({
    name: "Forged Person",
    email: `forged-${uniqueSuffix()}@buyer.example`,
    title: "",
    role: "CHAMPION",
  }),
  "update-participant": async (t: Ids): Promise<Form> => ({
    participantId: t.participantId,
    name: "Forged Name",
    email: `forged-${uniqueSuffix()}@buyer.example`,
    title: "Forged title",
    role: "EXECUTIVE_SPONSOR",
    version: await versionOf(prisma.participant.findUnique({ where: { id: t.participantId } })),
  }),
  "save-meddpicc": async (t: Ids): Promise<Form> => ({
    metrics: 2,
    economicBuyer: 1,
    decisionCriteria: 1,
    decisionProcess: 1,
    paperProcess: 0,
    identifyPain: 2,
    champion: 2,
    competition: 1,
    version: (await prisma.meddpiccScore.findUnique({ where: { dealId: t.dealId } }))?.version ?? 0,
  }),
  "save-stakeholder": async (t: Ids): Promise<Form> => ({
    role: "PROCUREMENT",
    strength: "STRONG",
    holderParticipantId: t.participantId,
    version: (await prisma.stakeholderRole.findUnique({ where: { dealId_role: { dealId: t.dealId, role: "PROCUREMENT" } } }))?.version ?? 0,
  }),
  "invite-buyers": async (t: Ids): Promise<Form> => ({ participantIds: t.participantId }),
  "decide-access": async (t: Ids): Promise<Form> => ({ requestId: t.requestId, decision: "APPROVE" }),
  "revoke-participant": async (t: Ids): Promise<Form> => ({
    participantId: t.participantId,
    version: await versionOf(prisma.participant.findUnique({ where: { id: t.participantId } })),
  }),
  "comment-step": async (t: Ids): Promise<Form> => ({ milestoneId: t.milestoneId, body: "Forged comment" }),
  "add-note": async (t: Ids): Promise<Form> => ({ milestoneId: t.milestoneId, body: "Forged note" }),
};
type Intent = keyof typeof PAYLOADS;
const ALL_INTENTS = Object.keys(PAYLOADS) as Intent[];
/** Intents that name a milestone or participant in the form; the others act on the URL's deal only. */
const FORM_ID_INTENTS: Intent[] = [
  "update-milestone",
  "move-milestone",
  "delete-milestone",
  "update-participant",
  "revoke-participant",
  "save-stakeholder",
  "invite-buyers",
  "decide-access",
  "comment-step",
  "add-note",
];

async function send(cookie: string, urlDealId: string, intent: Intent, ids: Ids) {
  return dealAction(cookie, urlDealId, { intent, ...(await PAYLOADS[intent](ids)) });
}

/** Everything stored for one deal, deep enough that any write (even a version bump) shows. */
function snapshotDeal(dealId: string) {
  return prisma.deal.findUnique({
    where: { id: dealId },
    include: {
      activities: { orderBy: { id: "asc" } },
      meddpicc: true,
      stakeholders: true,
      reviewNotes: true,
      plan: {
        include: {
          milestones: { orderBy: { id: "asc" } },
          participants: { orderBy: { id: "asc" } },
          activities: { orderBy: { id: "asc" } },
          accessRequests: { orderBy: { id: "asc" } },
        },
      },
    },
  });
}

/** Both tenants' fixture deals, plus table counts so that nothing new appears anywhere. */
async function snapshotTenants() {
  const dealIds = [A.repDeal, A.otherRepDeal, B.repDeal, B.otherRepDeal].map((d) => d.deal.id);
  return {
    deals: await Promise.all(dealIds.map(snapshotDeal)),
    counts: {
      deals: await prisma.deal.count(),
      plans: await prisma.plan.count(),
      milestones: await prisma.milestone.count(),
      participants: await prisma.participant.count(),
      activities: await prisma.activity.count(),
      emails: await prisma.emailOutbox.count(),
      comments: await prisma.comment.count(),
      internalNotes: await prisma.internalNote.count(),
      stakeholderRoles: await prisma.stakeholderRole.count(),
      reviewNotes: await prisma.dealReviewNote.count(),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// 1 and 7: the deal page loader

describe("deal page loader", () => {
  it("shows the rep their own deal (control)", async () => {
    const result = await dealLoader(cookies.aRep, A.repDeal.deal.id);
    expect(result.status).toBe(200);
    expect((result.body as { deal: { id: string } }).deal.id).toBe(A.repDeal.deal.id);
  });

  it.each([
    { label: "A's rep asks for B's deal", cookie: () => cookies.aRep, dealId: () => B.repDeal.deal.id },
    { label: "A's rep asks for the other rep's deal (same org, not visible)", cookie: () => cookies.aRep, dealId: () => A.otherRepDeal.deal.id },
    { label: "A's rep asks for a made-up deal id", cookie: () => cookies.aRep, dealId: () => "made-up-deal-2" },
    { label: "B's rep asks for A's deal", cookie: () => cookies.bRep, dealId: () => A.repDeal.deal.id },
  ])("$label → the same 404 as a made-up id", async ({ cookie, dealId }) => {
    expect(notFound).toEqual({ status: 404, body: "Not found" });
    expect(pick(await dealLoader(cookie(), dealId()))).toEqual(notFound);
  });
});

describe("deal page live-update poll", () => {
  const poll = (cookie: string | undefined, dealId: string) => callLoader(dealChanges.loader, { path: `/deals/${dealId}/changes`, params: { dealId }, cookie });

  it("answers the rep about their own deal (control)", async () => {
    const result = await poll(cookies.aRep, A.repDeal.deal.id);
    expect(result.status).toBe(204);
    expect(result.headers.get("ETag")).toMatch(/^W\//);
  });

  it.each([
    { label: "A's rep asks about B's deal", cookie: () => cookies.aRep, dealId: () => B.repDeal.deal.id },
    { label: "A's rep asks about the other rep's deal (same org, not visible)", cookie: () => cookies.aRep, dealId: () => A.otherRepDeal.deal.id },
    { label: "A's rep asks about a made-up deal id", cookie: () => cookies.aRep, dealId: () => "made-up-deal-3" },
    { label: "B's rep asks about A's deal", cookie: () => cookies.bRep, dealId: () => A.repDeal.deal.id },
  ])("$label → the same 404 as a made-up id, no tag", async ({ cookie, dealId }) => {
    const result = await poll(cookie(), dealId());
    expect(pick(result)).toEqual(notFound);
    expect(result.headers.get("ETag")).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// 2, 3 and 7: every intent of the deal page action, forged in every shape

const SHAPES: { shape: string; cookie: () => string; url: () => string; ids: () => Ids; intents: Intent[] }[] = [
  { shape: "URL and form name B's deal", cookie: () => cookies.aRep, url: () => B.repDeal.deal.id, ids: () => idsOf(B.repDeal), intents: ALL_INTENTS },
  {
    shape: "URL and form name the other rep's deal",
    cookie: () => cookies.aRep,
    url: () => A.otherRepDeal.deal.id,
    ids: () => idsOf(A.otherRepDeal),
    intents: ALL_INTENTS,
  },
  { shape: "URL names a made-up deal", cookie: () => cookies.aRep, url: () => MADE_UP.dealId, ids: () => MADE_UP, intents: ALL_INTENTS },
  {
    shape: "own deal in the URL, B's ids forged in the form",
    cookie: () => cookies.aRep,
    url: () => A.repDeal.deal.id,
    ids: () => idsOf(B.repDeal),
    intents: FORM_ID_INTENTS,
  },
  {
    shape: "own deal in the URL, the other rep's ids forged in the form",
    cookie: () => cookies.aRep,
    url: () => A.repDeal.deal.id,
    ids: () => idsOf(A.otherRepDeal),
    intents: FORM_ID_INTENTS,
  },
  {
    shape: "own deal in the URL, made-up ids in the form",
    cookie: () => cookies.aRep,
    url: () => A.repDeal.deal.id,
    ids: () => MADE_UP,
    intents: FORM_ID_INTENTS,
  },
  { shape: "B's rep's session on A's deal", cookie: () => cookies.bRep, url: () => A.repDeal.deal.id, ids: () => idsOf(A.repDeal), intents: ALL_INTENTS },
];
const FORGED = SHAPES.flatMap((s) => s.intents.map((intent) => ({ ...s, intent })));

describe("deal page action with a foreign or missing target", () => {
  it.each(FORGED)("$shape: $intent → 404, nothing changes", async ({ cookie, url, ids, intent }) => {
    const before = await snapshotTenants();
    const result = await send(cookie(), url(), intent, ids());
    expect(pick(result)).toEqual(notFound);
    expect(await snapshotTenants()).toEqual(before);
  });

  it.each([
    { intent: "add-milestone" as const, owner: () => B.repDeal.buyer.id },
    { intent: "add-milestone" as const, owner: () => A.otherRepDeal.buyer.id },
    { intent: "update-milestone" as const, owner: () => B.repDeal.buyer.id },
    { intent: "update-milestone" as const, owner: () => "made-up-participant" },
  ])("$intent on the rep's own plan with a forged ownerParticipantId → 400 field error, nothing changes", async ({ intent, owner }) => {
    const before = await snapshotTenants();
    const form = { intent, ...(await PAYLOADS[intent](idsOf(A.repDeal))), ownerParticipantId: owner() };
    const result = await dealAction(cookies.aRep, A.repDeal.deal.id, form);
    expect(result.status).toBe(400);
    expect((result.body as { result: { error: Record<string, string[]> } }).result.error).toEqual({
      ownerParticipantId: ["Choose an owner from the people on this plan"],
    });
    expect(await snapshotTenants()).toEqual(before);
  });
});

// Positive controls, each on a fresh deal of A's rep, so they never touch the fixtures above.
describe("the same payloads on the rep's own deal (controls)", () => {
  it.each(ALL_INTENTS)("%s succeeds and is recorded", async (intent) => {
    const ids =
      intent === "create-plan"
        ? { ...MADE_UP, dealId: (await createDeal(A.repActor, { ...DEAL_FIELDS, currency: "USD", repForecastCategory: "COMMIT", planMode: "none" })).id }
        : idsOf(await addDealWithPlan(A.repActor));
    if (intent === "decide-access") ids.requestId = await pendingRequestOn(ids.planId, A.organization.id);
    const activitiesBefore = await prisma.activity.count({ where: { dealId: ids.dealId } });
    const result = await send(cookies.aRep, ids.dealId, intent, ids);
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toMatch(new RegExp(`^/deals/${ids.dealId}#`));
    expect(await prisma.activity.count({ where: { dealId: ids.dealId } })).toBeGreaterThan(activitiesBefore);
  });
});

// ---------------------------------------------------------------------------------------------
// 4: the new-deal action cannot assign a deal to someone outside the actor's reach

describe("new deal action", () => {
  const dealForm = (ownerId: string): Form => ({
    ...DEAL_FIELDS,
    accountName: `New ${uniqueSuffix()}`,
    ownerId,
    planMode: "none",
  });
  const newDealAs = (cookie: string, ownerId: string) => callAction(newDeal.action, { path: "/deals/new", cookie, form: dealForm(ownerId) });

  it.each([
    { label: "A's rep assigns to B's rep", cookie: () => cookies.aRep, owner: async () => B.rep.id },
    { label: "A's rep assigns to the other rep of the same team", cookie: () => cookies.aRep, owner: async () => A.otherRep.id },
    { label: "A's manager assigns to B's rep", cookie: () => cookies.aManager, owner: async () => B.rep.id },
    {
      label: "A's manager assigns to a rep of another team",
      cookie: () => cookies.aManager,
      owner: async () => {
        const team = await prisma.team.create({ data: { organizationId: A.organization.id, name: `Other ${uniqueSuffix()}` } });
        return (await addUser(A.organization.id, "REP", team.id)).id;
      },
    },
    { label: "A's admin assigns to B's admin", cookie: () => cookies.aAdmin, owner: async () => B.admin.id },
    { label: "A's admin assigns to a made-up user", cookie: () => cookies.aAdmin, owner: async () => "made-up-user" },
  ])("$label → 400 on ownerId, no deal created", async ({ cookie, owner }) => {
    const ownerId = await owner();
    const dealsBefore = await prisma.deal.count();
    const ownedBefore = await prisma.deal.count({ where: { ownerId } });
    const result = await newDealAs(cookie(), ownerId);
    expect(result.status).toBe(400);
    expect((result.body as { result: { error: Record<string, string[]> } }).result.error).toEqual({
      ownerId: ["Choose an owner from your team"],
    });
    expect(await prisma.deal.count({ where: { ownerId } })).toBe(ownedBefore);
    expect(await prisma.deal.count()).toBe(dealsBefore);
  });

  it("lets A's manager assign to a rep of their team (control)", async () => {
    const result = await newDealAs(cookies.aManager, A.otherRep.id);
    expect(result.status).toBe(303);
    const dealId = result.headers.get("Location")!.replace("/deals/", "").split("#")[0];
    expect(await prisma.deal.findUniqueOrThrow({ where: { id: dealId } })).toMatchObject({
      ownerId: A.otherRep.id,
      organizationId: A.organization.id,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// 5: the deal list

describe("deal list loader", () => {
  async function listedIds(cookie: string) {
    const result = await callLoader(list.loader, { path: "/deals", cookie });
    expect(result.status).toBe(200);
    return new Set((result.body as { deals: { id: string }[] }).deals.map((d) => d.id));
  }
  const idsWhere = async (where: { organizationId: string; ownerId?: string }) =>
    new Set((await prisma.deal.findMany({ where, select: { id: true } })).map((d) => d.id));

  it.each([
    { who: "A's rep", cookie: () => cookies.aRep, expected: () => idsWhere({ organizationId: A.organization.id, ownerId: A.rep.id }) },
    {
      who: "A's manager",
      cookie: () => cookies.aManager,
      expected: async () =>
        new Set([
          ...(await idsWhere({ organizationId: A.organization.id, ownerId: A.rep.id })),
          ...(await idsWhere({ organizationId: A.organization.id, ownerId: A.otherRep.id })),
        ]),
    },
    { who: "A's admin", cookie: () => cookies.aAdmin, expected: () => idsWhere({ organizationId: A.organization.id }) },
  ])("$who sees exactly the deals of their reach and none of B's", async ({ cookie, expected }) => {
    const listed = await listedIds(cookie());
    expect(listed).toEqual(await expected());
    for (const id of await idsWhere({ organizationId: B.organization.id })) expect(listed.has(id)).toBe(false);
  });

  it("the manager's list holds both reps' fixture deals, the rep's only their own", async () => {
    const managerList = await listedIds(cookies.aManager);
    expect(managerList.has(A.repDeal.deal.id) && managerList.has(A.otherRepDeal.deal.id)).toBe(true);
    const repList = await listedIds(cookies.aRep);
    expect(repList.has(A.repDeal.deal.id)).toBe(true);
    expect(repList.has(A.otherRepDeal.deal.id)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// The dashboard, its CSV, and the new-deal page's owner list

describe("dashboard and its CSV", () => {
  const dashboard = (cookie: string, query = "") => callLoader(dashboardRoute.loader, { path: `/dashboard${query}`, cookie });
  const csv = (cookie: string, query = "") => callLoader(csvRoute.loader, { path: `/dashboard.csv${query}`, cookie });
  const teamOf = async (t: Tenant) => (await prisma.team.findFirstOrThrow({ where: { organizationId: t.organization.id } })).id;

  it("let A's admin and manager drill into A's own team and rep (controls)", async () => {
    for (const cookie of [cookies.aAdmin, cookies.aManager]) {
      expect((await dashboard(cookie, `?team=${await teamOf(A)}`)).status).toBe(200);
      expect((await dashboard(cookie, `?rep=${A.rep.id}`)).status).toBe(200);
      expect((await csv(cookie, `?rep=${A.rep.id}&table=deals`)).status).toBe(200);
    }
  });

  it.each([
    { target: "B's team", query: async () => `?team=${await teamOf(B)}` },
    { target: "B's rep", query: async () => `?rep=${B.rep.id}` },
    { target: "B's rep under A's team", query: async () => `?team=${await teamOf(A)}&rep=${B.rep.id}` },
    { target: "a made-up rep", query: async () => "?rep=made-up-rep" },
  ])("answer A's admin and manager drilling into $target with 404, page and CSV alike", async ({ query }) => {
    const q = await query();
    for (const cookie of [cookies.aAdmin, cookies.aManager]) {
      expect((await dashboard(cookie, q)).status).toBe(404);
      expect((await csv(cookie, `${q}&table=deals`)).status).toBe(404);
    }
  });

  it("refuse A's rep with 403, page and CSV alike", async () => {
    expect((await dashboard(cookies.aRep)).status).toBe(403);
    expect((await csv(cookies.aRep)).status).toBe(403);
  });

  it("show A's admin no figure of B's deals", async () => {
    const body = JSON.stringify((await dashboard(cookies.aAdmin)).body);
    for (const d of [B.repDeal, B.otherRepDeal]) expect(body).not.toContain(d.deal.id);
    for (const u of [B.rep, B.otherRep, B.manager]) expect(body).not.toContain(u.id);
  });
});

describe("weekly review", () => {
  const review = (cookie: string, query: string) => callLoader(reviewRoute.loader, { path: `/review${query}`, cookie });
  const note = (cookie: string, query: string, dealId: string) =>
    callAction(reviewRoute.action, { path: `/review${query}`, cookie, form: { intent: "add-review-note", dealId, body: "Forged note" } });

  it("opens A's rep for A's manager and admin (controls)", async () => {
    for (const cookie of [cookies.aManager, cookies.aAdmin]) expect((await review(cookie, `?rep=${A.rep.id}`)).status).toBe(200);
  });

  it.each([
    { label: "A's admin opens B's rep", cookie: () => cookies.aAdmin, query: () => `?rep=${B.rep.id}`, dealId: () => A.repDeal.deal.id },
    { label: "A's manager opens B's rep", cookie: () => cookies.aManager, query: () => `?rep=${B.rep.id}`, dealId: () => A.repDeal.deal.id },
    { label: "A's rep opens the other rep", cookie: () => cookies.aRep, query: () => `?rep=${A.otherRep.id}`, dealId: () => A.repDeal.deal.id },
    { label: "A's manager notes on B's deal", cookie: () => cookies.aManager, query: () => "", dealId: () => B.repDeal.deal.id },
    { label: "A's rep notes on the other rep's deal", cookie: () => cookies.aRep, query: () => "", dealId: () => A.otherRepDeal.deal.id },
    { label: "B's rep notes on A's deal", cookie: () => cookies.bRep, query: () => "", dealId: () => A.repDeal.deal.id },
  ])("$label → the same 404, nothing changes", async ({ cookie, query, dealId }) => {
    const before = await snapshotTenants();
    if (query()) expect(pick(await review(cookie(), query()))).toEqual(notFound);
    expect(pick(await note(cookie(), query(), dealId()))).toEqual(notFound);
    expect(await snapshotTenants()).toEqual(before);
  });
});

describe("new deal loader", () => {
  it.each([
    { who: "A's admin", cookie: () => cookies.aAdmin },
    { who: "A's manager", cookie: () => cookies.aManager },
    { who: "A's rep", cookie: () => cookies.aRep },
  ])("offers $who only owners of A", async ({ cookie }) => {
    const result = await callLoader(newDeal.loader, { path: "/deals/new", cookie: cookie() });
    expect(result.status).toBe(200);
    const owners = (result.body as { owners: { id: string }[] }).owners.map((o) => o.id);
    expect(owners.length).toBeGreaterThan(0);
    const ofA = new Set((await prisma.user.findMany({ where: { organizationId: A.organization.id }, select: { id: true } })).map((u) => u.id));
    for (const id of owners) expect(ofA.has(id)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// 6: signed out

describe("signed out", () => {
  it.each([
    { route: "_seller layout loader", call: () => callLoader(layout.loader, { path: "/deals" }) },
    { route: "deal list loader", call: () => callLoader(list.loader, { path: "/deals" }) },
    { route: "new deal loader", call: () => callLoader(newDeal.loader, { path: "/deals/new" }) },
    { route: "new deal action", call: () => callAction(newDeal.action, { path: "/deals/new", form: { ...DEAL_FIELDS, planMode: "none" } }) },
    { route: "deal page loader", call: () => dealLoader(undefined, A.repDeal.deal.id) },
    {
      route: "deal page live-update poll",
      call: () => callLoader(dealChanges.loader, { path: `/deals/${A.repDeal.deal.id}/changes`, params: { dealId: A.repDeal.deal.id } }),
    },
    { route: "dashboard loader", call: () => callLoader(dashboardRoute.loader, { path: "/dashboard" }) },
    { route: "dashboard CSV loader", call: () => callLoader(csvRoute.loader, { path: "/dashboard.csv" }) },
    { route: "weekly review loader", call: () => callLoader(reviewRoute.loader, { path: "/review" }) },
    {
      route: "weekly review action",
      call: () => callAction(reviewRoute.action, { path: "/review", form: { intent: "add-review-note", dealId: A.repDeal.deal.id, body: "Forged" } }),
    },
    { route: "deal page action", call: async () => send("", A.repDeal.deal.id, "update-deal", idsOf(A.repDeal)) },
    { route: "deal page action with a stale cookie", call: async () => send("mutual_session=bogus", A.repDeal.deal.id, "share-plan", idsOf(A.repDeal)) },
  ])("$route → 302 to /login, nothing changes", async ({ call }) => {
    const before = await snapshotTenants();
    const result = await call();
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toMatch(/^\/login/);
    expect(await snapshotTenants()).toEqual(before);
  });
});
