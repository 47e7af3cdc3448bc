import { describe, expect, it } from "vitest";
import { withoutRemovedStep } from "./template";

function formOf(entries: [string, string][]) {
  const form = new FormData();
  for (const [key, value] of entries) form.append(key, value);
  return form;
}

describe("removing a step from the posted editor", () => {
  it("drops the step's fields, renumbers the later steps, and notes the removal", () => {
    const form = formOf([
      ["name", "T"],
      ["op", "remove:1"],
      ["steps[0].title", "A"],
      ["steps[1].title", ""],
      ["steps[1].internalOnly", "on"],
      ["steps[2].title", "C"],
      ["steps[2].dayOffset", "9"],
    ]);
    expect([...withoutRemovedStep(form).entries()]).toEqual([
      ["name", "T"],
      ["op", "removed"],
      ["steps[0].title", "A"],
      ["steps[1].title", "C"],
      ["steps[1].dayOffset", "9"],
    ]);
  });

  it("leaves any other post as it is", () => {
    const form = formOf([
      ["op", "up:1"],
      ["steps[1].title", "B"],
    ]);
    expect(withoutRemovedStep(form)).toBe(form);
  });
});
