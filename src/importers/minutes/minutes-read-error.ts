/** A document that cannot be read as minutes, with the Danish message a person is shown. */
export class MinutesReadError extends Error {
  constructor(
    readonly messageDa: string,
    /** `no-text-layer`: a PDF of scanned pages, which holds no text to read (or to search for CPR numbers). */
    readonly reason: "unreadable" | "no-text-layer" = "unreadable",
  ) {
    super(messageDa);
  }
}
