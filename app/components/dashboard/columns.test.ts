import { describe, expect, it } from "vitest";
import { toCsv } from "./columns";

describe("CSV cells", () => {
  it("writes numbers as numbers, negative ones included", () => {
    expect(toCsv([[-2, 3.5, 0, 291500, null]])).toBe("-2,3.5,0,291500,\n");
  });

  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ["+1", "'+1"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTab", "'\tTab"],
    ["\r=1", `"'\r=1"`],
    ["-12.5", "-12.5"],
    ["Acme, Inc.", `"Acme, Inc."`],
    ["plain", "plain"],
  ])("makes the text %j safe in a spreadsheet", (raw, written) => expect(toCsv([[raw]])).toBe(`${written}\n`));
});
