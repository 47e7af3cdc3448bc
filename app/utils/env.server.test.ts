import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("session lifetime settings", () => {
  it("default to 7 days unused and 30 days in all", () => {
    expect(parseEnv({})).toMatchObject({ SESSION_IDLE_DAYS: 7, SESSION_LIFETIME_DAYS: 30 });
    expect(parseEnv({ SESSION_IDLE_DAYS: "", SESSION_LIFETIME_DAYS: "" })).toMatchObject({ SESSION_IDLE_DAYS: 7, SESSION_LIFETIME_DAYS: 30 });
  });

  it("take whole and part days", () => {
    expect(parseEnv({ SESSION_IDLE_DAYS: "0.5", SESSION_LIFETIME_DAYS: "14" })).toMatchObject({ SESSION_IDLE_DAYS: 0.5, SESSION_LIFETIME_DAYS: 14 });
  });

  it.each([
    [{ SESSION_IDLE_DAYS: "a week" }, "SESSION_IDLE_DAYS: must be a number of days, such as 7"],
    [{ SESSION_IDLE_DAYS: "0" }, "SESSION_IDLE_DAYS: must be more than 0 days"],
    [{ SESSION_LIFETIME_DAYS: "-1" }, "SESSION_LIFETIME_DAYS: must be more than 0 days"],
    [{ SESSION_LIFETIME_DAYS: "99999" }, "SESSION_LIFETIME_DAYS: must be at most 3650 days"],
    [{ SESSION_IDLE_DAYS: "40" }, "SESSION_IDLE_DAYS: must not exceed SESSION_LIFETIME_DAYS (40 > 30)"],
  ])("refuse %j at startup, naming the setting", (source, message) => {
    expect(() => parseEnv(source)).toThrow(`Invalid environment:\n  ${message}`);
  });
});

describe("the sign-up setting", () => {
  it("is open unless a deployment closes it", () => {
    expect(parseEnv({}).SIGN_UP).toBe("open");
    expect(parseEnv({ SIGN_UP: "" }).SIGN_UP).toBe("open");
    expect(parseEnv({ SIGN_UP: "closed" }).SIGN_UP).toBe("closed");
  });

  it("refuses anything but open or closed at startup", () => {
    expect(() => parseEnv({ SIGN_UP: "invite-only" })).toThrow("SIGN_UP: must be open or closed");
  });
});
