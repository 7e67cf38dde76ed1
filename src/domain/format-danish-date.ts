/** "5. juni 2025" from an ISO timestamp: the date in Danish time, whatever the server's time zone. */
export function formatDateDa(iso: string): string {
  return new Intl.DateTimeFormat("da-DK", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Copenhagen" }).format(new Date(iso));
}

/** "5. juni 2025 kl. 14.03" in Danish time (the audit trail and token lists need the minute). */
export function formatDateTimeDa(iso: string): string {
  const d = new Date(iso);
  const time = new Intl.DateTimeFormat("da-DK", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Copenhagen" }).format(d);
  return `${formatDateDa(iso)} kl. ${time}`;
}
