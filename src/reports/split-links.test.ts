import { describe, expect, it } from "vitest";
import { splitLinks } from "./split-links.js";

describe("splitLinks", () => {
  it("finds the ministry's map page in the item's sentence, without the comma before it", () => {
    const url = "https://www.sm.dk/danmarkskort/2025/jun/omgoerelsesprocenter-paa-socialomraadet-i-2024";
    expect(splitLinks(`Kortet kan ses på Social- og Boligministeriets hjemmeside: Omgørelsesprocenter på socialområdet i 2024, ${url}`)).toEqual([
      { kind: "text", text: "Kortet kan ses på Social- og Boligministeriets hjemmeside: Omgørelsesprocenter på socialområdet i 2024, " },
      { kind: "link", url },
    ]);
  });

  it("leaves a closing full stop, parenthesis or guillemet outside the address, and finds two addresses", () => {
    expect(splitLinks("Se (https://sm.dk/a) og »https://ast.dk/b«.")).toEqual([
      { kind: "text", text: "Se (" },
      { kind: "link", url: "https://sm.dk/a" },
      { kind: "text", text: ") og »" },
      { kind: "link", url: "https://ast.dk/b" },
      { kind: "text", text: "«." },
    ]);
  });

  it("keeps text without an address whole, and does not take a bare domain for an address", () => {
    expect(splitLinks("Kortet kan ses på sm.dk.")).toEqual([{ kind: "text", text: "Kortet kan ses på sm.dk." }]);
    expect(splitLinks("")).toEqual([]);
  });
});
