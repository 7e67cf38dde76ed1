import type { InputHTMLAttributes, JSX } from "preact";
import type { Refusal } from "../../app/use-case-result.js";
import { CSRF_FIELD } from "../auth/csrf-field.js";

/**
 * The pieces every form shares, in the design system's markup (dkfds form-group / form-label / form-input,
 * the error message inside the group it is about, an error summary at the top announced by screen
 * readers). preact escapes every value, so a field can show back whatever a person typed.
 */
export function CsrfInput({ token }: { readonly token: string }): JSX.Element {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

export function ErrorSummary({ refusal }: { readonly refusal: Refusal | null }): JSX.Element | null {
  if (!refusal) return null;
  return (
    <div class="alert alert-error form-refusal" role="alert">
      <div class="alert-body">
        <p class="alert-text">{refusal.messageDa}</p>
      </div>
    </div>
  );
}

/**
 * A labelled field in the design system's markup: label, hint, and its error (when the refusal names it)
 * inside its group. The control comes from `children`, given the ids it must name in aria-describedby.
 */
export function FieldGroup(props: {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | null | undefined;
  /** Extra classes of the group (selection-field on a selection form). */
  readonly extraClass?: string;
  readonly children: (describedBy: string | undefined) => JSX.Element;
}): JSX.Element {
  const describedBy =
    [props.hint ? `${props.id}-hint` : "", props.error ? `${props.id}-error` : ""].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div class={["form-group", props.extraClass ?? "", props.error ? "form-error" : ""].filter(Boolean).join(" ")}>
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      {props.hint && (
        <span class="form-hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <span class="form-error-message" id={`${props.id}-error`}>
          <span class="sr-only">Fejl: </span>
          {props.error}
        </span>
      )}
      {props.children(describedBy)}
    </div>
  );
}

export type InputFieldProps = {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly type?: "text" | "email" | "password" | "number" | "date" | "url";
  readonly value?: string;
  readonly autocomplete?: string;
  readonly required?: boolean;
  readonly hint?: string;
  /** The message to show inside this field's group (the refusal named this field). */
  readonly error?: string | null;
  readonly minLength?: number;
  readonly min?: number;
  readonly max?: number;
  readonly inputMode?: "numeric" | "text";
};

export function InputField(p: InputFieldProps): JSX.Element {
  return (
    <FieldGroup id={p.id} label={p.label} hint={p.hint} error={p.error}>
      {(describedBy) => (
        <input
          class="form-input"
          id={p.id}
          name={p.name}
          // preact types `type` as a union per input kind; one field component covers several kinds.
          {...({ type: p.type ?? "text" } as InputHTMLAttributes<HTMLInputElement>)}
          value={p.value}
          autocomplete={p.autocomplete}
          required={p.required}
          minLength={p.minLength}
          min={p.min}
          max={p.max}
          inputMode={p.inputMode}
          aria-describedby={describedBy}
        />
      )}
    </FieldGroup>
  );
}

/** The message for `field` when the refusal is about it. */
export function errorFor(refusal: Refusal | null, field: string): string | null {
  return refusal && refusal.field === field ? refusal.messageDa : null;
}

export type SelectOption = { readonly value: string; readonly labelDa: string };

export type SelectFieldProps = {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly options: readonly SelectOption[];
  readonly selected: string | null;
  readonly hint?: string;
  readonly error?: string | null;
  /** The narrow field of a selection form (selection-field) instead of a full-width one. */
  readonly inline?: boolean;
};

export function SelectField(p: SelectFieldProps): JSX.Element {
  return (
    <FieldGroup
      id={p.id}
      label={p.label}
      hint={p.hint}
      error={p.error}
      {...(p.inline ? { extraClass: "selection-field" } : {})}
    >
      {(describedBy) => (
        <select class="form-select" id={p.id} name={p.name} aria-describedby={describedBy}>
          {p.options.map((o) => (
            <option value={o.value} selected={o.value === p.selected}>
              {o.labelDa}
            </option>
          ))}
        </select>
      )}
    </FieldGroup>
  );
}

/** A confirmation after a write, announced politely (role=status). */
export function SuccessNotice({ textDa }: { readonly textDa: string | null | undefined }): JSX.Element | null {
  if (!textDa) return null;
  return (
    <div class="alert alert-success" role="status">
      <div class="alert-body">
        <p class="alert-text">{textDa}</p>
      </div>
    </div>
  );
}

/** The "Vis" button of a selection form (map, profile, audit trail, compliance), beside its fields. */
export function SelectionSubmit({ primary = false }: { readonly primary?: boolean }): JSX.Element {
  return (
    <div class="selection-field selection-submit">
      <button class={primary ? "button button-primary" : "button button-secondary"} type="submit">
        Vis
      </button>
    </div>
  );
}
