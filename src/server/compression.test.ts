import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { COMPRESS_FROM_BYTES, encodeBody, isCompressibleType, preferredEncoding } from "./compression.js";

/** `bytes` bytes of Danish text (cut at a byte: the bodies' lengths are counted in bytes). */
const text = (bytes: number) => Buffer.from("Omgørelsesprocent for Herning Kommune. ".repeat(Math.ceil(bytes / 40)), "utf8").subarray(0, bytes);

describe("encodeBody", () => {
  it("compresses a text body once into br and gzip, each decoding to the same bytes under its own tag", () => {
    const body = text(20_000);
    const encoded = encodeBody(body, "text/html; charset=utf-8");
    expect(brotliDecompressSync(encoded.br!.body).equals(body)).toBe(true);
    expect(gunzipSync(encoded.gzip!.body).equals(body)).toBe(true);
    expect(encoded.etag).toMatch(/^"[\w-]{27}"$/);
    expect(encoded.br!.etag).toBe(`${encoded.etag.slice(0, -1)}-br"`);
    expect(encoded.gzip!.etag).toBe(`${encoded.etag.slice(0, -1)}-gz"`);
    // Equal bytes, equal tags; other bytes, another tag.
    expect(encodeBody(Buffer.from(body), "text/html").etag).toBe(encoded.etag);
    expect(encodeBody(text(20_001), "text/html").etag).not.toBe(encoded.etag);
  });

  it("leaves small bodies and binary types as they are, and compresses only the encodings asked for", () => {
    expect(encodeBody(text(COMPRESS_FROM_BYTES - 1), "application/json")).toMatchObject({ br: null, gzip: null });
    expect(encodeBody(text(COMPRESS_FROM_BYTES), "application/json").br).not.toBeNull();
    expect(encodeBody(text(5000), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toMatchObject({ br: null, gzip: null });
    const onlyGzip = encodeBody(text(5000), "text/csv", ["gzip"]);
    expect(onlyGzip.br).toBeNull();
    expect(onlyGzip.gzip).not.toBeNull();
  });
});

describe("isCompressibleType", () => {
  it("takes text, JSON and SVG, and not what is compressed already", () => {
    for (const type of ["text/html; charset=utf-8", "text/csv", "text/markdown", "application/json; charset=utf-8", "application/problem+json", "image/svg+xml"]) expect(isCompressibleType(type), type).toBe(true);
    for (const type of ["image/png", "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip", "text/event-stream", "font/woff2"]) expect(isCompressibleType(type), type).toBe(false);
  });
});

describe("preferredEncoding", () => {
  const both = ["br", "gzip"] as const;
  it.each([
    [undefined, null],
    ["", null],
    ["gzip, deflate, br", "br"],
    ["gzip", "gzip"],
    ["x-gzip", "gzip"],
    ["BR", "br"],
    ["deflate", null],
    ["identity", null],
    ["*", "br"],
    ["*;q=0", null],
    ["br;q=0, gzip;q=0", null],
    ["br;q=0, identity", null],
    ["gzip;q=1, br;q=0.5", "gzip"],
    ["br;q=0.5, gzip;q=0.5", "br"],
    ["gzip;q=0, *", "br"],
    ["br;q=0, *", "gzip"],
  ] as const)("%j gives %j", (header, expected) => {
    expect(preferredEncoding(header, both)).toBe(expected);
  });

  it("chooses only among the encodings the body has", () => {
    expect(preferredEncoding("br, gzip", ["gzip"])).toBe("gzip");
    expect(preferredEncoding("br", ["gzip"])).toBeNull();
    expect(preferredEncoding("br, gzip", [])).toBeNull();
  });
});
