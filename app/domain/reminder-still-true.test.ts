import { describe, expect, it } from "vitest";
import { dueSoonReminders, stepReminderStillTrue, stepReminderSubject, type PlanFacts, type StepFacts } from "./reminders";

const LIVE: PlanFacts = { status: "SHARED", dealOutcome: "OPEN", archived: false };
const bea = { id: "p-bea", email: "bea@acme.example", name: "Bea", side: "BUYER" as const, active: true };
const step: StepFacts = { id: "m1", ownerSide: "BUYER", internalOnly: false, targetDate: "2026-12-02", completion: "OPEN", markedDoneAt: null, owner: bea };

describe("a queued step reminder, asked again when it is due to go", () => {
  const [reminder] = dueSoonReminders("2026-11-30", LIVE, step);
  const subject = stepReminderSubject(reminder.kind, reminder.key)!;

  it("reads the step and date back from the key the reminder was queued under", () => {
    expect(subject).toEqual({ stepId: "m1", marker: "2026-12-02" });
    expect(stepReminderSubject("SIGN_IN", reminder.key)).toBeNull();
    expect(stepReminderSubject("STEP_OVERDUE", reminder.key)).toBeNull();
  });

  it("holds while the step is open on the same date of a live plan", () => {
    expect(stepReminderStillTrue(reminder.kind, subject.marker, LIVE, step)).toBe(true);
  });

  it("no longer holds once the step is done or awaits confirmation, moved, or the deal closed", () => {
    expect(stepReminderStillTrue(reminder.kind, subject.marker, LIVE, { ...step, completion: "DONE" })).toBe(false);
    expect(stepReminderStillTrue(reminder.kind, subject.marker, LIVE, { ...step, completion: "AWAITING_BUYER_CONFIRMATION" })).toBe(false);
    expect(stepReminderStillTrue(reminder.kind, subject.marker, LIVE, { ...step, targetDate: "2026-12-03" })).toBe(false);
    expect(stepReminderStillTrue(reminder.kind, subject.marker, { ...LIVE, dealOutcome: "WON" }, step)).toBe(false);
  });

  it("asks a confirmation request about the very mark it was for", () => {
    const markedDoneAt = new Date("2026-11-30T10:00:00Z");
    const awaiting = { ...step, completion: "AWAITING_BUYER_CONFIRMATION" as const, markedDoneAt };
    const marker = String(markedDoneAt.getTime());
    expect(stepReminderStillTrue("AWAITING_CONFIRMATION", marker, LIVE, awaiting)).toBe(true);
    expect(stepReminderStillTrue("AWAITING_CONFIRMATION", marker, LIVE, { ...awaiting, markedDoneAt: new Date("2026-11-30T11:00:00Z") })).toBe(false);
    expect(stepReminderStillTrue("AWAITING_CONFIRMATION", marker, LIVE, { ...awaiting, completion: "DONE" })).toBe(false);
  });
});
