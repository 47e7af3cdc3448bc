// The served OpenAPI document is valid OpenAPI 3.1 in shape, names every route module's operation,
// and the reference page shows each of them; the same-origin guard lets server-to-server API
// clients through and still refuses a browser's cross-site write.
import { describe, expect, it } from "vitest";
import { renderToString } from "react-dom/server";
import { createElement } from "react";
import * as docsRoute from "~/routes/api.v1.docs";
import * as openapiRoute from "~/routes/api.v1.openapi[.]json";
import { ApiReference, type ReferenceDocument } from "~/components/api-reference";
import { crossSiteWriteReason } from "~/utils/same-origin.js";
import { servedDocument } from "../fixtures/api";
import { OPERATIONS } from "~/api/openapi";

const SITE = "https://mutual.example.com";

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 whose every schema compiles as JSON Schema 2020-12", async () => {
    const { document, ajv } = await servedDocument();
    expect(document).toMatchObject({ openapi: "3.1.0" });
    for (const name of Object.keys(document.components.schemas)) {
      expect(() => ajv.compile({ $ref: `https://mutual.test/openapi.json#/components/schemas/${name}` }), name).not.toThrow();
    }
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    expect(documented.sort()).toEqual(OPERATIONS.map((o) => `${o.method} ${o.path}`).sort());
  });

  it("is shown, operation by operation, on the reference page without script", async () => {
    const document = (await docsRoute.loader({ request: new Request("http://localhost:3000/api/v1/docs"), params: {}, context: {} })) as ReferenceDocument;
    const html = renderToString(createElement(ApiReference, { document }));
    for (const operation of OPERATIONS) {
      expect(html).toContain(operation.summary);
      expect(html).toContain(`id="${operation.id}"`);
    }
    expect(html).toContain("/api/v1/openapi.json");
    expect(html).not.toContain("<script");
  });
});

describe("the document's own address", () => {
  const args = (method: string, host: string) => ({ request: new Request(`http://${host}/api/v1/openapi.json`, { method }), params: {}, context: {} });

  it("never names the server from the request's Host, and no shared cache keeps it", async () => {
    const response = await openapiRoute.loader(args("GET", "spoofed.example"));
    expect(response.headers.get("Cache-Control")).toMatch(/^private/);
    expect(JSON.stringify(await response.json())).not.toContain("spoofed.example");
  });

  it("answers another method with 405 in the API's error shape", async () => {
    for (const route of [openapiRoute, docsRoute]) {
      const response = await route.action();
      expect(response.status).toBe(405);
      expect(response.headers.get("Allow")).toBe("GET");
      expect(await response.json()).toMatchObject({ error: { code: "method_not_allowed" } });
    }
  });
});

describe("same-origin guard and the API", () => {
  const header = (headers: Record<string, string>) => (name: string) => headers[name] ?? null;

  it("lets a server-to-server client write: it sends no Origin and no Sec-Fetch-Site", () => {
    expect(crossSiteWriteReason("POST", header({ authorization: "Bearer mutual_x", "content-type": "application/json" }), SITE)).toBeNull();
    expect(crossSiteWriteReason("PATCH", header({ authorization: "Bearer mutual_x" }), SITE)).toBeNull();
  });

  it("still refuses a browser's cross-site write, to the API as to any page", () => {
    expect(crossSiteWriteReason("POST", header({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }), SITE)).not.toBeNull();
    expect(crossSiteWriteReason("PUT", header({ origin: "https://evil.example" }), SITE)).not.toBeNull();
  });
});
