import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, calendarDateIn } from "./dates";
import {
  CHECK_IN_MAX_STEPS,
  awaitingReminders,
  checkInFor,
  dueSoonReminders,
  lastMovedOn,
  overdueReminders,
  type LastMove,
  type PlanFacts,
  type QuietPlanFacts,
  type Recipient,
  type Reminder,
  type StepFacts,
} from "./reminders";

const LIVE: PlanFacts = { status: "SHARED", dealOutcome: "OPEN", archived: false };
const bea: Recipient = { id: "p-bea", email: "Bea@Acme.example", name: "Bea", side: "BUYER", active: true };
const carl: Recipient = { id: "p-carl", email: "carl@acme.example", name: "Carl", side: "BUYER", active: true };
const ivy: Recipient = { id: "p-ivy", email: "ivy@acme.example", name: "Ivy", side: "BUYER", active: false };
const rita: Recipient = { id: "u-rita", email: "rita@seller.example", name: "Rita", side: "SELLER", active: true };
const sam: Recipient = { id: "u-sam", email: "sam@seller.example", name: "Sam", side: "SELLER", active: true };

function step(overrides: Partial<StepFacts> = {}): StepFacts {
  return {
    id: "m1",
    ownerSide: "BUYER",
    internalOnly: false,
    targetDate: "2026-12-01",
    completion: "OPEN",
    markedDoneAt: null,
    owner: bea,
    ...overrides,
  };
}

const keys = (reminders: Reminder[]) => reminders.map((r) => r.key);
const at = (iso: string) => new Date(iso);

describe("due in 2 days", () => {
  it.each([
    ["2026-11-29", "2026-12-01"],
    ["2026-11-30", "2026-12-02"],
    ["2026-12-30", "2027-01-01"],
    ["2028-02-27", "2028-02-29"],
  ])("on %s reminds the owner of a step due %s, across the month end", (today, targetDate) => {
    expect(keys(dueSoonReminders(today, LIVE, step({ targetDate })))).toEqual([`due-soon:m1:${targetDate}:bea@acme.example`]);
  });

  it("is neither a day early nor a day late", () => {
    const s = step({ targetDate: "2027-01-01" });
    expect(dueSoonReminders("2026-12-29", LIVE, s)).toEqual([]);
    expect(dueSoonReminders("2026-12-30", LIVE, s)).toHaveLength(1);
    expect(dueSoonReminders("2026-12-31", LIVE, s)).toEqual([]);
  });

  it("follows the organization's calendar for readers in UTC+13 and UTC−10", () => {
    const s = step({ targetDate: "2026-12-01" });
    // Auckland in summer and Tongatapu are UTC+13: 29 Nov begins at 11:00 UTC on the 28th.
    for (const zone of ["Pacific/Auckland", "Pacific/Tongatapu"]) {
      expect(dueSoonReminders(calendarDateIn(zone, at("2026-11-28T10:59:00Z")), LIVE, s)).toEqual([]);
      expect(dueSoonReminders(calendarDateIn(zone, at("2026-11-28T11:00:00Z")), LIVE, s)).toHaveLength(1);
    }
    // Honolulu is UTC−10: 29 Nov begins at 10:00 UTC on the 29th.
    expect(dueSoonReminders(calendarDateIn("Pacific/Honolulu", at("2026-11-29T09:59:00Z")), LIVE, s)).toEqual([]);
    expect(dueSoonReminders(calendarDateIn("Pacific/Honolulu", at("2026-11-29T10:00:00Z")), LIVE, s)).toHaveLength(1);
  });

  it("asks again for a new date, and never twice for one", () => {
    const first = dueSoonReminders("2026-11-29", LIVE, step({ targetDate: "2026-12-01" }));
    const moved = dueSoonReminders("2026-12-06", LIVE, step({ targetDate: "2026-12-08" }));
    expect(keys(first)).not.toEqual(keys(moved));
  });

  it("goes only to an owner who can act, about a step still open on a live plan", () => {
    const today = "2026-11-29";
    expect(dueSoonReminders(today, LIVE, step({ owner: ivy }))).toEqual([]);
    expect(dueSoonReminders(today, LIVE, step({ owner: null }))).toEqual([]);
    expect(dueSoonReminders(today, LIVE, step({ completion: "DONE" }))).toEqual([]);
    expect(dueSoonReminders(today, LIVE, step({ completion: "AWAITING_BUYER_CONFIRMATION" }))).toEqual([]);
    expect(dueSoonReminders(today, LIVE, step({ internalOnly: true }))).toEqual([]);
    expect(dueSoonReminders(today, LIVE, step({ internalOnly: true, ownerSide: "SELLER", owner: rita }))).toHaveLength(1);
    expect(dueSoonReminders(today, { ...LIVE, status: "DRAFT" }, step())).toEqual([]);
    expect(dueSoonReminders(today, { ...LIVE, status: "ACCEPTED" }, step())).toHaveLength(1);
    expect(dueSoonReminders(today, { ...LIVE, dealOutcome: "WON" }, step())).toEqual([]);
    expect(dueSoonReminders(today, { ...LIVE, archived: true }, step())).toEqual([]);
    expect(dueSoonReminders(today, LIVE, step({ targetDate: "2026-13-01" }))).toEqual([]);
  });
});

