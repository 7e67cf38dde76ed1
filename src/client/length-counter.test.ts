import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { enableLengthCounters, lengthCounterText } from "./length-counter.js";

describe("length counter", () => {
  it("says the length against the limit in Danish, and what is left near the end", () => {
    expect(lengthCounterText(0, 4000)).toBe("0 af 4.000 tegn");
    expect(lengthCounterText(3500, 4000)).toBe("3.500 af 4.000 tegn");
    expect(lengthCounterText(3700, 4000)).toBe("3.700 af 4.000 tegn – 300 tilbage");
    expect(lengthCounterText(4010, 4000)).toBe("4.010 af 4.000 tegn – 10 for mange");
  });

  it("updates the counter while the person types", () => {
    const dom = new JSDOM(`<textarea maxlength="100" data-length-counter="c">abc</textarea><p id="c"></p>`);
    const doc = dom.window.document;
    enableLengthCounters(doc);
    expect(doc.getElementById("c")!.textContent).toBe("3 af 100 tegn");
    const area = doc.querySelector("textarea")!;
    area.value = "x".repeat(60);
    area.dispatchEvent(new dom.window.Event("input"));
    expect(doc.getElementById("c")!.textContent).toBe("60 af 100 tegn – 40 tilbage");
    expect(doc.getElementById("c")!.classList.contains("length-counter-near")).toBe(true);
  });
});
