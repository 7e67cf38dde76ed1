import type { Refusal } from "./use-case-result.js";

/**
 * An error a person caused and can fix, said once for every door: a stable code (the API's `error`), a
 * Danish message (the API's `message`, the page's text, the CLI's `Fejl: …`) and the HTTP status a
 * server answers with. Thrown by the parameter parsers (params.ts); the server's one error handler turns
 * it into the API's JSON error body or a refusal page, so no route lists error classes of its own.
 */
export class UserFacingError extends Error {
  override readonly name = "UserFacingError";

  constructor(
    readonly code: string,
    readonly messageDa: string,
    readonly httpStatus: Refusal["status"],
  ) {
    super(messageDa);
  }
}

/** The error as a use case's refusal, for doors that answer refusals (a page, a form). */
export function refusalOf(error: UserFacingError): Refusal {
  return { kind: "refused", status: error.httpStatus, messageDa: error.messageDa };
}
