import { describe, expect, it } from "vitest";
import { pipelineCsvRows } from "./pipeline-columns";

describe("pipelineCsvRows", () => {
  it("ends a cut-off file with a row that says so", () => {
    const rows = pipelineCsvRows({ deals: [], truncated: true }, "https://mutual.example");
    expect(rows).toHaveLength(2);
    expect(String(rows[1][0])).toMatch(/^Only the first 10,000 deals are in this file/);
  });

  it("writes only the header row for a whole export with no deals", () => {
    expect(pipelineCsvRows({ deals: [], truncated: false }, "https://mutual.example")).toHaveLength(1);
  });
});