describe("overdue", () => {
  it("starts at midnight in New York on the night the clocks fall back (1 Nov 2026)", () => {
    const s = step({ targetDate: "2026-10-31" });
    const today = (iso: string) => calendarDateIn("America/New_York", at(iso));
    expect(overdueReminders(today("2026-11-01T03:59:00Z"), LIVE, s, rita)).toEqual([]);
    expect(keys(overdueReminders(today("2026-11-01T04:00:00Z"), LIVE, s, rita))).toEqual([
      "overdue:m1:2026-10-31:bea@acme.example",
      "overdue:m1:2026-10-31:rita@seller.example",
    ]);
    // The 25-hour day: still 1 Nov (one day late) until 05:00 UTC, when the key is unchanged anyway.
    expect(today("2026-11-02T04:30:00Z")).toBe("2026-11-01");
    expect(keys(overdueReminders(today("2026-11-02T05:00:00Z"), LIVE, s, rita))).toEqual(keys(overdueReminders("2026-11-01", LIVE, s, rita)));
  });

  it("starts at midnight in New York on the day the clocks spring forward (8 Mar 2026)", () => {
    const today = (iso: string) => calendarDateIn("America/New_York", at(iso));
    expect(overdueReminders(today("2026-03-08T04:59:00Z"), LIVE, step({ targetDate: "2026-03-07" }), rita)).toEqual([]);
    expect(overdueReminders(today("2026-03-08T05:00:00Z"), LIVE, step({ targetDate: "2026-03-07" }), rita)).toHaveLength(2);
    // The 23-hour day ends an hour early in UTC terms: 9 Mar begins at 04:00 UTC.
    expect(overdueReminders(today("2026-03-09T03:59:00Z"), LIVE, step({ targetDate: "2026-03-08" }), rita)).toEqual([]);
    expect(overdueReminders(today("2026-03-09T04:00:00Z"), LIVE, step({ targetDate: "2026-03-08" }), rita)).toHaveLength(2);
  });

  it("starts at midnight in Auckland across its clock changes, and for readers in UTC−10", () => {
    const today = (zone: string, iso: string) => calendarDateIn(zone, at(iso));
    // Auckland falls back on 5 Apr 2026: 6 Apr begins at 12:00 UTC (UTC+12).
    expect(overdueReminders(today("Pacific/Auckland", "2026-04-05T11:59:00Z"), LIVE, step({ targetDate: "2026-04-05" }), null)).toEqual([]);
    expect(overdueReminders(today("Pacific/Auckland", "2026-04-05T12:00:00Z"), LIVE, step({ targetDate: "2026-04-05" }), null)).toHaveLength(1);
    // It springs forward on 27 Sep 2026: 28 Sep begins at 11:00 UTC (UTC+13).
    expect(overdueReminders(today("Pacific/Auckland", "2026-09-27T10:59:00Z"), LIVE, step({ targetDate: "2026-09-27" }), null)).toEqual([]);
    expect(overdueReminders(today("Pacific/Auckland", "2026-09-27T11:00:00Z"), LIVE, step({ targetDate: "2026-09-27" }), null)).toHaveLength(1);
    expect(overdueReminders(today("Pacific/Honolulu", "2026-12-01T09:59:00Z"), LIVE, step({ targetDate: "2026-11-30" }), null)).toEqual([]);
    expect(overdueReminders(today("Pacific/Honolulu", "2026-12-01T10:00:00Z"), LIVE, step({ targetDate: "2026-11-30" }), null)).toHaveLength(1);
  });

  it("keeps one key per person through the week after the date, and stops after it", () => {
    const s = step({ targetDate: "2026-11-20" });
    const week = [1, 2, 3, 4, 5, 6, 7].map((late) => keys(overdueReminders(addDays("2026-11-20", late), LIVE, s, rita)));
    expect(new Set(week.flat()).size).toBe(2);
    expect(overdueReminders("2026-11-28", LIVE, s, rita)).toEqual([]);
    expect(overdueReminders("2026-11-20", LIVE, s, rita)).toEqual([]);
  });

  it("sends one email to an owner who is also the rep", () => {
    const mine = step({ ownerSide: "SELLER", owner: { ...rita, id: "participant-of-rita", email: "RITA@seller.example" } });
    const reminders = overdueReminders("2026-12-02", LIVE, mine, rita);
    expect(reminders).toHaveLength(1);
    expect(reminders[0].role).toBe("OWNER");
  });

  it("leaves out whoever cannot act or may not know of the step", () => {
    expect(overdueReminders("2026-12-02", LIVE, step({ owner: ivy }), rita).map((r) => r.role)).toEqual(["REP"]);
    expect(overdueReminders("2026-12-02", LIVE, step(), { ...rita, active: false }).map((r) => r.role)).toEqual(["OWNER"]);
    expect(overdueReminders("2026-12-02", LIVE, step({ internalOnly: true }), rita).map((r) => r.to.email)).toEqual([rita.email]);
    expect(overdueReminders("2026-12-02", LIVE, step({ completion: "AWAITING_BUYER_CONFIRMATION" }), rita)).toEqual([]);
    expect(overdueReminders("2026-12-02", { ...LIVE, dealOutcome: "LOST" }, step(), rita)).toEqual([]);
    expect(overdueReminders("2026-12-02", LIVE, step({ ownerSide: "SELLER", owner: sam }), rita).map((r) => r.to.name)).toEqual(["Sam", "Rita"]);
  });
});

