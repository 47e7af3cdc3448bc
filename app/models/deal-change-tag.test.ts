import { describe, expect, it } from "vitest";
import { formatDealTag, tagAfterOwnSave } from "./deal-change-tag";

const tag = (history: number, { deal = 3, plan = 7, day = "2026-11-30" } = {}) => formatDealTag({ deal, plan, history, day });

describe("tagAfterOwnSave", () => {
  it("adopts the current tag when the save wrote every history row added since the page's tag", () => {
    expect(tagAfterOwnSave(tag(4), tag(6), 2)).toBe(tag(6));
  });

  it("keeps the page's tag when someone else wrote too", () => {
    expect(tagAfterOwnSave(tag(4), tag(6), 1)).toBeNull();
  });

  it.each([
    ["the deal's version", tag(5, { deal: 4 })],
    ["the plan's version", tag(5, { plan: 8 })],
    ["the day", tag(5, { day: "2026-12-01" })],
  ])("keeps the page's tag when %s moved", (_, current) => {
    expect(tagAfterOwnSave(tag(4), current, 1)).toBeNull();
  });

  it("reads a page that had no history yet", () => {
    expect(tagAfterOwnSave(tag(0), tag(1), 1)).toBe(tag(1));
    expect(tagAfterOwnSave(tag(0), tag(2), 1)).toBeNull();
  });

  it("adopts the current tag when the save changed nothing and nothing else did", () => {
    expect(tagAfterOwnSave(tag(4), tag(4), 0)).toBe(tag(4));
  });

  it("keeps the page's tag when the page's tag is not one it can read", () => {
    expect(tagAfterOwnSave('W/"forged"', tag(1), 1)).toBeNull();
    expect(tagAfterOwnSave("", tag(1), 1)).toBeNull();
  });
});
