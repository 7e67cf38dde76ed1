import { describe, expect, it } from "vitest";
import { classifyMeetingBody } from "./classify-meeting-body.js";

describe("classifyMeetingBody", () => {
  it.each([
    ["Byrådet", "byraad"],
    ["Byråd", "byraad"],
    ["Kommunalbestyrelsen", "byraad"],
    ["Borgerrepræsentationen", "byraad"],
    ["Økonomiudvalget", "oekonomiudvalg"],
    ["Social- og Sundhedsudvalget", "fagudvalg"],
    ["Børne- og Familieudvalget", "fagudvalg"],
    ["Socialudvalget", "fagudvalg"],
    ["Handicaprådet", "handicapraad"],
    ["Ældrerådet", "aeldreraad"],
    ["Seniorrådet", "aeldreraad"],
    ["Ældre- og Seniorrådet", "aeldreraad"],
    ["Psykiatrirådet", "psykiatriraad"],
    ["Regionsrådet", "andet"],
    ["Direktionen", "andet"],
  ])("%s is %s", (name, kind) => {
    expect(classifyMeetingBody(name)).toBe(kind);
  });
});
