import { describe, expect, it } from "vitest";
import { isSealed, open, openedBody, seal, SealError, sealedBody } from "./sealed.server";

const KEY = ["first-session-secret-of-the-server"];
const OTHER_KEY = ["another-server-entirely-other-secret"];
const LINK = "https://mutual.example.com/auth/verify?token=Bpcs8Iv5rABimERhEwLeDFAC2HnQ2phk9ddUs2Z7WYA and the code 831260";

/** The sealed value with one byte of its encoded payload changed. */
function flipped(sealed: string, at: number) {
  const prefix = "sealed:v1:";
  const bytes = Buffer.from(sealed.slice(prefix.length), "base64url");
  bytes[at] ^= 0x01;
  return prefix + bytes.toString("base64url");
}

describe("sealing", () => {
  it("opens what it sealed, and shows nothing of it while sealed", () => {
    const sealed = seal(LINK, "row-1", KEY);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain("Bpcs8Iv5");
    expect(sealed).not.toContain("831260");
    expect(open(sealed, "row-1", KEY)).toBe(LINK);
    expect(open(seal("", "row-1", KEY), "row-1", KEY)).toBe("");
    expect(open(seal("Grüße “quoted” ✓", "row-1", KEY), "row-1", KEY)).toBe("Grüße “quoted” ✓");
  });

  it("never seals the same text the same way twice", () => {
    expect(seal(LINK, "row-1", KEY)).not.toBe(seal(LINK, "row-1", KEY));
  });

  it("refuses a sealed text changed anywhere: nonce, ciphertext or tag", () => {
    const sealed = seal(LINK, "row-1", KEY);
    const length = Buffer.from(sealed.slice("sealed:v1:".length), "base64url").length;
    for (const at of [0, 11, 12, 40, length - 16, length - 1]) {
      expect(() => open(flipped(sealed, at), "row-1", KEY), `byte ${at}`).toThrow(SealError);
    }
    expect(() => open(sealed.slice(0, -4), "row-1", KEY)).toThrow(SealError);
    expect(() => open("sealed:v1:", "row-1", KEY)).toThrow(SealError);
    expect(() => open(LINK, "row-1", KEY)).toThrow(SealError);
  });

  it("refuses another key, and another context", () => {
    const sealed = seal(LINK, "row-1", KEY);
    expect(() => open(sealed, "row-1", OTHER_KEY)).toThrow(SealError);
    expect(() => open(sealed, "row-2", KEY)).toThrow(SealError);
  });

  it("opens with a secret being rotated out, and seals with the first", () => {
    const sealedBefore = seal(LINK, "row-1", KEY);
    const rotated = [OTHER_KEY[0], KEY[0]];
    expect(open(sealedBefore, "row-1", rotated)).toBe(LINK);
    const sealedAfter = seal(LINK, "row-1", rotated);
    expect(open(sealedAfter, "row-1", OTHER_KEY)).toBe(LINK);
    expect(() => open(sealedAfter, "row-1", KEY)).toThrow(SealError);
  });
});

describe("outbox bodies", () => {
  const email = { to: "bea@buyer.example", idempotencyKey: "sign-in:abc", html: `<a href="${LINK}">Open</a>`, text: LINK, containsSecret: true };

  it("are sealed when they carry a secret, and open to what was rendered", () => {
    const stored = sealedBody(email);
    expect(isSealed(stored.html) && isSealed(stored.text)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain("Bpcs8Iv5");
    expect(openedBody(stored)).toEqual({ html: email.html, text: email.text });
  });

  it("stay as they are otherwise, and plain rows read as they are", () => {
    const notice = { ...email, containsSecret: false, text: "Bea joined your plan" };
    expect(sealedBody(notice)).toEqual(notice);
    expect(openedBody({ ...email, html: "(erased after delivery)", text: "(erased after delivery)" })).toEqual({
      html: "(erased after delivery)",
      text: "(erased after delivery)",
    });
  });

  it("do not open once moved to another recipient or row, or with html and text swapped", () => {
    const stored = sealedBody(email);
    expect(() => openedBody({ ...stored, to: "mallory@evil.example" })).toThrow(SealError);
    expect(() => openedBody({ ...stored, idempotencyKey: "sign-in:other" })).toThrow(SealError);
    expect(() => openedBody({ ...stored, html: stored.text, text: stored.html })).toThrow(SealError);
  });
});
