import { describe, expect, it } from "vitest";
import { filePathFor, normalizeUrl, relativeHref } from "./site-paths.js";

const HTML = "text/html; charset=utf-8";

describe("normalizeUrl", () => {
  it("sorts the parameters and drops empty ones, so two links to one answer are one file", () => {
    expect(normalizeUrl("/kort?kort=x&aar=2024&kommune=")).toBe("/kort?aar=2024&kort=x");
    expect(normalizeUrl("/kommuner/0657")).toBe("/kommuner/0657");
  });
});

describe("filePathFor", () => {
  it("puts a page in its address's folder and the query in its name", () => {
    expect(filePathFor("/", HTML)).toBe("index.html");
    expect(filePathFor("/kommuner", HTML)).toBe("kommuner/index.html");
    expect(filePathFor("/kommuner/0657?aar=2024", HTML)).toBe("kommuner/0657/aar-2024.html");
    expect(filePathFor("/kort?kort=socialomraadet&aar=2024&visning=tabel", HTML)).toBe("kort/aar-2024_kort-socialomraadet_visning-tabel.html");
  });

  it("keeps a download's extension and puts the query before it", () => {
    expect(filePathFor("/kort/tabel.csv?kort=x&aar=2024", "text/csv; charset=utf-8")).toBe("kort/tabel_aar-2024_kort-x.csv");
    expect(filePathFor("/kommuner/0657/naboer.svg?aar=2024", "image/svg+xml")).toBe("kommuner/0657/naboer_aar-2024.svg");
    expect(filePathFor("/assets/app.css", "text/css")).toBe("assets/app.css");
  });

  it("names an answer without an extension after its content type, beside the folder of deeper addresses", () => {
    expect(filePathFor("/api/v1/maps", "application/json; charset=utf-8")).toBe("api/v1/maps.json");
    expect(filePathFor("/api/v1/maps/socialomraadet/2024?area=children", "application/json")).toBe("api/v1/maps/socialomraadet/2024_area-children.json");
    expect(filePathFor("/api/v1/municipalities/0657/treatment?format=xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).toBe(
      "api/v1/municipalities/0657/treatment_format-xlsx.xlsx",
    );
  });

  it("writes any other character as ~XX, so the name is safe on every file system", () => {
    expect(filePathFor("/kommuner?soeg=Århus kommune", HTML)).toBe("kommuner/soeg-~C3~85rhus~20kommune.html");
    expect(filePathFor("/x?a=1/2", "text/plain")).toBe("x_a-1~2F2.txt");
  });

  it("gives the two orders of one query the same file", () => {
    expect(filePathFor("/kort?aar=2024&kort=x", HTML)).toBe(filePathFor("/kort?kort=x&aar=2024", HTML));
  });
});

describe("relativeHref", () => {
  it("links between folders with ../ and keeps the fragment", () => {
    expect(relativeHref("kort/a.html", "kommuner/0657/aar-2024.html")).toBe("../kommuner/0657/aar-2024.html");
    expect(relativeHref("kommuner/0657/aar-2024.html", "om-eksporten.html", "#kun-paa-serveren")).toBe("../../om-eksporten.html#kun-paa-serveren");
    expect(relativeHref("kort/a.html", "kort/b.html")).toBe("b.html");
    expect(relativeHref("index.html", "index.html")).toBe("index.html");
  });
});
