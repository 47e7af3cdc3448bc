import { describe, expect, it } from "vitest";
import { accentColourProblem, contrastRatio, formatRatio, meetsTextContrast, relativeLuminance } from "./contrast";

describe("WCAG contrast", () => {
  it("gives black on white 21:1 and a colour on itself 1:1, in either order", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 10);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 10);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    expect(contrastRatio("#1D4ED8", "#1d4ed8")).toBe(1);
  });

  it("computes the relative luminance of the extremes and of a mid grey", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 10);
    // #767676 is the lightest grey that passes 4.5:1 on white; #777777 the darkest that fails.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("passes exactly 4.5:1 and refuses anything below it", () => {
    expect(meetsTextContrast(4.5)).toBe(true);
    expect(meetsTextContrast(4.4999999)).toBe(false);
    expect(meetsTextContrast(21)).toBe(true);
  });

  it.each([
    // The colours closest to 4.5:1 on each side.
    ["#ec0640", null],
    ["#008580", "4.49:1"],
    ["#767676", null],
    ["#777777", "4.47:1"],
    ["#000000", null],
    ["#ffffff", "1.00:1"],
    ["#FACC15", "1.53:1"],
  ])("%s behind white text: %s", (colour, ratioInError) => {
    const problem = accentColourProblem(colour);
    if (ratioInError === null) expect(problem).toBeNull();
    else expect(problem).toContain(`contrast of ${ratioInError}`);
  });

  it.each(["", "#fff", "1d4ed8", "#1d4ed", "#1d4ed8 ", "#gggggg", "red", "#1d4ed8ff", "rgb(0,0,0)"])("refuses %j as no colour", (value) => {
    expect(relativeLuminance(value)).toBeNull();
    expect(contrastRatio(value, "#ffffff")).toBeNull();
    expect(accentColourProblem(value)).toBe("Enter a colour like #1d4ed8");
  });

  it("rounds a ratio down when it shows it", () => {
    expect(formatRatio(4.49999)).toBe("4.49:1");
    expect(formatRatio(4.5)).toBe("4.50:1");
    expect(formatRatio(21)).toBe("21.00:1");
  });
});