describe("awaiting your confirmation", () => {
  const markedDoneAt = at("2026-12-01T15:00:00Z");
  const awaiting = step({ completion: "AWAITING_BUYER_CONFIRMATION", markedDoneAt });
  const buyers = [bea, carl, ivy, { ...carl, id: "p-carl-again" }];

  it("waits ten minutes, so that a mark undone at once reaches nobody", () => {
    expect(awaitingReminders(at("2026-12-01T15:09:59Z"), LIVE, awaiting, buyers)).toEqual([]);
    expect(keys(awaitingReminders(at("2026-12-01T15:10:00Z"), LIVE, awaiting, buyers))).toEqual([`awaiting:m1:${markedDoneAt.getTime()}:bea@acme.example`]);
    expect(awaitingReminders(at("2026-12-08T15:00:01Z"), LIVE, awaiting, buyers)).toEqual([]);
  });

  it("goes to the owner, or to every active buyer once when the owner cannot act", () => {
    const now = at("2026-12-01T16:00:00Z");
    expect(awaitingReminders(now, LIVE, awaiting, buyers).map((r) => r.to.name)).toEqual(["Bea"]);
    expect(awaitingReminders(now, LIVE, { ...awaiting, owner: ivy }, buyers).map((r) => r.to.name)).toEqual(["Bea", "Carl"]);
    expect(awaitingReminders(now, LIVE, { ...awaiting, owner: null, ownerSide: "JOINT" }, buyers).map((r) => r.role)).toEqual(["BUYER", "BUYER"]);
    expect(awaitingReminders(now, LIVE, { ...awaiting, owner: rita, ownerSide: "JOINT" }, buyers).map((r) => r.to.name)).toEqual(["Bea", "Carl"]);
  });

  it("never about an internal-only, open, or confirmed step, nor on a plan that is not live", () => {
    const now = at("2026-12-01T16:00:00Z");
    expect(awaitingReminders(now, LIVE, { ...awaiting, internalOnly: true }, buyers)).toEqual([]);
    expect(awaitingReminders(now, LIVE, { ...awaiting, completion: "DONE" }, buyers)).toEqual([]);
    expect(awaitingReminders(now, LIVE, { ...awaiting, completion: "OPEN" }, buyers)).toEqual([]);
    expect(awaitingReminders(now, { ...LIVE, status: "DRAFT" }, awaiting, buyers)).toEqual([]);
  });

  it("asks again for a new mark of the same step", () => {
    const again = { ...awaiting, markedDoneAt: at("2026-12-02T09:00:00Z") };
    expect(keys(awaitingReminders(at("2026-12-02T10:00:00Z"), LIVE, again, buyers))).not.toEqual(
      keys(awaitingReminders(at("2026-12-01T16:00:00Z"), LIVE, awaiting, buyers)),
    );
  });
});

