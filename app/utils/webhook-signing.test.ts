import { describe, expect, it } from "vitest";
import { hostname } from "node:os";
import { destinationRefusal, endpointUrlProblem, isReservedAddress } from "./webhook-destination.server";
import { newSigningSecret, openSigningSecret, sealSigningSecret, signatureHeaders } from "./webhook-signing.server";

describe("webhook signing", () => {
  it("matches the Standard Webhooks reference signature", () => {
    const headers = signatureHeaders("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}');
    expect(headers).toEqual({
      "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
      "webhook-timestamp": "1614265330",
      "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    });
  });

  it("seals a secret for one organization only", () => {
    const secret = newSigningSecret();
    const sealed = sealSigningSecret(secret, "org-a");
    expect(sealed).not.toContain(secret.slice(6));
    expect(openSigningSecret(sealed, "org-a")).toBe(secret);
    expect(() => openSigningSecret(sealed, "org-b")).toThrow();
  });
});

describe("webhook destinations", () => {
  it("tells loopback, private and link-local addresses from public ones", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "0.0.0.0",
    ]) {
      expect(isReservedAddress(address)).toBe(true);
    }
    for (const address of ["93.184.216.34", "2606:4700::1111", "8.8.8.8"]) expect(isReservedAddress(address)).toBe(false);
  });

  it("takes only http and https addresses", () => {
    expect(endpointUrlProblem("https://hooks.example.com/x")).toBeNull();
    expect(endpointUrlProblem("file:///etc/passwd")).toBe("The address must start with https:// or http://");
    expect(endpointUrlProblem("not a url")).toBe("Enter a full address starting with https://");
    expect(endpointUrlProblem("https://user:pw@hooks.example.com/")).toBe("Leave the user name and password out of the address");
  });

  it("in production refuses private addresses, also when a name resolves to one at delivery time", async () => {
    const inside = "This address is inside a private network; use a public address";
    expect(endpointUrlProblem("http://127.0.0.1:8080/hook", false)).toBe(inside);
    expect(endpointUrlProblem("http://[::1]/hook", false)).toBe(inside);
    expect(endpointUrlProblem("http://localhost/hook", false)).toBe(inside);
    // This machine's own name passes the form's check but resolves to a loopback or private address.
    const own = `http://${hostname()}:8080/hook`;
    expect(endpointUrlProblem(own, false)).toBeNull();
    expect(await destinationRefusal(own, false)).toMatch(/^Refused: the address resolves inside a private network$|could not be resolved/);
    expect(await destinationRefusal("http://127.0.0.1:8080/hook", true)).toBeNull();
  });
});
