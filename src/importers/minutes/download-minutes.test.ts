import { describe, expect, it } from "vitest";
import { isPrivateAddress, parseMinutesUrl } from "./download-minutes.js";

describe("the address guard of the minutes download", () => {
  it("counts loopback, private, link-local, carrier-grade NAT and IPv4-mapped addresses as private", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1"]) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["193.163.1.1", "8.8.8.8", "172.32.0.1", "2a00:1450:4001::1"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  it("takes only http(s) addresses without credentials, and says why in Danish", () => {
    expect(parseMinutesUrl(" https://herning.dk/referat.pdf ").hostname).toBe("herning.dk");
    expect(() => parseMinutesUrl("file:///etc/passwd")).toThrow("Adressen skal begynde med https:// eller http://");
    expect(() => parseMinutesUrl("https://bruger:kode@herning.dk/")).toThrow("brugernavn eller adgangskode");
    expect(() => parseMinutesUrl("herning.dk/referat")).toThrow("ikke en gyldig adresse");
  });
});