describe("the stale-plan check-in", () => {
  const plan: QuietPlanFacts = { ...LIVE, id: "plan1", sharedOn: "2026-11-01" };
  const move: LastMove = { id: "act9", on: "2026-11-19" };
  const steps = [
    step({ id: "a", targetDate: "2026-12-10", owner: bea }),
    step({ id: "b", targetDate: "2026-12-03", owner: null, ownerSide: "JOINT" }),
    step({ id: "c", ownerSide: "SELLER", owner: rita }),
    step({ id: "d", internalOnly: true, owner: carl }),
    step({ id: "e", completion: "DONE", owner: carl }),
  ];

  it("comes on the tenth quiet day, once for the whole spell", () => {
    expect(checkInFor("2026-11-28", plan, move, steps, [bea, carl])).toBeNull();
    const first = checkInFor("2026-11-29", plan, move, steps, [bea, carl]);
    expect(first?.quietDays).toBe(10);
    expect(keys(first!.reminders)).toEqual(["check-in:plan1:act9:bea@acme.example"]);
    for (let day = 11; day <= 16; day++)
      expect(keys(checkInFor(addDays("2026-11-19", day), plan, move, steps, [bea, carl])!.reminders)).toEqual(keys(first!.reminders));
    expect(checkInFor("2026-12-06", plan, move, steps, [bea, carl])).toBeNull();
  });

  it("asks about the buyer's open steps, soonest first, never the seller's, internal or finished ones", () => {
    const checkIn = checkInFor("2026-11-29", plan, move, steps, [bea, carl])!;
    expect(checkIn.steps.map((s) => s.id)).toEqual(["b", "a"]);
    const many = Array.from({ length: 11 }, (_, i) => step({ id: `s${i}`, targetDate: addDays("2026-12-01", i) }));
    const long = checkInFor("2026-11-29", plan, move, many, [bea])!;
    expect(long.steps).toHaveLength(CHECK_IN_MAX_STEPS);
    expect(long.more).toBe(3);
  });

  it("goes to every active buyer when none of them owns an open step, and not at all when nothing is left to do", () => {
    const unowned = steps.map((s) => ({ ...s, owner: s.owner === bea ? null : s.owner }));
    expect(checkInFor("2026-11-29", plan, move, unowned, [bea, carl, ivy])!.reminders.map((r) => r.to.name)).toEqual(["Bea", "Carl"]);
    expect(checkInFor("2026-11-29", plan, move, [steps[2], steps[4]], [bea, carl])).toBeNull();
    expect(checkInFor("2026-11-29", plan, move, steps, [ivy])).toBeNull();
  });

  it("counts from the day the plan was shared when that is later, and keys the spell by it without a change", () => {
    const lateShare = { ...plan, sharedOn: "2026-11-20" };
    expect(lastMovedOn(lateShare, move)).toBe("2026-11-20");
    expect(checkInFor("2026-11-29", lateShare, move, steps, [bea])).toBeNull();
    expect(keys(checkInFor("2026-11-30", lateShare, null, steps, [bea])!.reminders)).toEqual(["check-in:plan1:2026-11-20:bea@acme.example"]);
  });

  it("counts days in the organization's calendar: a change late in the evening in Honolulu belongs to that day", () => {
    // 09:30 UTC on 20 Nov is 23:30 on 19 Nov in Honolulu (UTC−10), and 22:30 on 20 Nov in Auckland (UTC+13).
    const change = at("2026-11-20T09:30:00Z");
    const inHonolulu = { id: "act", on: calendarDateIn("Pacific/Honolulu", change) };
    const inAuckland = { id: "act", on: calendarDateIn("Pacific/Auckland", change) };
    expect(checkInFor("2026-11-29", plan, inHonolulu, steps, [bea])?.quietDays).toBe(10);
    expect(checkInFor("2026-11-29", plan, inAuckland, steps, [bea])).toBeNull();
  });

  it("leaves draft plans and closed or archived deals alone", () => {
    expect(checkInFor("2026-11-29", { ...plan, status: "DRAFT" }, move, steps, [bea])).toBeNull();
    expect(checkInFor("2026-11-29", { ...plan, dealOutcome: "WON" }, move, steps, [bea])).toBeNull();
    expect(checkInFor("2026-11-29", { ...plan, archived: true }, move, steps, [bea])).toBeNull();
  });
});

// --- properties ------------------------------------------------------------------------------

