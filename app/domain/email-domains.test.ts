import { describe, expect, it } from "vitest";
import { domainOf, domainsIn, listsDomainOf } from "./email-domains";

describe("email domains", () => {
  it("reads an address's domain in lower case, and none without an @", () => {
    expect(domainOf("Ana@Acme.COM")).toBe("acme.com");
    expect(domainOf("no-at-sign")).toBe("");
  });

  it("reads a stored list however it was separated", () => {
    expect(domainsIn("acme.com  @Acme.co.uk,beta.io;")).toEqual(["acme.com", "acme.co.uk", "beta.io"]);
    expect(domainsIn("")).toEqual([]);
  });

  it("finds an address's domain in a list, and never an empty one", () => {
    expect(listsDomainOf("acme.com beta.io", "bo@BETA.io")).toBe(true);
    expect(listsDomainOf("acme.com", "bo@sub.acme.com")).toBe(false);
    expect(listsDomainOf("", "nobody")).toBe(false);
  });
});
