import { describe, expect, it } from "vitest";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { endpointUrlProblem, isReservedAddress, postChecked, RESOLVED_INSIDE } from "./webhook-destination.server";
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
      "::",
      "::7f00:1",
      "::ffff:7f00:1",
      "64:ff9b::7f00:1",
      "64:ff9b::a9fe:a9fe",
      "2002:7f00:1::",
      "2002:c0a8:101::1",
      "fec0::1",
      "fd12:3456::1",
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

  it("in production refuses private addresses, also a name that resolves to one, and never connects to it", async () => {
    const inside = "This address is inside a private network; use a public address";
    expect(endpointUrlProblem("http://127.0.0.1:8080/hook", false)).toBe(inside);
    expect(endpointUrlProblem("http://[::1]/hook", false)).toBe(inside);
    expect(endpointUrlProblem("http://[::7f00:1]/hook", false)).toBe(inside);
    expect(endpointUrlProblem("http://[::ffff:127.0.0.1]/hook", false)).toBe(inside);
    expect(endpointUrlProblem("http://[64:ff9b::127.0.0.1]/hook", false)).toBe(inside);
    expect(endpointUrlProblem("http://localhost/hook", false)).toBe(inside);

    let reached = 0;
    const receiver = createServer((_request, response) => {
      reached++;
      response.writeHead(200).end("ok");
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    try {
      // This machine's own name passes the form's check but resolves to a loopback address: the
      // send's own resolution refuses it, so nothing reaches the receiver.
      const own = `http://${hostname()}:${(receiver.address() as AddressInfo).port}/hook`;
      expect(endpointUrlProblem(own, false)).toBeNull();
      expect(await postChecked(own, "{}", {}, 5_000, false)).toEqual({ statusCode: null, error: RESOLVED_INSIDE });
      expect(reached).toBe(0);
      // Outside production the same address is allowed and reached.
      expect(await postChecked(own, "{}", {}, 5_000, true)).toEqual({ statusCode: 200, error: null });
      expect(reached).toBe(1);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it("gives up a try that gets no answer in time", async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`;
      expect(await postChecked(url, "{}", {}, 300, true)).toEqual({ statusCode: null, error: "No answer within 0.3 s" });
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
