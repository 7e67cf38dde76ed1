import { describe, expect, it } from "vitest";
import { checkNewPassword, hashPassword, verifyPassword } from "./password-hash.js";

describe("password hashing", () => {
  it("stores an argon2id hash with the OWASP parameters, salted, that verifies only the right password", async () => {
    const first = await hashPassword("korrekt hest batteri hæftning");
    const second = await hashPassword("korrekt hest batteri hæftning");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toContain("korrekt");
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, "korrekt hest batteri hæftning")).toBe(true);
    expect(await verifyPassword(first, "korrekt hest batteri")).toBe(false);
    expect(await verifyPassword("ikke-en-hash", "x")).toBe(false);
  });

  it("refuses short, overlong and e-mail passwords in Danish", () => {
    expect(checkNewPassword("kort", "a@b.dk")).toBe("Adgangskoden skal være på mindst 12 tegn.");
    expect(checkNewPassword("x".repeat(257), "a@b.dk")).toBe("Adgangskoden må højst være på 256 tegn.");
    expect(checkNewPassword("lang@adresse.dk", "Lang@Adresse.dk")).toBe("Adgangskoden må ikke være din e-mailadresse.");
    expect(checkNewPassword("en lang nok adgangskode", "a@b.dk")).toBeNull();
  });
});
