/** @jsxImportSource ~/html */
import { describe, expect, it } from "vitest";
import { Html, htmlDocument } from "./jsx-runtime";

function Greeting({ name }: { name: string }) {
  return <p className="greeting">Hello, {name}</p>;
}

describe("the HTML JSX runtime", () => {
  it("escapes text and attribute values, never markup it made itself", () => {
    const page = (
      <div title={`"quoted" & <tagged>`}>
        <Greeting name="<script>alert('x')</script>" />
      </div>
    );
    expect(page.html).toBe(
      `<div title="&quot;quoted&quot; &amp; &lt;tagged&gt;"><p class="greeting">Hello, &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p></div>`,
    );
  });

  it("renders attributes the way a browser reads React's output", () => {
    expect((<input id="a" defaultValue="x" required={true} disabled={false} aria-invalid={true} maxLength={5} />).html).toBe(
      `<input id="a" value="x" required aria-invalid="true" maxLength="5">`,
    );
    expect((<label htmlFor="a">A</label>).html).toBe(`<label for="a">A</label>`);
    expect((<textarea name="t" defaultValue="a < b" />).html).toBe(`<textarea name="t">a &lt; b</textarea>`);
    expect((<div style={{ width: "50%", backgroundColor: "red" }} />).html).toBe(`<div style="width:50%;background-color:red"></div>`);
  });

  it("flattens lists and drops empty children", () => {
    const items = ["a", "b"];
    expect(
      (
        <ul>
          {items.map((i) => (
            <li key={i}>{i}</li>
          ))}
          {null}
          {false}
          {0}
        </ul>
      ).html,
    ).toBe("<ul><li>a</li><li>b</li>0</ul>");
    expect(htmlDocument(<html lang="en" />)).toBe('<!DOCTYPE html><html lang="en"></html>');
    expect(new Html("<b>x</b>").toString()).toBe("<b>x</b>");
  });

  it("refuses event handlers, which cannot work in static HTML", () => {
    expect(() => <button onClick={() => undefined}>x</button>).toThrow(/event handlers/);
  });
});
