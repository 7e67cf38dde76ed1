import type { Refusal } from "../app/use-case-result.js";
import { escapeHtml } from "./html-page.js";
import { CSRF_FIELD } from "./auth/security-plugins.js";

/**
 * The pieces every form of the sign-in, account and comment pages shares, in the design system's markup
 * (dkfds form-group / form-label / form-input, error message inside the group it is about, an error summary
 * at the top announced by screen readers).
 */
export function csrfInput(token: string): string {
  return `<input type="hidden" name="${CSRF_FIELD}" value="${escapeHtml(token)}">`;
}

export function errorSummary(refusal: Refusal | null): string {
  if (!refusal) return "";
  return `<div class="alert alert-error form-refusal" role="alert"><div class="alert-body"><p class="alert-text">${escapeHtml(refusal.messageDa)}</p></div></div>`;
}

export type FieldOptions = {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly type?: "text" | "email" | "password" | "number";
  readonly value?: string;
  readonly autocomplete?: string;
  readonly required?: boolean;
  readonly hint?: string;
  /** The message to show inside this field's group (the refusal named this field). */
  readonly error?: string | null;
  readonly extra?: string;
};

export function inputField(o: FieldOptions): string {
  const describedBy = [o.hint ? `${o.id}-hint` : "", o.error ? `${o.id}-error` : ""].filter(Boolean).join(" ");
  return `<div class="form-group${o.error ? " form-error" : ""}"><label class="form-label" for="${o.id}">${escapeHtml(o.label)}</label>${
    o.hint ? `<span class="form-hint" id="${o.id}-hint">${escapeHtml(o.hint)}</span>` : ""
  }${o.error ? `<span class="form-error-message" id="${o.id}-error"><span class="sr-only">Fejl: </span>${escapeHtml(o.error)}</span>` : ""}<input class="form-input" id="${o.id}" name="${o.name}" type="${o.type ?? "text"}"${
    o.value !== undefined ? ` value="${escapeHtml(o.value)}"` : ""
  }${o.autocomplete ? ` autocomplete="${o.autocomplete}"` : ""}${o.required ? " required" : ""}${describedBy ? ` aria-describedby="${describedBy}"` : ""}${o.extra ?? ""}></div>`;
}

/** The message for `field` when the refusal is about it. */
export function errorFor(refusal: Refusal | null, field: string): string | null {
  return refusal && refusal.field === field ? refusal.messageDa : null;
}

/** A form body field as one string: formbody gives an array for a repeated name, and nothing for a missing one. */
export function formField(body: unknown, name: string): string {
  if (body === null || typeof body !== "object") return "";
  const value = (body as Record<string, unknown>)[name];
  if (typeof value === "string") return value;
  return Array.isArray(value) && typeof value[0] === "string" ? value[0] : "";
}
