/**
 * What a use case answers when it does not do what was asked: a status the doors map to HTTP (and the CLI
 * to an exit code) and a Danish message a person can act on. Returned, not thrown, so a door must handle it.
 */
export type Refusal = {
  readonly kind: "refused";
  readonly status: 400 | 401 | 403 | 404 | 409 | 429;
  readonly messageDa: string;
  /** For 429: seconds until a new attempt may succeed. */
  readonly retryAfterSeconds?: number;
  /** For 400: the field the message is about, so a form can put it next to the right input. */
  readonly field?: string;
};

export function refuse(status: Refusal["status"], messageDa: string, extra: Pick<Refusal, "retryAfterSeconds" | "field"> = {}): Refusal {
  return { kind: "refused", status, messageDa, ...extra };
}
