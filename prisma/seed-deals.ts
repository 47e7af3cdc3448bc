// The demo's deals, one story each. Every date is an offset from the organization's today, so the
// demo never goes stale: -3 is three days ago, [-3, 16] three days ago at 16:00 local time.
// Template steps (day N after the plan's start): businessCase 7, techEval 14, security 18,
// execMeeting 21, proposal 24, procurement 30, legal 42, countersign 49.
// The "derived" notes name what product.md's rules make of each story (forecast, plan status).
import { addDays } from "~/domain/dates";
import { closeDateInQuarterOf, fiscalQuarter, seedDeal, type SeedOrg, type SeedUser } from "./seed-kit";

const DESK_APPROVAL = {
  key: "deskApproval",
  title: "Internal deal desk approval",
  output: "Discount and terms approved by deal desk",
  ownerSide: "SELLER",
  after: "proposal",
  internalOnly: true,
} as const;

export async function seedNorthwindDeals(org: SeedOrg, { riley, sam }: { riley: SeedUser; sam: SeedUser }) {
  const day = org.day;

  // 1. Vandelay: Riley drafted a plan after discovery and has not sent it yet. Kickoff is next
  //    week, so every step is still ahead and nobody on the buyer side has seen the plan.
  //    Derived: Pipeline (nothing shared); no plan status until it is shared.
  await seedDeal(
    org,
    {
      owner: riley,
      accountName: "Vandelay Industries",
      domain: "vandelay.example",
      name: "Import analytics suite",
      amount: 36000,
      stage: 2,
      targetCloseDate: day(53),
      repForecastCategory: "PIPELINE",
      created: -3,
    },
    async (d) => {
      await d.addPlan({
        created: [-2, 11],
        start: 4,
        summary: "Draft: how Vandelay and Northwind get from discovery to a signed order this quarter.",
        buyers: [
          { key: "champ", name: "Arthur Vance", title: "VP Imports", role: "CHAMPION", access: "INVITED" },
          { key: "eb", name: "Kelly Varnsen", title: "CFO", role: "ECONOMIC_BUYER", access: "INVITED" },
        ],
      });
    },
  );

  // 2. Initech: shared three weeks ago and moving. Every step due so far is done and confirmed by
  //    the buyer; the champion booked the executive meeting yesterday. Not accepted yet, so Riley
  //    calls it Best Case. Derived: Best Case, on track.
  await seedDeal(
    org,
    {
      owner: riley,
      accountName: "Initech",
      domain: "initech.example",
      name: "Workflow platform, 3 regions",
      amount: 84000,
      stage: 4,
      targetCloseDate: day(29),
      repForecastCategory: "BEST_CASE",
      created: -24,
    },
    async (d) => {
      await d.addPlan({
        created: -22,
        start: -20,
        summary: "Roll the workflow platform out to the US, UK and APAC operations teams before the fiscal year closes.",
        buyers: [
          { key: "champ", name: "Priya Raman", title: "Director of Operations", role: "CHAMPION", access: "ACTIVE" },
          { key: "eb", name: "Tom Becker", title: "CFO", role: "ECONOMIC_BUYER", access: "ACTIVE", seen: -3 },
          { key: "tech", name: "Lena Okafor", title: "Principal Engineer", role: "TECHNICAL_EVALUATOR", access: "ACTIVE" },
          { key: "sec", name: "Sanjay Mehta", title: "IT Security Lead", role: "OTHER", access: "ACTIVE", seen: -2 },
          { key: "proc", name: "Dana Wu", title: "Procurement Manager", role: "PROCUREMENT", access: "INVITED" },
        ],
      });
      await d.share([-19, 10, 30]);
      await d.buyerDone("businessCase", [-14, 15, 10]);
      await d.sellerDone("techEval", [-7, 11]);
      await d.confirm("techEval", [-6, 9, 40]);
      await d.buyerDone("security", [-3, 16, 20]);
      await d.setStatus("execMeeting", "IN_PROGRESS", [-4, 13], "champ");
      await d.comment("champ", [-1, 14, 5], "Our COO has 30 minutes on Thursday for the executive meeting. Sending the invite now.", "execMeeting");
      await d.meddpicc([2, 2, 1, 1, 1, 2, 2, 1], -5);
    },
  );

  // 3. Umbrella Health: the true Commit. The COO accepted the plan, every buyer step due so far
  //    is buyer-confirmed, only the security review slipped (two days, at the buyer's request),
  //    six stakeholders are active and MEDDPICC is 15/16. Deal desk approval is Riley's internal
  //    step. Derived: Commit, on track; Riley's Commit call matches.
  await seedDeal(
    org,
    {
      owner: riley,
      accountName: "Umbrella Health",
      domain: "umbrellahealth.example",
      name: "Clinical operations rollout",
      amount: 120000,
      stage: 5,
      targetCloseDate: day(21),
      repForecastCategory: "COMMIT",
      created: -35,
    },
    async (d) => {
      await d.addPlan({
        created: -30,
        start: -28,
        summary: "Go live in the two pilot hospitals next quarter; signature before the end of this one.",
        buyers: [
          { key: "eb", name: "Helen Park", title: "Chief Operating Officer", role: "ECONOMIC_BUYER", access: "ACTIVE", seen: -4 },
          { key: "champ", name: "Raj Patel", title: "Director, Clinical Operations", role: "CHAMPION", access: "ACTIVE" },
          { key: "tech", name: "Chloe Martin", title: "Enterprise Architect", role: "TECHNICAL_EVALUATOR", access: "ACTIVE" },
          { key: "sec", name: "Ben Ortiz", title: "Information Security Manager", role: "OTHER", access: "ACTIVE" },
          { key: "proc", name: "Omar Haddad", title: "Strategic Sourcing Lead", role: "PROCUREMENT", access: "ACTIVE" },
          { key: "legal", name: "Grace Liu", title: "Senior Counsel", role: "LEGAL", access: "ACTIVE", seen: -3 },
        ],
        extra: [{ ...DESK_APPROVAL, target: 5, created: [-6, 9] }],
      });
      await d.share([-27, 10]);
      await d.accept("eb", [-24, 16, 45]);
      await d.buyerDone("businessCase", [-22, 14]);
      await d.sellerDone("techEval", [-15, 11]);
      await d.confirm("techEval", [-14, 10]);
      await d.redate("security", -8, [-16, 14], "sec");
      await d.buyerDone("security", [-8, 15]);
      await d.sellerDone("execMeeting", [-7, 11]);
      await d.confirm("execMeeting", [-7, 16]);
      await d.sellerDone("proposal", [-5, 10]);
      await d.setStatus("procurement", "IN_PROGRESS", [-3, 13], "proc");
      await d.setStatus("deskApproval", "IN_PROGRESS", [-2, 9], "rep");
      await d.comment("proc", [-2, 15], "Vendor record is in progress. We still need your W-9 and a bank letter on letterhead.", "procurement");
      await d.meddpicc([2, 2, 2, 2, 2, 2, 2, 1], -4);
    },
  );

  // 4. Stark Logistics: the technical evaluation is three days late because the load test
  //    slipped; the evaluator says so and gives a new day. The CFO never opened the invitation.
  //    Derived: Best Case (active buyers, projection still in the quarter), at risk.
  const stark = { countersign: day(32), behind: 3 };
  await seedDeal(
    org,
    {
      owner: riley,
      accountName: "Stark Logistics",
      domain: "starklogistics.example",
      name: "Fleet telemetry",
      amount: 52000,
      stage: 4,
      targetCloseDate: closeDateInQuarterOf(org, addDays(stark.countersign, stark.behind), stark.countersign),
      repForecastCategory: "BEST_CASE",
      created: -21,
    },
    async (d) => {
      await d.addPlan({
        created: -19,
        start: -17,
        summary: "Telemetry on all 400 trucks by spring; evaluation on the Newark depot first.",
        buyers: [
          { key: "champ", name: "Howard Kim", title: "Head of Fleet Operations", role: "CHAMPION", access: "ACTIVE", seen: -1 },
          { key: "tech", name: "Maria Lopez", title: "Data Platform Lead", role: "TECHNICAL_EVALUATOR", access: "ACTIVE" },
          { key: "eb", name: "Victor Chen", title: "VP Finance", role: "ECONOMIC_BUYER", access: "INVITED" },
          { key: "user", name: "Jo Adams", title: "Dispatch Supervisor", role: "USER_CHAMPION", access: "ACTIVE", seen: -5 },
        ],
      });
      await d.share([-16, 9, 15]);
      await d.buyerDone("businessCase", [-10, 16]);
      await d.setStatus("techEval", "IN_PROGRESS", [-6, 11], "tech");
      await d.comment("tech", [-2, 17], "The load test on the Newark depot data slipped. Results by Friday.", "techEval");
      await d.meddpicc([2, 0, 1, 1, 1, 2, 2, 1], -6);
    },
  );

  // 5. Wayne Freight: the security questionnaire has sat in the buyer's InfoSec queue for twelve
  //    days and the executive meeting waits on it. The buyer still talks, so it is not silence.
  //    Sam moved the deal to stage 5 anyway: stage-pushed, since the security review and the
  //    executive meeting gate stage 4.
  //    Derived: Best Case (recent buyer activity, projection kept in the quarter), stalled.
  const wayne = { countersign: day(19), behind: 12 };
  await seedDeal(
    org,
    {
      owner: sam,
      accountName: "Wayne Freight",
      domain: "waynefreight.example",
      name: "Dock scheduling",
      amount: 64000,
      stage: 5,
      targetCloseDate: closeDateInQuarterOf(org, addDays(wayne.countersign, wayne.behind), wayne.countersign),
      repForecastCategory: "BEST_CASE",
      created: -34,
    },
    async (d) => {
      await d.addPlan({
        created: -32,
        start: -30,
        summary: "Dock scheduling live in the Gotham and Bludhaven depots before peak season.",
        buyers: [
          { key: "champ", name: "Lucia Grant", title: "VP Logistics", role: "CHAMPION", access: "ACTIVE", seen: -6 },
          { key: "eb", name: "Alan Pryce", title: "CFO", role: "ECONOMIC_BUYER", access: "ACTIVE", seen: -20 },
          { key: "tech", name: "Ken Ito", title: "Systems Architect", role: "TECHNICAL_EVALUATOR", access: "ACTIVE" },
          { key: "sec", name: "Fatima Noor", title: "InfoSec Analyst", role: "OTHER", access: "ACTIVE" },
          { key: "proc", name: "Derek Shaw", title: "Category Manager", role: "PROCUREMENT", access: "INVITED" },
        ],
      });
      await d.share([-29, 10]);
      await d.buyerDone("businessCase", [-23, 14]);
      await d.sellerDone("techEval", [-17, 11]);
      await d.confirm("techEval", [-15, 10]);
      await d.setStatus("security", "BLOCKED", [-9, 14], "sec");
      await d.comment("sec", [-6, 11], "Our InfoSec queue is backed up. The questionnaire is with them; no date yet.", "security");
      await d.sellerDone("proposal", [-6, 16]);
    },
  );

  // 6. Brightwater Foods: the champion sent the business case early, then the buyer went quiet
  //    for 20 days. Nothing is badly late yet; Sam's nudges get no answer. Sam still says Best
  //    Case. Derived: Pipeline (14+ days without buyer activity), stalled by silence.
  await seedDeal(
    org,
    {
      owner: sam,
      accountName: "Brightwater Foods Ltd",
      domain: "brightwater.example",
      name: "Cold-chain monitoring",
      amount: 42000,
      currency: "GBP",
      stage: 3,
      targetCloseDate: day(30),
      repForecastCategory: "BEST_CASE",
      created: -27,
    },
    async (d) => {
      await d.addPlan({
        created: -24,
        start: -19,
        summary: "Cold-chain alerts in the Bristol and Leeds warehouses, evaluated on live sensor data.",
        buyers: [
          { key: "champ", name: "Oliver Bennett", title: "Head of Supply Chain", role: "CHAMPION", access: "ACTIVE" },
          { key: "eb", name: "Harriet Cole", title: "Finance Director", role: "ECONOMIC_BUYER", access: "ACTIVE", seen: -21 },
          { key: "tech", name: "George Patel", title: "IT Manager", role: "TECHNICAL_EVALUATOR", access: "INVITED" },
        ],
      });
      // Shared ahead of the kickoff call, so the silence is counted from the champion's last step.
      await d.share([-22, 15]);
      await d.buyerDone("businessCase", [-20, 11]);
      await d.comment("champ", [-20, 11, 40], "Business case is with our Finance Director. George's team is lined up for the evaluation.");
      await d.comment("rep", [-12, 9], "George, I have re-sent the sandbox logins. Shout if they do not work.", "techEval");
      await d.comment("rep", [-5, 9, 30], "Hi Oliver, checking in on the evaluation. Happy to run a working session with George's team this week.", "techEval");
    },
  );

  // 7. Tyrell Systems: the over-called deal. The plan was accepted and the early steps went
  //    fine, but four steps have slipped: evaluation, procurement, then legal asked for three more
  //    weeks, and the CTO wants to sign in the new budget period, so Sam moved countersignature
  //    into the first week of next quarter. He left the close date and his Commit call alone. Derived: Pipeline (projected close lands in
  //    the next quarter; 2+ slipped steps fail Commit anyway), on track (nothing overdue).
  const tyrellClose = day(17);
  const tyrellSignature = [addDays(fiscalQuarter(tyrellClose, org.fiscalYearStartMonth).end, 7), day(31)].sort().at(-1)!;
  await seedDeal(
    org,
    {
      owner: sam,
      accountName: "Tyrell Systems",
      domain: "tyrell.example",
      name: "Data platform migration",
      amount: 150000,
      stage: 5,
      targetCloseDate: tyrellClose,
      repForecastCategory: "COMMIT",
      created: -38,
    },
    async (d) => {
      await d.addPlan({
        created: -34,
        start: -32,
        summary: "Migrate the analytics estate off the legacy warehouse, starting with the replicant telemetry pipeline.",
        buyers: [
          { key: "champ", name: "Rachael Moore", title: "VP Data Platform", role: "CHAMPION", access: "ACTIVE" },
          { key: "tech", name: "Henry Sebastian", title: "Staff Engineer", role: "TECHNICAL_EVALUATOR", access: "ACTIVE" },
          { key: "eb", name: "Anita Roy", title: "CTO", role: "ECONOMIC_BUYER", access: "ACTIVE", seen: -7 },
          { key: "proc", name: "Paul Grant", title: "Procurement Lead", role: "PROCUREMENT", access: "ACTIVE" },
          { key: "legal", name: "Irene Walsh", title: "Associate General Counsel", role: "LEGAL", access: "ACTIVE" },
        ],
      });
      await d.share([-31, 10]);
      await d.accept("champ", [-28, 15]);
      await d.buyerDone("businessCase", [-26, 14]);
      await d.redate("techEval", -11, [-19, 15], "tech");
      await d.buyerDone("security", [-14, 12]);
      await d.sellerDone("execMeeting", [-11, 10]);
      await d.buyerDone("techEval", [-11, 16]);
      await d.confirm("execMeeting", [-10, 9]);
      await d.sellerDone("proposal", [-9, 15]);
      await d.redate("procurement", 5, [-3, 11], "proc");
      await d.comment("legal", [-2, 14], "Our outside counsel has to review the DPA. Realistically we will not have redlines back for three weeks.", "legal");
      await d.redate("legal", 24, [-2, 14, 30], "legal");
      await d.redate("countersign", tyrellSignature, [-1, 10], "rep");
      await d.comment("champ", [-1, 16], "Heads-up: Anita wants to sign in the new budget period, so signature lands early next quarter, not this one.");
      await d.meddpicc([1, 1, 1, 1, 0, 2, 2, 1], -1);
    },
  );

  // 8. Soylent Foods: after calls with the buyer, Riley marked the evaluation and the security
  //    review done; nobody on the buyer side has confirmed either. Both show as "done,
  //    awaiting buyer confirmation" and count as late. Derived: Best Case, at risk (5 days overdue).
  const soylent = { countersign: day(30), behind: 5 };
  await seedDeal(
    org,
    {
      owner: riley,
      accountName: "Soylent Foods",
      domain: "soylent.example",
      name: "Supply planning",
      amount: 27500,
      stage: 4,
      targetCloseDate: closeDateInQuarterOf(org, addDays(soylent.countersign, soylent.behind), soylent.countersign),
      repForecastCategory: "BEST_CASE",
      created: -23,
    },
    async (d) => {
      await d.addPlan({
        created: -21,
        start: -19,
        summary: "Demand and supply planning for the three bakery plants.",
        buyers: [
          { key: "champ", name: "Nora Fields", title: "Director of Planning", role: "CHAMPION", access: "ACTIVE" },
          { key: "tech", name: "Ivan Petrov", title: "Solutions Architect", role: "TECHNICAL_EVALUATOR", access: "ACTIVE", seen: -11 },
          { key: "eb", name: "Carla Mendes", title: "VP Finance", role: "ECONOMIC_BUYER", access: "INVITED" },
          { key: "exec", name: "Gwen Adler", title: "SVP Operations", role: "EXECUTIVE_SPONSOR", access: "INVITED" },
        ],
      });
      await d.share([-18, 10]);
      await d.buyerDone("businessCase", [-12, 15]);
      await d.comment("champ", [-9, 10], "Finance signed off on the business case. Ivan is running the evaluation.", "businessCase");
      await d.sellerDone("techEval", [-6, 16]);
      await d.sellerDone("security", [-2, 11]);
    },
  );

  // 9. Kessler Maschinenbau: the champion finished the first step 38 days ago and nobody has
  //    acted since; the user champion left the company and Sam removed him. Sam keeps it in
  //    Pipeline. Derived: Omitted (30+ days without buyer activity), stalled.
  await seedDeal(
    org,
    {
      owner: sam,
      accountName: "Kessler Maschinenbau GmbH",
      domain: "kessler.example",
      name: "Shop-floor scheduling",
      amount: 45000,
      currency: "EUR",
      stage: 3,
      targetCloseDate: day(4),
      repForecastCategory: "PIPELINE",
      created: -50,
    },
    async (d) => {
      await d.addPlan({
        created: -47,
        start: -45,
        summary: "Finite scheduling for the Stuttgart plant, evaluated on one production line.",
        buyers: [
          { key: "champ", name: "Klaus Richter", title: "Head of Production", role: "CHAMPION", access: "ACTIVE" },
          { key: "eb", name: "Sabine Hoffmann", title: "CFO", role: "ECONOMIC_BUYER", access: "INVITED" },
          { key: "user", name: "Jonas Weber", title: "Production Planner", role: "USER_CHAMPION", access: "REVOKED", seen: -40 },
        ],
      });
      await d.share([-44, 9]);
      await d.buyerDone("businessCase", [-38, 11, 20]);
      await d.revoke("user", [-12, 10]);
      await d.comment("rep", [-10, 9], "Klaus, shall we re-plan the evaluation for next month? Happy to move the dates with you.", "techEval");
    },
  );

  // 10. Wonka Confections: won six days ago. Accepted by the CFO, every step done and confirmed
  //     on time, countersigned by the CFO herself. Derived: Closed.
  await seedDeal(
    org,
    {
      owner: riley,
      accountName: "Wonka Confections",
      domain: "wonka.example",
      name: "Factory operations suite",
      amount: 96000,
      stage: 5,
      targetCloseDate: day(-6),
      repForecastCategory: "COMMIT",
      created: -62,
    },
    async (d) => {
      await d.addPlan({
        created: -58,
        start: -55,
        summary: "Operations suite for the chocolate and confectionery lines, live before the holiday run.",
        buyers: [
          { key: "eb", name: "Isabel Ford", title: "CFO", role: "ECONOMIC_BUYER", access: "ACTIVE" },
          { key: "champ", name: "Charlie Baker", title: "Operations Manager", role: "CHAMPION", access: "ACTIVE", seen: -2 },
          { key: "exec", name: "Evelyn Park", title: "COO", role: "EXECUTIVE_SPONSOR", access: "ACTIVE" },
          { key: "tech", name: "Tom Nguyen", title: "IT Director", role: "TECHNICAL_EVALUATOR", access: "ACTIVE" },
          { key: "legal", name: "Rosa Diaz", title: "General Counsel", role: "LEGAL", access: "ACTIVE" },
          { key: "proc", name: "Sam Okoro", title: "Indirect Procurement", role: "PROCUREMENT", access: "ACTIVE" },
        ],
        extra: [{ ...DESK_APPROVAL, target: -18, created: [-33, 9] }],
      });
      await d.share([-54, 10]);
      await d.accept("eb", [-51, 15]);
      await d.buyerDone("businessCase", [-49, 14]);
      await d.sellerDone("techEval", [-42, 11]);
      await d.confirm("techEval", [-41, 10]);
      await d.buyerDone("security", [-37, 15]);
      await d.sellerDone("execMeeting", [-34, 11]);
      await d.confirm("execMeeting", [-34, 16], "exec");
      await d.sellerDone("proposal", [-32, 10]);
      await d.buyerDone("procurement", [-26, 14]);
      await d.sellerDone("deskApproval", [-19, 15]);
      await d.sellerDone("legal", [-14, 11]);
      await d.confirm("legal", [-13, 10]);
      await d.buyerDone("countersign", [-6, 11]);
      await d.comment("eb", [-6, 11, 30], "Signed and returned. Looking forward to the kickoff!", "countersign");
      await d.close("WON", [-6, 17]);
      await d.meddpicc([2, 2, 2, 2, 2, 2, 2, 1], -20);
    },
  );

  // 11. Massive Dynamic: lost to the incumbent. The champion said so politely; Sam closed it the
  //     next day. Derived: Omitted (lost).
  await seedDeal(
    org,
    {
      owner: sam,
      accountName: "Massive Dynamic",
      domain: "massivedynamic.example",
      name: "Research data hub",
      amount: 70000,
      stage: 4,
      targetCloseDate: day(9),
      repForecastCategory: "BEST_CASE",
      created: -45,
    },
    async (d) => {
      await d.addPlan({
        created: -42,
        start: -40,
        summary: "One research data hub for the lab groups, replacing three home-grown catalogs.",
        buyers: [
          { key: "champ", name: "Elena Brooks", title: "Director of Research Computing", role: "CHAMPION", access: "ACTIVE" },
          { key: "tech", name: "Astrid Farnsworth", title: "Research Engineer", role: "TECHNICAL_EVALUATOR", access: "ACTIVE", seen: -25 },
          { key: "eb", name: "Philip Broyles", title: "VP Research", role: "ECONOMIC_BUYER", access: "INVITED" },
        ],
      });
      await d.share([-39, 10]);
      await d.buyerDone("businessCase", [-33, 14]);
      await d.sellerDone("techEval", [-27, 11]);
      await d.confirm("techEval", [-25, 10]);
      await d.comment(
        "champ",
        [-10, 16],
        "We have decided to stay with our incumbent this year. Thank you for the thorough plan; let's talk again at renewal time.",
      );
      await d.close("LOST", [-9, 10]);
    },
  );

  // 12. Aperture Labs: a small pilot. Riley cut the template down to four steps before sharing
  //     (no security, procurement or legal), which is what the plan-size warning is for. The
  //     buyer is engaged, and Riley under-calls it as Pipeline. Derived: Best Case, on track.
  await seedDeal(
    org,
    {
      owner: riley,
      accountName: "Aperture Labs",
      domain: "aperture.example",
      name: "Lab automation pilot",
      amount: 18000,
      stage: 2,
      targetCloseDate: day(40),
      repForecastCategory: "PIPELINE",
      created: -10,
    },
    async (d) => {
      await d.addPlan({
        created: [-9, 10],
        start: -9,
        summary: "A six-week pilot in the Enrichment Center's test lab.",
        buyers: [
          { key: "champ", name: "Caroline Reyes", title: "Head of Lab Automation", role: "CHAMPION", access: "ACTIVE" },
          { key: "tech", name: "Greg Wheatley", title: "Lab Systems Engineer", role: "TECHNICAL_EVALUATOR", access: "INVITED" },
        ],
      });
      await d.deleteSteps(["security", "execMeeting", "procurement", "legal"], [-9, 11]);
      await d.share([-8, 10]);
      await d.buyerDone("businessCase", [-3, 15]);
      await d.comment("champ", [-2, 10], "Our lab team can start the evaluation on Monday.", "techEval");
    },
  );
}

/** Another tenant's deal, so the demo database always holds data that Northwind must never see. */
export async function seedGlobexDeal(org: SeedOrg, admin: SeedUser) {
  await seedDeal(
    org,
    {
      owner: admin,
      accountName: "Pied Piper",
      domain: "piedpiper.example",
      name: "Compression licensing",
      amount: 60000,
      currency: "NZD",
      stage: 3,
      targetCloseDate: org.day(39),
      repForecastCategory: "BEST_CASE",
      created: -12,
    },
    async (d) => {
      await d.addPlan({
        created: -11,
        start: -10,
        summary: "License the compression engine for Globex's archive product.",
        buyers: [
          { key: "champ", name: "Richard Hendricks", title: "CEO", role: "CHAMPION", access: "ACTIVE" },
          { key: "proc", name: "Jared Dunn", title: "Head of Business Development", role: "PROCUREMENT", access: "INVITED" },
        ],
      });
      await d.share([-9, 10]);
      await d.buyerDone("businessCase", [-4, 14]);
    },
  );
}
