import { describe, expect, it } from "vitest";
import { formatDealTag, tagAfterOwnSave } from "./deal-change-tag";

const tag = (lastActivityId: string | null, { deal = 3, plan = 7, day = "2026-11-30" } = {}) => formatDealTag({ deal, plan, lastActivityId, day });

describe("tagAfterOwnSave", () => {
  it("adopts the current tag when the save wrote every newer history row", () => {
    expect(tagAfterOwnSave(tag("a1"), tag("s2"), ["s2", "s1", "a1", "a0"], ["s1", "s2"])).toBe(tag("s2"));
  });

  it("keeps the page's tag when someone else wrote in between", () => {
    expect(tagAfterOwnSave(tag("a1"), tag("s1"), ["s1", "b9", "a1"], ["s1"])).toBeNull();
  });

  it("keeps the page's tag when a write landed between the history read and the tag read", () => {
    expect(tagAfterOwnSave(tag("a1"), tag("b9"), ["s1", "a1"], ["s1"])).toBeNull();
  });

  it("keeps the page's tag when its last row is no longer among the newest", () => {
    expect(tagAfterOwnSave(tag("old"), tag("s1"), ["s1", "x", "y"], ["s1"])).toBeNull();
  });

  it.each([
    ["the deal's version", tag("s1", { deal: 4 })],
    ["the plan's version", tag("s1", { plan: 8 })],
    ["the day", tag("s1", { day: "2026-12-01" })],
  ])("keeps the page's tag when %s moved", (_, current) => {
    expect(tagAfterOwnSave(tag("a1"), current, ["s1", "a1"], ["s1"])).toBeNull();
  });

  it("reads a page that had no history yet", () => {
    expect(tagAfterOwnSave(tag(null), tag("s1"), ["s1"], ["s1"])).toBe(tag("s1"));
    expect(tagAfterOwnSave(tag(null), tag("s1"), ["s1", "b1"], ["s1"])).toBeNull();
  });

  it("adopts the current tag when the save changed nothing and nothing else did", () => {
    expect(tagAfterOwnSave(tag("a1"), tag("a1"), ["a1"], [])).toBe(tag("a1"));
  });

  it("keeps the page's tag when the page's tag is not one it can read", () => {
    expect(tagAfterOwnSave('W/"forged"', tag("s1"), ["s1"], ["s1"])).toBeNull();
  });
});
