/**
 * The slice of opentype.js (2.x ships no types) the charts use: parse a font file and read advance
 * widths and vertical metrics.
 */
declare module "opentype.js" {
  namespace opentype {
    interface Font {
      readonly unitsPerEm: number;
      readonly tables: { readonly os2: { readonly sCapHeight: number; readonly sTypoAscender: number; readonly sTypoDescender: number } };
      getAdvanceWidth(text: string, fontSize: number, options?: { readonly kerning?: boolean }): number;
    }
  }
  const opentype: { parse(buffer: ArrayBuffer): opentype.Font };
  export default opentype;
}