const TODAY = "2026-11-29";
const people = [bea, carl, ivy, rita, sam, { ...bea, id: "p-bea-twin" }];
const personArb = fc.option(fc.constantFrom(...people), { nil: null });
const stepArb = fc.record({
  id: fc.constantFrom("m1", "m2", "m3"),
  ownerSide: fc.constantFrom("BUYER" as const, "SELLER" as const, "JOINT" as const),
  internalOnly: fc.boolean(),
  targetDate: fc.integer({ min: -12, max: 6 }).map((offset) => addDays(TODAY, offset)),
  completion: fc.constantFrom("OPEN" as const, "DONE" as const, "AWAITING_BUYER_CONFIRMATION" as const),
  markedDoneAt: fc.option(
    fc.integer({ min: 0, max: 9 * 24 * 60 }).map((minutes) => new Date(Date.parse("2026-11-29T12:00:00Z") - minutes * 60_000)),
    { nil: null },
  ),
  owner: personArb,
});
const planArb = fc.record({
  status: fc.constantFrom("DRAFT", "SHARED", "ACCEPTED"),
  dealOutcome: fc.constantFrom("OPEN", "WON", "LOST"),
  archived: fc.boolean(),
});

/** Every reminder one state of a plan asks for, as one pass sees it. */
function everything(plan: PlanFacts, steps: StepFacts[], rep: Recipient | null, buyers: Recipient[], move: LastMove | null) {
  const unique = steps.filter((s, i) => steps.findIndex((t) => t.id === s.id) === i);
  const perStep = unique.flatMap((s) => [
    ...dueSoonReminders(TODAY, plan, s),
    ...overdueReminders(TODAY, plan, s, rep),
    ...awaitingReminders(new Date("2026-11-29T12:00:00Z"), plan, s, buyers),
  ]);
  const checkIn = checkInFor(TODAY, { ...plan, id: "plan1", sharedOn: "2026-11-01" }, move, unique, buyers);
  return { steps: unique, reminders: [...perStep, ...(checkIn?.reminders ?? [])] };
}

describe("properties of one state", () => {
  const stateArb = fc.tuple(
    planArb,
    fc.array(stepArb, { maxLength: 6 }),
    personArb,
    fc.subarray(people),
    fc.option(
      fc.integer({ min: 0, max: 20 }).map((ago) => ({ id: `act-${ago}`, on: addDays(TODAY, -ago) })),
      { nil: null },
    ),
  );

  it("never asks for two reminders with the same key, and each key names its reader", () => {
    fc.assert(
      fc.property(stateArb, ([plan, steps, rep, buyers, move]) => {
        const { reminders } = everything(plan, steps, rep, buyers, move);
        expect(new Set(keys(reminders)).size).toBe(reminders.length);
        for (const r of reminders) expect(r.key.endsWith(`:${r.to.email.toLowerCase()}`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("reaches only people who can act, never a buyer about an internal step, never from a plan that is not live", () => {
    fc.assert(
      fc.property(stateArb, ([plan, steps, rep, buyers, move]) => {
        const { steps: unique, reminders } = everything(plan, steps, rep, buyers, move);
        if (!(plan.status !== "DRAFT" && plan.dealOutcome === "OPEN" && !plan.archived)) expect(reminders).toEqual([]);
        for (const r of reminders) {
          expect(r.to.active).toBe(true);
          const about = unique.find((s) => r.key.split(":")[1] === s.id);
          if (about && r.to.side === "BUYER") expect(about.internalOnly).toBe(false);
          if (r.kind === "AWAITING_CONFIRMATION" || r.kind === "STALE_PLAN_NUDGE") expect(r.to.side).toBe("BUYER");
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("properties over time", () => {
  it("a step left as it is is reminded of once per person, however many days the passes run", () => {
    fc.assert(
      fc.property(stepArb, personArb, (s, rep) => {
        const days = Array.from({ length: 30 }, (_, i) => addDays("2026-11-10", i));
        const dueSoon = days.filter((today) => dueSoonReminders(today, LIVE, s).length > 0);
        expect(dueSoon.length).toBeLessThanOrEqual(1);
        const overdueKeys = new Set(days.flatMap((today) => keys(overdueReminders(today, LIVE, s, rep))));
        expect(overdueKeys.size).toBeLessThanOrEqual(2);
      }),
      { numRuns: 200 },
    );
  });

  it("a quiet plan is checked in on once per buyer for its spell", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 5 }), fc.subarray(people), fc.integer({ min: 0, max: 30 }), (steps, buyers, ago) => {
        const move = { id: "act", on: addDays("2026-11-01", ago) };
        const plan = { ...LIVE, id: "plan1", sharedOn: "2026-11-01" };
        const days = Array.from({ length: 60 }, (_, i) => addDays("2026-11-01", i));
        const spellKeys = new Set(days.flatMap((today) => keys(checkInFor(today, plan, move, steps, buyers)?.reminders ?? [])));
        expect(spellKeys.size).toBeLessThanOrEqual(new Set(buyers.map((b) => b.email.toLowerCase())).size);
      }),
      { numRuns: 200 },
    );
  });
});
