/**
 * Security events (sign-ins, refusals, a CPR number kept out) for the operator's log. The fields are chosen
 * by the caller and never hold a secret, a password or the refused text itself: a CPR refusal names the
 * field and position only.
 */
export type SecurityEvent = {
  readonly event: "sign-in" | "sign-in-failed" | "sign-in-rate-limited" | "sign-out" | "access-denied" | "cpr-refused" | "oidc-refused";
  readonly [field: string]: string | number | boolean | null;
};

export interface SecurityLog {
  record(event: SecurityEvent): void;
}

/** One JSON line per event on standard error, where the server's operator collects logs. */
export function stderrSecurityLog(now: () => Date = () => new Date()): SecurityLog {
  return {
    record(event) {
      process.stderr.write(`${JSON.stringify({ at: now().toISOString(), kind: "security", ...event })}\n`);
    },
  };
}

/** Keeps the events in memory: what tests read to prove an event was logged, and logged without the number. */
export function memorySecurityLog(): SecurityLog & { readonly events: SecurityEvent[] } {
  const events: SecurityEvent[] = [];
  return { events, record: (event) => void events.push(event) };
}
