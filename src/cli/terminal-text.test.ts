import { describe, expect, it } from "vitest";
import { safeForTerminal } from "./terminal-text.js";

describe("safeForTerminal", () => {
  it("removes escape sequences and control characters, keeps line feeds, tabs and Danish letters", () => {
    expect(safeForTerminal("Godt \u001b[2J\u001b[31mrødt\u001b[0m år\n\tnæste")).toBe("Godt rødt år\n\tnæste");
    expect(safeForTerminal("titel\u001b]0;hacket\u0007 slut")).toBe("titel slut");
    expect(safeForTerminal("a\u0000b\rc\u0085d\u009b2Je")).toBe("abcde");
  });
});
