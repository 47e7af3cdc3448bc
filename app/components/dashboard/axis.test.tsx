import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatMoney } from "~/components/format";
import { compactMoney, estimateTextWidth, niceCeiling } from "./axis";
import { BarChart, LABEL_GAP } from "./bar-chart";

describe("compact amounts on an axis", () => {
  it.each([
    [0, "USD", "$0"],
    [950, "USD", "$950"],
    [145_750, "USD", "$146K"],
    [291_500, "USD", "$292K"],
    [1_234_567, "USD", "$1.2M"],
    [12_500_000, "USD", "$13M"],
    [2_000_000_000, "USD", "$2B"],
    [291_500, "EUR", "€292K"],
  ])("%d %s reads %s", (value, currency, label) => expect(compactMoney(value, currency)).toBe(label));

  it("falls back to the currency code when Intl does not know it", () => expect(compactMoney(291_500, "XX1")).toBe("292K XX1"));
});

describe("nice axis tops", () => {
  it.each([
    [0, 1],
    [0.7, 1],
    [291_500, 500_000],
    [180_000, 200_000],
    [1_234_567, 2_000_000],
    [2_400, 2_500],
  ])("%d rounds up to %d", (value, top) => expect(niceCeiling(value)).toBe(top));
});

/** Every value label of the chart's SVG, with where its text starts on the left. */
function axisLabels(markup: string) {
  const labels = [...markup.matchAll(/<text x="([\d.]+)"[^>]*data-axis-label=""[^>]*>([^<]*)<\/text>/g)];
  return labels.map(([, x, text]) => ({
    text: text.replace(/&#x27;/g, "'").replace(/&amp;/g, "&"),
    right: Number(x),
    left: Number(x) - estimateTextWidth(text, 11),
  }));
}

function forecastChart(values: number[], formatAxis?: (v: number) => string) {
  return renderToStaticMarkup(
    <BarChart
      title="Forecast"
      description="Amounts"
      labels={values.map((_, i) => `Category ${i}`)}
      series={[{ name: "Rep-called", color: "#000", values }]}
      format={(v) => formatMoney(Math.round(v), "USD")}
      formatAxis={formatAxis}
    />,
  );
}

describe("the chart's value axis", () => {
  it("labels amounts compactly, and never clips them", () => {
    const labels = axisLabels(forecastChart([291_500, 120_000], (v) => compactMoney(v, "USD")));
    expect(labels.map((l) => l.text)).toEqual(["$0", "$250K", "$500K"]);
    for (const label of labels) expect(label.left, label.text).toBeGreaterThanOrEqual(0);
  });

  it("makes room for the widest label, however long", () => {
    const labels = axisLabels(forecastChart([291_500_000, 1]));
    expect(labels.at(-1)!.text).toBe("$500,000,000");
    for (const label of labels) expect(label.left, label.text).toBeGreaterThanOrEqual(0);
    // The plot starts right of the labels: the gridlines begin where the labels end.
    const gridStart = Number(/<line x1="([\d.]+)"/.exec(forecastChart([291_500_000, 1]))![1]);
    expect(gridStart - LABEL_GAP).toBe(labels[0].right);
  });

  it.each([
    // Measured with getBBox() in Debian's Chromium at 11px sans-serif (DejaVu Sans, a wide face).
    ["$291,500", 52.5],
    ["$500,000,000", 77],
    ["$500K", 36],
    ["100%", 31.5],
  ])("estimates %j no narrower than Chromium draws it (%d px)", (text, measured) => expect(estimateTextWidth(text, 11)).toBeGreaterThanOrEqual(measured));
});
