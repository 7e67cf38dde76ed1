import { describe, expect, it } from "vitest";
import { DEFAULT_AUTH_SETTINGS } from "./auth-settings.js";
import { authSettingsFromEnv } from "./auth-settings-from-env.js";

describe("sign-in settings from the environment", () => {
  it("uses the defaults without any variable, and OIDC only with an issuer", () => {
    expect(authSettingsFromEnv({})).toEqual(DEFAULT_AUTH_SETTINGS);
  });

  it("reads the OIDC issuer, client, municipality claim and session limits", () => {
    const settings = authSettingsFromEnv({
      DANMARKSKORT_OIDC_ISSUER: "https://idp.example/",
      DANMARKSKORT_OIDC_CLIENT_ID: "danmarkskort",
      DANMARKSKORT_OIDC_CLIENT_SECRET: "hemmelig",
      DANMARKSKORT_OIDC_MUNICIPALITY_CLAIM: "dk:gov:kommunekode",
      DANMARKSKORT_SESSION_IDLE_MINUTES: "30",
      DANMARKSKORT_PUBLIC_URL: "https://danmarkskort.example",
    });
    expect(settings).toMatchObject({ sessionIdleMinutes: 30, publicUrl: "https://danmarkskort.example" });
    expect(settings.oidc).toMatchObject({ issuerUrl: "https://idp.example", clientId: "danmarkskort", municipalityClaim: "dk:gov:kommunekode", defaultRole: "laeser", roleClaim: null });
  });

  it("names the variable that is wrong or missing, in Danish", () => {
    expect(() => authSettingsFromEnv({ DANMARKSKORT_OIDC_ISSUER: "https://idp.example" })).toThrow("DANMARKSKORT_OIDC_CLIENT_ID mangler");
    expect(() => authSettingsFromEnv({ DANMARKSKORT_SESSION_MAX_HOURS: "0" })).toThrow('DANMARKSKORT_SESSION_MAX_HOURS skal være et helt tal mellem 1 og 168, ikke "0".');
    expect(() => authSettingsFromEnv({ DANMARKSKORT_PUBLIC_URL: "ftp://x" })).toThrow("skal begynde med https://");
  });
});
