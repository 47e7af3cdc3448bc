import { describe, expect, it } from "vitest";
import type { IntentResult } from "~/forms/intent";
import { layOver, type Laid } from "./saved-changes";

const page = (title: string) => ({ title, notice: null, changeTag: `tag-${title}` });
const answer = (title: string | null, extra: Partial<IntentResult> = {}): IntentResult => ({
  formId: "update-milestone:m1",
  result: {},
  ...(title ? { changes: { title, changeTag: `tag-${title}` } } : {}),
  ...extra,
});
const start = <Page>(loaded: Page): Laid<Page> => ({ loaded, answer: undefined, changes: null });
const shown = <Page>(laid: Laid<Page>) => ({ ...laid.loaded, ...laid.changes?.parts });

describe("layOver", () => {
  it("lays a save's parts over the loaded page, with its notice", () => {
    const loaded = page("loaded");
    const saved = answer("saved", { notice: { id: "n1", formId: "update-milestone:m1", anchor: "milestone-m1", message: "Saved" } });
    const laid = layOver(start(loaded), loaded, saved);
    expect(shown(laid)).toMatchObject({ title: "saved", changeTag: "tag-saved" });
    expect(laid.changes?.notice?.id).toBe("n1");
  });

  it("keeps the parts when a later answer carries none, such as another form's 400", () => {
    const loaded = page("loaded");
    const laid = layOver(start(loaded), loaded, answer("saved"));
    expect(shown(layOver(laid, loaded, answer(null, { formId: "update-deal" })))).toMatchObject({ title: "saved" });
  });

  it("replaces them with a newer save's parts, and shows no old notice after a 409", () => {
    const loaded = page("loaded");
    const first = layOver(start(loaded), loaded, answer("first", { notice: { id: "n1", formId: "f", anchor: "a", message: "Saved" } }));
    const second = layOver(first, loaded, answer("second"));
    expect(shown(second)).toMatchObject({ title: "second" });
    expect(second.changes?.notice).toBeNull();
  });

  it("drops them once the page loads again", () => {
    const laid = layOver(start(page("loaded")), page("loaded"), answer("saved"));
    const reloaded = page("reloaded");
    expect(shown(layOver(laid, reloaded, undefined))).toMatchObject({ title: "reloaded" });
  });

  it("changes nothing while neither the load nor the answer changed", () => {
    const loaded = page("loaded");
    const saved = answer("saved");
    const laid = layOver(start(loaded), loaded, saved);
    expect(layOver(laid, loaded, saved)).toBe(laid);
  });
});

describe("layOver, one answer after another", () => {
  it("keeps the earlier parts a later answer does not carry, such as a refused save's plan alone", () => {
    const loaded = { title: "loaded", history: "old", notice: null, changeTag: "t0" };
    const saved = layOver({ loaded, answer: undefined, changes: null }, loaded, {
      formId: "f",
      result: {},
      changes: { title: "saved", history: "new", changeTag: "t1" },
    });
    const refused = layOver(saved, loaded, { formId: "f", result: {}, changes: { title: "stored" } });
    expect({ ...loaded, ...refused.changes?.parts }).toMatchObject({ title: "stored", history: "new", changeTag: "t1" });
  });
});
